using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Verification;

/// <summary>
/// The steps of POST_VERIFICATION against an incident record: record the deploy, record the checks of a checkpoint
/// (refused before it is due), declare the hotfix stable (refused unless every check passed), record the post-mortem,
/// close the incident (refused unless stable and a post-mortem is scheduled or done). Nothing here writes: each step
/// returns the entries for the caller to append, so hosts decide where records go.
/// </summary>
internal static class StabilityVerification
{
    public static VerificationOutcome Deployed(HotfixPolicy policy, IncidentRecord record, string by, DateTimeOffset at, string? note)
    {
        if (record.OfKind(IncidentEventKinds.Closed).LastOrDefault() is { } closed)
        {
            return VerificationOutcome.Refused($"{record.Incident} was closed at {StabilityWindow.Time(closed.At)}; a new deploy needs a new incident");
        }

        var e = StabilityEvents.Deployed(record.Incident, policy, by, at, note);

        // A deploy recorded late (--when before a deploy already recorded) is history, not a restart: the window keeps
        // running from the latest deploy, and saying otherwise would send people to checks that are not due.
        if (record.OfKind(IncidentEventKinds.Deployed).Where(d => d.At > at).MaxBy(d => d.At) is { } later)
        {
            e = e with { Summary = $"hotfix deployed (recorded after a later deploy): the {policy.StabilityWindow.Hours}-hour stability window still runs from the deploy at {StabilityWindow.Time(later.At)}" + (note is null ? string.Empty : $" — {note}") };
        }

        return VerificationOutcome.Record(e.Summary, e);
    }

    public static async Task<VerificationOutcome> CheckAsync(
        HotfixPolicy policy,
        IncidentRecord record,
        string checkpoint,
        IReadOnlyList<CheckInput> inputs,
        IStabilityMetrics metrics,
        string by,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var checkpoints = StabilityWindow.Checkpoints(policy.StabilityWindow);
        var names = string.Join(", ", checkpoints.Select(c => c.Name));
        var point = checkpoints.FirstOrDefault(c => c.Name == checkpoint);
        if (point.Name is null)
        {
            throw new HotfixInputException($"--at '{checkpoint}': not a checkpoint of the stability window; expected one of {names} (policy stabilityWindow.checkpoints)");
        }

        var measureAll = inputs.Count == 0;
        if (measureAll)
        {
            // "--at h1" alone: measure every check that has a query; a person attests the rest.
            inputs = [.. point.Checks.Where(c => c.Query is not null).Select(c => new CheckInput(c.Id, null, null))];
            if (inputs.Count == 0)
            {
                throw new HotfixInputException($"--check: missing; expected one or more of {string.Join(", ", point.Checks.Select(c => c.Id))} as {CheckInput.ExpectedForm} (no {checkpoint} check has a query to measure)");
            }
        }

        var resolved = new List<(VerificationCheckPolicy Check, CheckInput Input)>();
        foreach (var input in inputs)
        {
            var check = point.Checks.FirstOrDefault(c => c.Id == input.CheckId);
            if (check is null)
            {
                var elsewhere = checkpoints.FirstOrDefault(c => c.Checks.Any(k => k.Id == input.CheckId));
                throw new HotfixInputException(
                    $"--check '{input.CheckId}': not a {checkpoint} check" + (elsewhere.Name is null ? string.Empty : $" (it is due at {elsewhere.Name})")
                    + $"; expected one of {string.Join(", ", point.Checks.Select(c => c.Id))}");
            }

            if (resolved.Any(r => r.Check.Id == check.Id))
            {
                throw new HotfixInputException($"--check '{check.Id}': given twice; expected each check once");
            }

            resolved.Add((check, input));
        }

        var status = StabilityWindow.Evaluate(policy, record.Events, at, record.Incident);
        if (status.Deployed is not { } deployed)
        {
            return VerificationOutcome.Refused($"no deploy is recorded for {record.Incident}: the stability window has not started; record it first: hotfix verify {record.Incident} --deployed");
        }

        var due = deployed.At.AddHours(point.Hour);
        if (at < due)
        {
            return VerificationOutcome.Refused(
                $"{checkpoint} checks are due at {StabilityWindow.Time(due)} ({point.Hour} h after the deploy at {StabilityWindow.Time(deployed.At)}); it is {StabilityWindow.Time(at)}, so nothing was recorded");
        }

        var events = new List<IncidentEvent>();
        foreach (var (check, input) in resolved)
        {
            if (input.Passed is { } passed)
            {
                events.Add(StabilityEvents.Check(record.Incident, checkpoint, check, passed, input.Note, "attested", by, at));
                continue;
            }

            var request = new MetricRequest(checkpoint, check, record.Events.Min(e => e.At), deployed.At, due) { Incident = record.Incident.ToString() };
            var reading = await metrics.MeasureAsync(request, cancellationToken).ConfigureAwait(false)
                ?? throw new HotfixInputException(check.Query is null
                    ? $"--check '{check.Id}': no metrics source measures it ({metrics.Source}); expected {check.Id}=pass|fail[:note] — what you attest"
                    : $"--check '{check.Id}': it has a query but no metrics source is configured ({metrics.Source}); expected policy metrics.prometheus.url, or {check.Id}=pass|fail[:note] — what you attest");
            events.Add(StabilityEvents.Measured(record.Incident, checkpoint, check, reading, metrics.Source, by, at));
        }

        var toAttest = measureAll ? point.Checks.Where(c => c.Query is null).ToList() : [];
        return VerificationOutcome.Record($"recorded {events.Count} {checkpoint} check(s)", [.. events]) with { ToAttest = toAttest };
    }

    public static VerificationOutcome DeclareStable(HotfixPolicy policy, IncidentRecord record, string by, DateTimeOffset at)
    {
        var status = StabilityWindow.Evaluate(policy, record.Events, at, record.Incident);
        if (status.DeclaredStable is { } declared)
        {
            return VerificationOutcome.Refused($"the hotfix was already declared stable by {declared.By} at {StabilityWindow.Time(declared.At)}");
        }

        if (!status.CanDeclareStable)
        {
            return VerificationOutcome.Refused("the hotfix cannot be declared stable yet: " + string.Join("; ", status.NotStableBecause));
        }

        var e = StabilityEvents.Stable(record.Incident, policy.StabilityWindow.Hours, by, at);
        return VerificationOutcome.Record(e.Summary, e);
    }

    public static VerificationOutcome PostMortem(IncidentRecord record, string status, string? note, string by, DateTimeOffset at)
    {
        if (status is not (StabilityEvents.Scheduled or StabilityEvents.Done))
        {
            throw new HotfixInputException($"--post-mortem '{status}': expected scheduled or done");
        }

        var e = StabilityEvents.PostMortem(record.Incident, status, note, by, at);
        return VerificationOutcome.Record(e.Summary, e);
    }

    public static VerificationOutcome Close(HotfixPolicy policy, IncidentRecord record, string by, DateTimeOffset at, string? note)
    {
        var status = StabilityWindow.Evaluate(policy, record.Events, at, record.Incident);
        if (status.Closed is { } closed)
        {
            return VerificationOutcome.Refused($"{record.Incident} was already closed by {closed.By} at {StabilityWindow.Time(closed.At)}");
        }

        if (!status.CanClose)
        {
            return VerificationOutcome.Refused($"{record.Incident} cannot be closed yet: " + string.Join("; ", status.CannotCloseBecause));
        }

        var e = StabilityEvents.Closed(record.Incident, by, at, note);
        return VerificationOutcome.Record(e.Summary, e);
    }
}
