using Hotfix.Policy.Changes;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Checklists;

/// <summary>What the checklist is tailored to. Everything but the policy is optional; what is missing stays a placeholder.</summary>
internal sealed record DeploymentChecklistRequest
{
    public required HotfixPolicy Policy { get; init; }

    public IncidentSeverity? Severity { get; init; }

    public IncidentId? Incident { get; init; }

    /// <summary>The hotfix branch (for the merge and delete commands).</summary>
    public string? Branch { get; init; }

    /// <summary>What the hotfix changed; null with <see cref="ChangesUnavailableReason"/> when it could not be read.</summary>
    public ChangeSet? Changes { get; init; }

    public string? ChangesUnavailableReason { get; init; }

    /// <summary>
    /// Set when HF0102 passes on the branch's history (<see cref="ChecklistVerifiedItems.BranchOrigin"/>): ticks
    /// "Hotfix branch created from main" with how it is known; null when it was not or could not be verified.
    /// </summary>
    public ChecklistCompletion? BranchOrigin { get; init; }

    /// <summary>Current revisions by workload (<c>deployment/admin-ui</c>), from <see cref="IWorkloadRevisionReader"/>.</summary>
    public IReadOnlyDictionary<string, WorkloadRevisionLookup> Revisions { get; init; } = new Dictionary<string, WorkloadRevisionLookup>();

    /// <summary>Where the revisions came from (the reader's target), for notes.</summary>
    public string? RevisionSource { get; init; }

    /// <summary>The incident record's entries: ticked-off items (deploy-step) and the review's follow-up ticket.</summary>
    public IReadOnlyList<IncidentEvent> Recorded { get; init; } = [];
}
