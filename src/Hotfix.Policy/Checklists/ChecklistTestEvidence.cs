using Hotfix.Policy.Policies;
using Hotfix.Policy.Records;
using Hotfix.Policy.TestRuns;

namespace Hotfix.Policy.Checklists;

/// <summary>
/// Ticks the checklist's test items ("Smoke test passed", "Regression test passed", "Run full regression suite") from
/// passing runs recorded by <c>hotfix test</c> — with when, where and by whom — and the POST_DEPLOY status item from a
/// recorded <c>mitigated</c> or <c>resolved</c> status. A tick by hand (<c>--done</c>) stays, but says that no run backs it.
/// It also carries the runbook's "testing only in dev environment" warning onto the mandatory test items.
/// </summary>
internal static class ChecklistTestEvidence
{
    /// <summary>Checklist item id → the suite whose recorded pass ticks it.</summary>
    private static readonly Dictionary<string, string> Suites = new(StringComparer.Ordinal)
    {
        ["pre.smoke"] = "smoke",
        ["pre.regression"] = "regression",
        ["post.full-regression"] = "full-regression",
    };

    public const string StatusItem = "post.incident-status";

    /// <summary>The commands that do a test item: <c>hotfix test SUITE …</c> (recorded), then the policy's command itself.</summary>
    public static IReadOnlyList<string> Commands(HotfixPolicy policy, string suite) => SuggestedTestCommands.For(policy, suite);

    public static ChecklistEntry Apply(ChecklistEntry entry, HotfixPolicy policy, TestEvidence evidence, IReadOnlyList<IncidentEvent> recorded)
    {
        if (entry.Id == StatusItem)
        {
            return Status(entry, recorded);
        }

        if (!Suites.TryGetValue(entry.Id, out var suite))
        {
            return entry;
        }

        var notes = new List<string>();
        if (entry.Note is not null)
        {
            notes.Add(entry.Note);
        }

        var pass = evidence.LatestPass(suite);
        var last = evidence.RunsOf(suite).LastOrDefault();
        if (pass is null && last is not null)
        {
            notes.Add($"last run {TestEvidence.Describe(last)}");
        }
        else if (pass is null && entry.Done is not null)
        {
            notes.Add($"ticked by hand; no passing run is recorded (hotfix test {suite})");
        }
        else if (pass is not null && last is not null && !last.Passed)
        {
            notes.Add($"the latest run {TestEvidence.Describe(last)}");
        }

        if (policy.Tests.Mandatory.Contains(suite) && evidence.PassedOnlyOutsideProductionLike().Contains(suite))
        {
            notes.Add($"{TestEvidence.AntiPattern}: passed only outside {string.Join(", ", evidence.ProductionLike)}; {TestEvidence.Fix}");
        }

        var done = pass is null ? entry.Done : new ChecklistCompletion(pass.By, pass.At, TestEvidence.DescribeResult(pass));
        return entry with { Note = notes.Count == 0 ? null : string.Join("; ", notes), Done = done };
    }

    private static ChecklistEntry Status(ChecklistEntry entry, IReadOnlyList<IncidentEvent> recorded)
    {
        var latest = IncidentStatuses.Latest(recorded);
        if (latest?.Outcome is not (IncidentStatuses.Mitigated or IncidentStatuses.Resolved))
        {
            return latest is null ? entry : entry with { Note = $"status now: {latest.Outcome} ({latest.By})" };
        }

        return entry with { Done = entry.Done ?? new ChecklistCompletion(latest.By, latest.At, $"status {latest.Outcome}") };
    }
}
