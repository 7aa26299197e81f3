using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Decisions;

/// <summary>
/// Evaluates <see cref="RollbackDecisionTable"/>: every row's conditions against the facts, then the matched row of
/// highest precedence decides. Fallback rows (policy defaults) take part only when no runbook row matched.
/// No branching on the inputs happens here; what decides is in the table.
/// </summary>
internal static class RollbackDecider
{
    public static RollbackDecision Decide(RollbackDecisionRequest request, HotfixPolicy policy, IncidentId? incident = null)
    {
        RollbackDecisionRequestValidator.Ensure(request);
        var facts = new DecisionFacts(request, policy.Decisions);
        var table = RollbackDecisionTable.For(policy.Decisions).OrderBy(r => r.Precedence).ToList();

        var matched = new List<DecisionRow>();
        var undetermined = new List<(DecisionRow Row, IReadOnlyList<string> Missing)>();
        foreach (var row in table)
        {
            var results = row.When.Select(c => (Condition: c, Result: c.Test(facts))).ToList();
            if (results.Any(r => r.Result == false))
            {
                continue;
            }

            var unknown = results.Where(r => r.Result is null).Select(r => r.Condition.MissingInput).ToList();
            if (unknown.Count > 0)
            {
                undetermined.Add((row, unknown));
            }
            else if (!row.IsFallback || !matched.Any(m => !m.IsFallback))
            {
                matched.Add(row);
            }
        }

        // Fallback rows follow every runbook row, so the first match is the runbook's when there is one.
        var winner = matched[0];
        var decided = new MatchedRow(winner, Why(winner, facts), null);
        var others = matched.Skip(1)
            .Select(row => new MatchedRow(row, Why(row, facts), $"lost to {winner.Id} (precedence {winner.Precedence} before {row.Precedence}): {winner.Rank}"))
            .ToList();
        var couldChange = undetermined
            .Where(u => u.Row.Precedence < winner.Precedence && !u.Row.IsFallback)
            .Select(u => new UndeterminedRow(u.Row, Known(u.Row, facts), u.Missing))
            .ToList();

        return new RollbackDecision(
            winner.Decision,
            winner.Detail,
            decided,
            [decided, .. others],
            couldChange,
            DescribeFacts(facts),
            DecisionNextSteps.For(winner, decided.Why, facts, policy, incident));
    }

    private static string Why(DecisionRow row, DecisionFacts facts)
    {
        var because = string.Join(" and ", row.When.Select(c => c.Observe(facts)));
        return row.IsFallback ? $"no runbook row matched and {because}" : because;
    }

    private static string Known(DecisionRow row, DecisionFacts facts) =>
        string.Join(" and ", row.When.Select(c => c.Observe(facts)));

    private static IReadOnlyList<string> DescribeFacts(DecisionFacts facts) =>
    [
        DecisionConditions.RootCauseKnown.Observe(facts),
        DecisionConditions.ImpactOngoing.Observe(facts),
        DecisionConditions.QuickFix.Observe(facts),
        DecisionConditions.RollbackLosesData.Observe(facts),
        DecisionConditions.MigrationsApplied.Observe(facts),
        DecisionConditions.MultipleServices.Observe(facts),
        DecisionConditions.CulpritUnclear.Observe(facts),
        DecisionConditions.IncidentActiveTooLong.Observe(facts),
        DecisionConditions.NoFixInSight.Observe(facts),
    ];
}
