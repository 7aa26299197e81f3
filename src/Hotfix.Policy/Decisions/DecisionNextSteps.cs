using System.Globalization;
using Hotfix.Policy.Policies;
using Hotfix.Policy.TestRuns;
using Hotfix.Policy.Workloads;

namespace Hotfix.Policy.Decisions;

/// <summary>
/// What to do after a decision, from the runbook: ROLLBACK_PROCEDURE (commands, CHECKs, the documentation and
/// escalation RULEs) for rollbacks; the hotfix flow (branch, expedited review, mandatory tests, deployment checklist)
/// for forward-fixes, with the migration NOTE when migrations are applied. Names the policy does not know stay
/// placeholders in angle brackets.
/// </summary>
internal static class DecisionNextSteps
{
    /// <param name="rule">The row that decided.</param>
    /// <param name="why">Why it matched, in words ("root cause unknown and impact ongoing"): the rollback's reason.</param>
    /// <param name="facts">The decision's inputs.</param>
    /// <param name="policy">Namespace, timeout and workloads that fill the commands.</param>
    /// <param name="incident">The incident the steps name; null leaves the placeholder.</param>
    public static IReadOnlyList<NextStep> For(DecisionRow rule, string why, DecisionFacts facts, HotfixPolicy policy, IncidentId? incident)
    {
        var inc = incident?.ToString() ?? "INC-YYYY-NNNN";
        var steps = new List<NextStep>
        {
            new(rule.Source.Kind == DecisionSourceKind.Runbook
                ? $"Runbook: {rule.Source.Text}"
                : $"The runbook has no row for this situation; the policy default {rule.Source.Text} = {rule.Decision} decides."),
        };

        if (RollbackDecisions.IsRollback(rule.Decision))
        {
            AddRollback(steps, rule.Decision == RollbackDecisions.RollbackAll, facts, policy, inc, RollbackArguments(rule, why, incident));
        }
        else
        {
            AddForwardFix(steps, rule.Detail == RollbackDecisions.ForwardFixWithMigrationFix || facts.Request.MigrationsApplied, facts, policy, inc);
        }

        return steps;
    }

    /// <summary>
    /// <c>hotfix rollback</c> refuses to run without <c>--reason</c> ("every rollback must be documented with reason and
    /// verification"): the decision is that reason, so the suggested line carries it — and the incident — and can be pasted.
    /// </summary>
    private static IReadOnlyList<string> RollbackArguments(DecisionRow rule, string why, IncidentId? incident)
    {
        var reason = $"{why} (hotfix decide: {rule.Decision}, rule {rule.Id})";
        return incident is { } id ? ["--reason", $"{id}: {reason}", "--incident", id.ToString()] : ["--reason", reason];
    }

    private static void AddRollback(List<NextStep> steps, bool all, DecisionFacts facts, HotfixPolicy policy, string inc, IReadOnlyList<string> documented)
    {
        var ns = policy.Deployment.Namespace ?? "<namespace>";
        var timeout = policy.Deployment.RolloutTimeoutSeconds.ToString(CultureInfo.InvariantCulture);

        // The policy's workload when it names exactly one, so the commands can be pasted; else the runbook's placeholder.
        var workload = PolicyWorkloads.Single(policy) ?? "deployment/<name>";
        if (all)
        {
            var workloads = policy.Components.Select(c => c.Workload).OfType<string>().ToList();
            steps.Add(new NextStep(
                "Roll back every recent deploy, newest first, watching each rollout, until the incident stops"
                + (workloads.Count > 0 ? $" (workloads in the policy: {string.Join(", ", workloads)})" : string.Empty) + "."));
        }

        if (facts.Request.MigrationsApplied)
        {
            steps.Add(new NextStep(
                "Migrations are applied: roll back the application deploys only and keep the schema; before each undo, check the previous version runs against the migrated schema (prefer forward migration that undoes the change over destructive rollback)."));
        }

        steps.Add(new NextStep(
            "Roll back (ROLLBACK_PROCEDURE; Hotfix's guarded rollback does the same and documents it):",
            [$"kubectl rollout undo {workload} -n {ns}", $"kubectl rollout status {workload} -n {ns} --timeout={timeout}s"])
        {
            Actions = [new HotfixAction("rollback", [workload, "-n", ns, .. documented])],
        });
        steps.Add(new NextStep(
            "If the bad deploy was not the last one, roll back to a specific revision:",
            [$"kubectl rollout history {workload} -n {ns}", $"kubectl rollout undo {workload} -n {ns} --to-revision=<N>"]));
        steps.Add(new NextStep("After the rollback: verify the issue is resolved; verify no data was lost or corrupted; notify the team that a rollback was performed."));
        steps.Add(new NextStep("Document the rollback with its reason and verification in the incident record (every rollback must be documented with reason and verification):", [])
        {
            // A bare "hotfix record INC" only shows the record; the note is what documents it.
            Actions = [new HotfixAction("record", [inc, "--note", "\"rolled back: <reason>; verified: <what was checked>\""])],
        });
        steps.Add(new NextStep("If the rollback fails, escalate immediately — do not retry blindly."));
        steps.Add(new NextStep("Then fix the root cause forward on a hotfix branch from main:", []) { Actions = [Start(inc)] });
    }

