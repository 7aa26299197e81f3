using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Policies.Validation;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Verification;

/// <summary>
/// Evaluates the stability window from the incident record. The window starts at the latest <c>deployed</c> entry (a
/// new deploy restarts it; results recorded before it no longer count). A hotfix can be declared stable only when every
/// check of the window — including every check of the last checkpoint (h24) — passed at its latest result; the incident
/// can be closed only after the hotfix was declared stable and a post-mortem is scheduled or done.
/// </summary>
internal static class StabilityWindow
{
    /// <param name="policy">The window's length and checkpoints.</param>
    /// <param name="events">The incident record, oldest first.</param>
    /// <param name="now">When the window is looked at.</param>
    /// <param name="incident">Names the incident in the commands the reasons suggest, so they can be pasted; null keeps <c>INC-…</c>.</param>
    public static StabilityWindowStatus Evaluate(HotfixPolicy policy, IReadOnlyList<IncidentEvent> events, DateTimeOffset now, IncidentId? incident = null)
    {
        var inc = incident?.ToString() ?? "INC-…";
        var window = policy.StabilityWindow;
        // The latest deploy by time, not by when it was written: a deploy recorded late (--when) is history.
        var deploy = events.Where(e => e.Kind == IncidentEventKinds.Deployed).Reverse().MaxBy(e => e.At);
        var since = deploy is null ? [] : events.Where(e => e.At >= deploy.At).ToList();
        var latest = new Dictionary<string, CheckAttestation>(StringComparer.Ordinal);
        foreach (var attestation in since.Select(ReadAttestation).OfType<CheckAttestation>())
        {
            latest[attestation.CheckId] = attestation;
        }

        var ordered = Checkpoints(window);
        var checkpoints = ordered
            .Select((c, i) =>
            {
                DateTimeOffset? due = deploy?.At.AddHours(c.Hour);
                var overdue = deploy?.At.AddHours(OverdueHour(ordered, i));
                var checks = c.Checks.Select(k => new CheckStatus(k, latest.GetValueOrDefault(k.Id))).ToList();
                var state = deploy is null ? CheckpointState.NotStarted
                    : checks.Any(k => k.State == CheckState.Fail) ? CheckpointState.Failed
                    : checks.All(k => k.State == CheckState.Pass) ? CheckpointState.Passed
                    : now < due ? CheckpointState.NotDue
                    : now < overdue ? CheckpointState.Due
                    : CheckpointState.Overdue;
                return new CheckpointStatus(c.Name, c.Hour, due, state, checks);
            })
            .ToList();

        var notStable = new List<string>();
        if (deploy is null)
        {
            notStable.Add($"no deploy is recorded: the stability window has not started (hotfix verify {inc} --deployed)");
        }
        else
        {
            var end = deploy.At.AddHours(window.Hours);
            if (now < end)
            {
                notStable.Add($"the {window.Hours}-hour window ends at {Time(end)}");
            }

            foreach (var checkpoint in checkpoints)
            {
                foreach (var check in checkpoint.Checks.Where(k => k.State != CheckState.Pass))
                {
                    notStable.Add(check.State == CheckState.Fail
                        ? $"{checkpoint.Name} {check.Check.Id} failed ({check.Latest!.By}, {Time(check.Latest.At)}{(check.Latest.Note is null ? string.Empty : ": " + check.Latest.Note)})"
                        : $"{checkpoint.Name} {check.Check.Id} not checked yet ({(checkpoint.State == CheckpointState.Overdue ? "OVERDUE: " : string.Empty)}due {Time(checkpoint.DueAt!.Value)})");
                }
            }
        }

        var stable = since.LastOrDefault(e => e.Kind == IncidentEventKinds.Stable) is { } s ? new RecordedStep(s.At, s.By) : null;
        var postMortem = ReadPostMortem(events);
        var closed = events.LastOrDefault(e => e.Kind == IncidentEventKinds.Closed) is { } c2 ? new RecordedStep(c2.At, c2.By) : null;
        var cannotClose = new List<string>();
        if (stable is null)
        {
            cannotClose.Add($"the hotfix has not been declared stable (hotfix verify {inc} --declare-stable)");
        }

        if (postMortem is null)
        {
            cannotClose.Add($"no post-mortem is scheduled or done (hotfix verify {inc} --post-mortem scheduled)");
        }

        // POST_DEPLOY "update incident status to mitigated or resolved": only a resolved incident is closed.
        var status = IncidentStatuses.Latest(events)?.Outcome;
        if (status != IncidentStatuses.Resolved)
        {
            cannotClose.Add((status is null ? "no incident status is recorded" : $"the incident status is {status}") + $", not resolved (hotfix record {inc} --status resolved)");
        }

        return new StabilityWindowStatus(
            window.Hours,
            deploy is null ? null : new DeployInfo(deploy.At, deploy.By),
            now,
            checkpoints,
            notStable.Count == 0,
            notStable,
            stable,
            postMortem,
            cannotClose.Count == 0,
            cannotClose,
            closed);
    }

    /// <summary>
    /// When a checkpoint's unchecked checks become overdue: once the next checkpoint is due (h1's at hour 4, h4's at
    /// hour 24) — by then the runbook's moment for them has passed — and the last checkpoint's a day after it is due.
    /// </summary>
    internal static int OverdueHour(IReadOnlyList<(string Name, int Hour, IReadOnlyList<VerificationCheckPolicy> Checks)> ordered, int index) =>
        index + 1 < ordered.Count ? ordered[index + 1].Hour : ordered[index].Hour + 24;

    /// <summary>The policy's checkpoints in hour order (h1, h4, h24).</summary>
    public static IReadOnlyList<(string Name, int Hour, IReadOnlyList<VerificationCheckPolicy> Checks)> Checkpoints(StabilityWindowPolicy window) =>
        window.Checkpoints
            .Select(kv => (Name: kv.Key, Hour: HotfixPolicyValidator.TryCheckpointHour(kv.Key, out var h) ? h : int.MaxValue, Checks: kv.Value))
            .OrderBy(c => c.Hour)
            .ToList();

    internal static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static CheckAttestation? ReadAttestation(IncidentEvent e)
    {
        if (e.Kind != IncidentEventKinds.Verification || e.Details is not { } d
            || Text(d, "checkpoint") is not { } checkpoint || Text(d, "check") is not { } check || Text(d, "result") is not { } result)
        {
            return null;
        }

        return new CheckAttestation(checkpoint, check, result == StabilityEvents.Pass, Text(d, "note"), Text(d, "source") ?? "attested", e.By, e.At);
    }

    private static PostMortemInfo? ReadPostMortem(IReadOnlyList<IncidentEvent> events) =>
        events.LastOrDefault(e => e.Kind == IncidentEventKinds.PostMortem) is { Details: { } d } e && Text(d, "status") is { } status
            ? new PostMortemInfo(status, e.At, e.By, Text(d, "note"))
            : null;

    internal static string? Text(JsonObject details, string key) =>
        details[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
