using System.Text;
using Hotfix.Policy.Workloads;

namespace Hotfix.Policy.Ports;

/// <summary>
/// One message to the team: which incident, which workload in which namespace, what happened, who did it, and the
/// next steps. <see cref="Text"/> is the message as chat tools show it.
/// </summary>
/// <param name="Event">One of <see cref="TeamNotificationEvents.Known"/>: the operation that happened.</param>
/// <param name="Incident">The incident; null when the operation named none.</param>
/// <param name="What">What happened, in one line (e.g. "rolled back to revision 2: … successfully rolled out").</param>
/// <param name="Who">The person (or automation) who did it.</param>
/// <param name="Workload">The workload concerned; null for operations on no workload (a decision, a verification).</param>
/// <param name="NextSteps">What the team should do next, one step each.</param>
/// <param name="Ref">The operation's id in the record (a rollback's or deploy's id), to tie the notice to it; null when none.</param>
public sealed record TeamNotification(string Event, IncidentId? Incident, string What, string Who, WorkloadRef? Workload, IReadOnlyList<string> NextSteps, string? Ref = null)
{
    /// <summary>The message: a headline naming the incident, workload and namespace, who, then the next steps.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder();
            text.Append(Incident is { } incident ? $"[{incident}] " : "[no incident] ");
            text.Append(Event);
            if (Workload is { } w)
            {
                text.Append($" of {w.KindAndName} in namespace {w.Namespace}");
            }

            text.Append($": {What} (by {Who})");
            if (NextSteps.Count > 0)
            {
                text.Append("\nNext steps:");
                foreach (var step in NextSteps)
                {
                    text.Append("\n- ").Append(step);
                }
            }

            return text.ToString();
        }
    }
}

/// <summary>The events a notification can be configured for (policy <c>notifications.webhooks[].events</c>).</summary>
public static class TeamNotificationEvents
{
    /// <summary><c>hotfix deploy</c>: a deploy finished, failed or was refused.</summary>
    public const string Deploy = "deploy";

    /// <summary><c>hotfix rollback</c>: a rollback finished, failed or was refused.</summary>
    public const string Rollback = "rollback";

    /// <summary><c>hotfix decide --incident</c>: rollback or forward-fix was decided.</summary>
    public const string Decide = "decide";

    /// <summary><c>hotfix verify</c>: a stability-window step was recorded or refused.</summary>
    public const string Verify = "verify";

    /// <summary>Every event a notification can be configured for, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Known { get; } = [Deploy, Rollback, Decide, Verify];
}

/// <summary>What a notification reached: the targets that took it and the ones that did not, described without secrets.</summary>
/// <param name="Delivered">The targets that accepted the message (e.g. "webhook 1 (env:TEAM_WEBHOOK)").</param>
/// <param name="Failures">The targets that did not, each with why (e.g. "webhook 2: HTTP 500"); never a URL.</param>
public sealed record TeamNotificationResult(IReadOnlyList<string> Delivered, IReadOnlyList<string> Failures)
{
    /// <summary>No target is configured for the event: nothing was sent.</summary>
    public static TeamNotificationResult None { get; } = new([], []);

    /// <summary>True when at least one target took the message.</summary>
    public bool Notified => Delivered.Count > 0;

    /// <summary>True when no target is configured for the event.</summary>
    public bool NothingConfigured => Delivered.Count == 0 && Failures.Count == 0;
}
