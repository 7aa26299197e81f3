namespace Hotfix.Policy.Decisions;

/// <summary>
/// One row of the rollback-vs-forward-fix table: when it applies, what it decides, where it comes from, and why it
/// ranks where it does. Rows are data: the decider only evaluates conditions and picks the row of highest precedence.
/// </summary>
/// <param name="Id">Stable id printed as the deciding rule (kebab-case).</param>
/// <param name="Precedence">1 wins over 2 and so on; unique in the table.</param>
/// <param name="Decision">One of <see cref="RollbackDecisions.All"/>.</param>
/// <param name="Detail">A refinement of the decision (e.g. <see cref="RollbackDecisions.ForwardFixWithMigrationFix"/>).</param>
/// <param name="When">All must hold.</param>
/// <param name="Source">The runbook line, or the policy key for a default where the runbook is silent.</param>
/// <param name="Rank">Why this row outranks the rows below it, in words.</param>
/// <param name="IsFallback">Applies only when no runbook row matched (the runbook is silent).</param>
public sealed record DecisionRow(
    string Id,
    int Precedence,
    string Decision,
    string? Detail,
    IReadOnlyList<DecisionCondition> When,
    DecisionSource Source,
    string Rank,
    bool IsFallback = false);

/// <summary>Where a row comes from: a line of the runbook, or a policy default for a situation the runbook does not cover.</summary>
public sealed record DecisionSource(DecisionSourceKind Kind, string Text)
{
    public static DecisionSource Runbook(string line) => new(DecisionSourceKind.Runbook, line);

    public static DecisionSource PolicyDefault(string policyKey) => new(DecisionSourceKind.PolicyDefault, policyKey);

    /// <summary>"runbook" or "policy-default".</summary>
    public string KindName => Kind == DecisionSourceKind.Runbook ? "runbook" : "policy-default";
}

public enum DecisionSourceKind
{
    Runbook,
    PolicyDefault,
}
