using Hotfix.Policy.Decisions;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Commands;

/// <summary>What the team is told when rollback or forward-fix is decided for an incident: the answer, why, and the next steps.</summary>
internal static class DecisionNotice
{
    public static TeamNotification For(IncidentId incident, RollbackDecision decision, string who) => new(
        TeamNotificationEvents.Decide,
        incident,
        $"decided {decision.Display} ({decision.Decided.Why})",
        who,
        null,
        decision.NextSteps.Select(s => s.Commands.Count == 0 ? s.Text : $"{s.Text}: {string.Join(" ; ", s.Commands)}").ToList());
}
