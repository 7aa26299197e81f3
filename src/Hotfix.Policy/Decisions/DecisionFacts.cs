using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Decisions;

/// <summary>A request together with the policy's thresholds: what the table's conditions look at.</summary>
internal sealed class DecisionFacts(RollbackDecisionRequest request, DecisionPolicy policy)
{
    public RollbackDecisionRequest Request { get; } = request;

    public DecisionPolicy Policy { get; } = policy;

    /// <summary>A fix is in sight when the caller says so; without an answer, an ETA counts as yes and no ETA as unknown.</summary>
    public bool? FixInSight => Request.FixInSight ?? (Request.FixEtaMinutes is null ? null : true);
}