    private static void AddForwardFix(List<NextStep> steps, bool migrationFix, DecisionFacts facts, HotfixPolicy policy, string inc)
    {
        if (facts.Request.RollbackLosesData)
        {
            steps.Add(new NextStep("Do not roll back: a rollback would lose data (never lose data)."));
        }

        if (migrationFix)
        {
            steps.Add(new NextStep("Do not roll back the schema: write a forward migration that undoes the change (prefer forward migration that undoes the change over destructive rollback)."));
            steps.Add(new NextStep("Test the migration up AND down and verify data integrity (CONDITIONAL_TESTS: database change)."));
        }

        steps.Add(new NextStep("Create the hotfix branch from an up-to-date main:", []) { Actions = [Start(inc)] });
        steps.Add(new NextStep("Get the expedited review (MUST_CHECK items are non-negotiable):", [])
        {
            Actions = [new HotfixAction("review", ["--severity", "<SEV1|SEV2>"])],
        });
        steps.Add(MandatoryTests(policy));
        steps.Add(new NextStep("Deploy with the deployment checklist, then verify through the stability window:", [])
        {
            Actions = [new HotfixAction("checklist", []), new HotfixAction("verify", [inc, "--status"])],
        });
    }

    /// <summary>
    /// <c>hotfix test SUITE</c> for the suites the policy has a command for (it runs and records them, and refuses
    /// without <c>--feature</c>); the runbook's RUN line for the others, and a word on those that have neither.
    /// </summary>
    private static NextStep MandatoryTests(HotfixPolicy policy)
    {
        var commands = new List<string>();
        var actions = new List<HotfixAction>();
        var without = new List<string>();
        foreach (var suite in policy.Tests.Mandatory)
        {
            if (policy.Tests.Commands.TryGetValue(suite, out var command))
            {
                actions.Add(new HotfixAction("test", SuggestedTestCommands.HotfixTestArguments(suite, command, null, SuggestedTestCommands.TargetEnvironment(policy))));
            }
            else if (SuggestedTestCommands.RunbookLine(suite) is { } line)
            {
                commands.Add(line);
            }
            else
            {
                without.Add(suite);
            }
        }

        var text = $"Run the mandatory tests ({string.Join(", ", policy.Tests.Mandatory)}):";
        if (actions.Count < policy.Tests.Mandatory.Count)
        {
            text += " policy tests.commands has no command for "
                + string.Join(", ", policy.Tests.Mandatory.Where(s => !policy.Tests.Commands.ContainsKey(s)))
                + (without.Count == 0 ? string.Empty : $" (the runbook has none for {string.Join(", ", without)}: run your own and tick it with hotfix checklist --done)")
                + "; with one, hotfix test SUITE runs and records it (docs/commands/test.md).";
        }

        return new NextStep(text, commands) { Actions = actions };
    }

    private static HotfixAction Start(string inc) => new("start", [inc, "<short-description>"]);
}
