using System.Text.Json;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Decisions;

/// <summary>A decision in the incident record: the answer, the deciding row, and the whole explanation trace.</summary>
internal static class DecisionEvents
{
    public static IncidentEvent ToEvent(IncidentId incident, RollbackDecision decision, string by, DateTimeOffset at) => new()
    {
        Incident = incident,
        Kind = IncidentEventKinds.Decision,
        At = at,
        By = by,
        Summary = $"decided {decision.Display} by {decision.Rule.Id}" + (decision.IsPolicyDefault ? " (policy default: the runbook is silent)" : string.Empty),
        Reason = decision.Decided.Why,
        Outcome = decision.Decision,
        Details = JsonSerializer.SerializeToNode(DecisionJson.From(decision), DecisionJsonContext.Default.DecisionJson)!.AsObject(),
    };
}
