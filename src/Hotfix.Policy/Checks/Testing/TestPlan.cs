using Hotfix.Policy.Checks.Classification;
using Hotfix.Policy.Policies;
using Hotfix.Policy.TestRuns;

namespace Hotfix.Policy.Checks.Testing;

/// <summary>
/// HOTFIX:EXPEDITED_TESTING as a plan: MANDATORY_TESTS always, CONDITIONAL_TESTS for each kind the change has,
/// and the SKIP_WITH_JUSTIFICATION suites — deferred post-deploy with a justification at SEV1, required before the
/// deploy at every other severity. Runbook lines and descriptions are data, keyed by the runbook's test ids and kinds.
/// </summary>
internal static class TestPlan
{
    /// <summary>Test id → (runbook line, what the test must show), for the runbook's own ids.</summary>
    private static readonly Dictionary<string, (string Line, string Description)> KnownTests = new(StringComparer.Ordinal)
    {
        ["smoke"] = ("SMOKE_TEST: does the fix resolve the reported issue?", "does the fix resolve the reported issue? (takes < 2 minutes — always run it)"),
        ["regression"] = ("REGRESSION_TEST: does the fix break the happy path of affected feature?", "does the fix break the happy path of the affected feature?"),
        ["integration"] = ("INTEGRATION_TEST: does the fix work with adjacent services? (API contracts, DB queries)", "does the fix work with adjacent services? (API contracts, DB queries)"),
        ["migration-up-down"] = ("IF: database change THEN: test migration up AND down, verify data integrity", "apply the migration, roll it back and apply it again; then verify data integrity (row counts, constraints, no lost or changed rows)"),
        ["api-client-payloads"] = ("IF: API change THEN: test with actual client payloads (from incident logs)", "replay actual client payloads from the incident logs against the changed API"),
        ["auth-end-to-end"] = ("IF: auth/security change THEN: test auth flow end-to-end, verify no bypass", "run the auth flow end-to-end and verify there is no bypass"),
        ["load-test"] = ("IF: performance fix THEN: run targeted load test (see performance domain)", "run a targeted load test of the fixed path (see the performance domain)"),
        ["full-regression"] = ("Full regression suite (run post-deploy instead)", "the full regression suite"),
        ["cross-browser"] = ("Cross-browser testing (run post-deploy)", "cross-browser testing"),
        ["accessibility"] = ("Accessibility testing (run post-deploy)", "accessibility testing"),
    };

    /// <summary>Change kind → the CONDITIONAL_TESTS line for tests the policy maps to it under its own ids.</summary>
    private static readonly Dictionary<string, string> KindLines = new(StringComparer.Ordinal)
    {
        [ChangeKinds.Database] = "IF: database change THEN: test migration up AND down, verify data integrity",
        [ChangeKinds.Api] = "IF: API change THEN: test with actual client payloads (from incident logs)",
        [ChangeKinds.Auth] = "IF: auth/security change THEN: test auth flow end-to-end, verify no bypass",
        [ChangeKinds.Performance] = "IF: performance fix THEN: run targeted load test (see performance domain)",
    };

    private const string MandatoryLine = "MANDATORY_TESTS (all severities)";
    private const string ConditionalLine = "CONDITIONAL_TESTS";
    private const string SkipLine = "SKIP_WITH_JUSTIFICATION (SEV1 only)";

    /// <summary>Files with evidence quoted per kind in a reason; the classification section lists them all.</summary>
    private const int SignalsInReason = 3;

    public static IReadOnlyList<RequiredTest> For(TestPolicy tests, ChangeClassification classification, IncidentSeverity? severity) =>
        Explain(tests, classification, severity).Required;

    /// <summary>The plan for this check's change and severity, worked out once for every section that shows part of it.</summary>
    public static (IReadOnlyList<RequiredTest> Required, IReadOnlyList<(string Id, string Reason)> NotRequired) Explain(CheckContext context)
    {
        var explained = context.Fact(c => new Explained(Explain(c.Policy.Tests, ChangeClassification.Of(c), c.Options.Severity)));
        return (explained.Plan.Required, explained.Plan.NotRequired);
    }

