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
/// <param name="Kind">Runbook line or policy default.</param>
/// <param name="Text">The runbook line word for word, or the policy key.</param>
public sealed record DecisionSource(DecisionSourceKind Kind, string Text)
{
    /// <summary>A row taken from the runbook; <paramref name="line"/> is the runbook's line word for word.</summary>
    public static DecisionSource Runbook(string line) => new(DecisionSourceKind.Runbook, line);

    /// <summary>
    /// A row the runbook does not cover; <paramref name="policyKey"/> is the policy key that sets it.
    /// </summary>
    public static DecisionSource PolicyDefault(string policyKey) => new(DecisionSourceKind.PolicyDefault, policyKey);

    /// <summary>"runbook" or "policy-default".</summary>
    public string KindName => Kind == DecisionSourceKind.Runbook ? "runbook" : "policy-default";
}

/// <summary>Where a rollback-vs-forward-fix row comes from.</summary>
public enum DecisionSourceKind
{
    /// <summary>A line of ROLLBACK_VS_FORWARD_FIX.</summary>
    Runbook,
    /// <summary>A policy default for a situation the runbook is silent on.</summary>
    PolicyDefault,
}
