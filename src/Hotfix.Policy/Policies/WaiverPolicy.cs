namespace Hotfix.Policy.Policies;

/// <summary>
/// A recorded override in the policy file: for one incident, findings of one rule become info and carry the reason —
/// the same as <c>hotfix check --allow RULE --reason "…"</c>, kept in the repository where reviewers see it.
/// </summary>
public sealed class WaiverPolicy
{
    /// <summary>The incident (INC-YYYY-NNNN) the waiver is for; it applies only to that incident's hotfix branch.</summary>
    public string Incident { get; init; } = "";

    /// <summary>The rule id whose findings are accepted (any rule, e.g. HF1101).</summary>
    public string Rule { get; init; } = "";

    /// <summary>Why the findings are accepted, in a person's words; shown in every report.</summary>
    public string Reason { get; init; } = "";
}