    /// <summary>
    /// The plan, and the suites it would have listed but whose condition (policy <c>tests.appliesTo</c>) this change does
    /// not meet, each with why — so a one-line backend fix is not asked for cross-browser testing, and says so.
    /// </summary>
    public static (IReadOnlyList<RequiredTest> Required, IReadOnlyList<(string Id, string Reason)> NotRequired) Explain(
        TestPolicy tests, ChangeClassification classification, IncidentSeverity? severity)
    {
        var plan = new List<RequiredTest>();
        var notRequired = new List<(string Id, string Reason)>();

        // Null: no condition; otherwise whether the change meets it, and the words that say so.
        bool Applies(string id, out string? because)
        {
            var applicability = TestApplicability.Of(tests, id, classification);
            because = applicability?.Reason;
            if (applicability is { Applies: false } && notRequired.All(n => n.Id != id))
            {
                notRequired.Add((id, applicability.Reason));
            }

            return applicability is null or { Applies: true };
        }

        foreach (var id in tests.Mandatory)
        {
            var (line, description) = Known(id, MandatoryLine);
            plan.Add(new RequiredTest(id, "mandatory at every severity (MANDATORY_TESTS)", line, TestTiming.PreDeploy, description, Command(tests, id), false));
        }

        foreach (var kind in classification.Kinds)
        {
            if (!tests.Conditional.TryGetValue(kind, out var ids))
            {
                continue;
            }

            var reason = $"{kind} change: {ChangeKindSignal.Summarize(classification.SignalsFor(kind), SignalsInReason)}";
            foreach (var id in ids)
            {
                if (plan.FindIndex(t => t.Id == id) is var existing and >= 0)
                {
                    plan[existing] = plan[existing] with { Reason = plan[existing].Reason + "; " + reason };
                    continue;
                }

                if (!Applies(id, out var because))
                {
                    continue;
                }

                var line = KindLines.TryGetValue(kind, out var kindLine) ? kindLine : ConditionalLine;
                var description = KnownTests.TryGetValue(id, out var known) ? known.Description : $"the test your policy requires for {kind} changes";
                plan.Add(new RequiredTest(id, WithCondition(reason, because), line, TestTiming.PreDeploy, description, Command(tests, id), false));
            }
        }

        foreach (var id in tests.SkippableOnSev1.Where(id => plan.All(t => t.Id != id)))
        {
            if (!Applies(id, out var because))
            {
                continue;
            }

            var (line, description) = Known(id, SkipLine);
            plan.Add(severity == IncidentSeverity.Sev1
                ? new RequiredTest(id, WithCondition("SEV1: may run post-deploy instead, with a justification (SKIP_WITH_JUSTIFICATION)", because), line, TestTiming.PostDeploy, description, Command(tests, id), true)
                : new RequiredTest(
                    id,
                    WithCondition((severity is { } s ? $"{s.Name()}: " : "severity not given (--severity): ") + "only SEV1 may defer it post-deploy (SKIP_WITH_JUSTIFICATION), so it runs before the deploy", because),
                    SkipLine,
                    TestTiming.PreDeploy,
                    description,
                    Command(tests, id),
                    false));
        }

        return (plan, notRequired);
    }

    /// <summary>The condition's why comes first: it is what makes this suite part of this change's plan at all.</summary>
    private static string WithCondition(string reason, string? because) => because is null ? reason : because + "; " + reason;

    private static (string Line, string Description) Known(string id, string fallbackLine) =>
        KnownTests.TryGetValue(id, out var known) ? known : (fallbackLine, $"the {id} tests your policy requires");

    private static string? Command(TestPolicy tests, string id) =>
        tests.Commands.TryGetValue(id, out var command) ? SuggestedTestCommands.Shown(command, null, null, null) : null;

    /// <summary>The plan as a fact of the check (facts are keyed by type).</summary>
    private sealed record Explained((IReadOnlyList<RequiredTest> Required, IReadOnlyList<(string Id, string Reason)> NotRequired) Plan);
}
