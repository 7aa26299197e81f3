using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Adapters the CLI hands to the core besides git and the incident record: a cluster that can tell a workload's
/// revision (null: none configured — the checklist then says what to fill in) and a metrics source for the stability
/// window (null: the policy's, see <see cref="CliMetrics"/>). Tests and hosts supply their own.
/// </summary>
internal sealed class CliAdapters
{
    public IWorkloadRevisionReader? WorkloadRevisions { get; init; }

    public IStabilityMetrics? Metrics { get; init; }

    /// <summary>How the team is told; null: the policy's incoming webhooks.</summary>
    public ITeamNotifier? Notifier { get; init; }
}
