using System.Globalization;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.TestRuns;

/// <summary>
/// What the incident record shows about the tests: per suite, its runs and its latest pass; and the runbook's
/// "ANTI_PATTERN: testing only in dev environment — FIX: if staging exists, test there" when the policy names a
/// production-like environment and a mandatory suite has passed only elsewhere. The test plan, the checklist and
/// <c>hotfix finish</c> all say it from here, in the same words.
/// </summary>
internal sealed class TestEvidence
{
    public const string AntiPattern = "ANTI_PATTERN: testing only in dev environment";
    public const string Fix = "FIX: if staging exists, test there — production-like environment catches config-dependent bugs";

    private readonly HotfixPolicy policy;

    private TestEvidence(HotfixPolicy policy, IReadOnlyList<TestRun> runs)
    {
        this.policy = policy;
        Runs = runs;
    }

    /// <summary>Every recorded run, oldest first.</summary>
    public IReadOnlyList<TestRun> Runs { get; }

    /// <summary>The policy's production-like environments (staging …), in policy order.</summary>
    public IReadOnlyList<string> ProductionLike => policy.Environments.Where(e => e.ProductionLike).Select(e => e.Name).ToList();

    public static TestEvidence From(HotfixPolicy policy, IEnumerable<Records.IncidentEvent> events) => new(policy, TestRunEvents.Read(events));

    public IReadOnlyList<TestRun> RunsOf(string suite) => Runs.Where(r => r.Suite == suite).ToList();

    /// <summary>The latest passing run of <paramref name="suite"/>, preferring one in a production-like environment.</summary>
    public TestRun? LatestPass(string suite)
    {
        var passes = RunsOf(suite).Where(r => r.Passed).ToList();
        return passes.LastOrDefault(IsProductionLike) ?? passes.LastOrDefault();
    }

    public bool IsProductionLike(TestRun run) => run.Environment is { } name && ProductionLike.Contains(name);

    /// <summary>
    /// Mandatory suites with a recorded pass but none in a production-like environment — empty when the policy names
    /// no production-like environment (then nobody can say staging exists).
    /// </summary>
    public IReadOnlyList<string> PassedOnlyOutsideProductionLike() =>
        ProductionLike.Count == 0
            ? []
            : policy.Tests.Mandatory.Where(s => RunsOf(s).Any(r => r.Passed) && !RunsOf(s).Any(r => r.Passed && IsProductionLike(r))).ToList();

    /// <summary>The anti-pattern warning in words, with what to run; null when it does not apply.</summary>
    public string? EnvironmentWarning()
    {
        var suites = PassedOnlyOutsideProductionLike();
        if (suites.Count == 0)
        {
            return null;
        }

        var where = string.Join(", ", suites.Select(s => $"{s} ({string.Join(", ", RunsOf(s).Where(r => r.Passed).Select(r => r.Environment ?? "environment not given").Distinct())})"));
        var target = ProductionLike[0];
        return $"{AntiPattern}: the mandatory suites passed only outside a production-like environment: {where}. {Fix}: "
            + string.Join("; ", suites.Select(s => Rerun(s, target)));
    }

    /// <summary>The command that runs <paramref name="suite"/> again where it should pass, with the feature it passed for.</summary>
    private string Rerun(string suite, string environment) =>
        Workflow.ShellWords.Join([
            "hotfix", "test", suite,
            .. LatestPass(suite)?.Feature is { } feature ? new[] { "--feature", feature } : [],
            "--env", environment]);

    /// <summary>"passed in staging (exit 0, 42 s)": for places that already say who and when.</summary>
    public static string DescribeResult(TestRun run) =>
        $"{(run.Passed ? "passed" : "failed")}{(run.Environment is null ? string.Empty : $" in {run.Environment}")} ("
        + (run.TimedOut ? "timed out" : $"exit {run.ExitCode}") + $", {TestRunEvents.Seconds(run.Duration)})";

    /// <summary>"passed in staging at 2026-03-24 10:30 +01:00 by sandro (exit 0, 42 s)".</summary>
    public static string Describe(TestRun run) =>
        $"{(run.Passed ? "passed" : "failed")}{(run.Environment is null ? string.Empty : $" in {run.Environment}")} at "
        + run.At.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) + $" by {run.By} ("
        + (run.TimedOut ? "timed out" : $"exit {run.ExitCode}") + $", {TestRunEvents.Seconds(run.Duration)})";
}
