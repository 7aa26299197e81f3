using Hotfix.Policy.History;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Workflow;

/// <summary>One merge <c>hotfix finish</c> makes: the hotfix branch into main, or into the back-merge target.</summary>
/// <param name="Target">The branch merged into, as it is now.</param>
/// <param name="Done">True when it already contains the hotfix branch (a person merged it, or an earlier run did).</param>
/// <param name="Preview">The in-memory merge, when not done.</param>
/// <param name="Message">The merge commit's message (it names the incident).</param>
internal sealed record FinishMerge(BranchTip Target, bool Done, MergePreview? Preview, string Message);

/// <summary>What <c>hotfix finish</c> will do, derived from the repository (the journal only records it once writing starts).</summary>
internal sealed class FinishPlan
{
    /// <summary>The hotfix branch and the commit it points at.</summary>
    public required BranchTip Branch { get; init; }

    public IncidentId? Incident { get; init; }

    /// <summary>HEAD as it was before: the index and files stay in its commit's state until the final checkout.</summary>
    public required HeadState OriginalHead { get; init; }

    public required FinishMerge IntoMain { get; init; }

    public required FinishMerge IntoBackMergeTarget { get; init; }

    /// <summary>Delete the branch at the end (not with --keep-branch; only once main and the target contain it).</summary>
    public bool DeleteBranch { get; init; }

    /// <summary>The check run for the branch, when a merge was still to be made.</summary>
    public CheckReport? Check { get; init; }

    /// <summary>True when the check has blocking findings and no --force reason was given: finish refuses (exit 1).</summary>
    public bool Blocked => Check is { IsBlocking: true } && ForceReason is null;

    public string? ForceReason { get; init; }

    /// <summary>Merge hooks git would run that finish does not (no --no-verify): executing the plan refuses, changing nothing.</summary>
    public IReadOnlyList<string> SkippedHooks { get; init; } = [];

    /// <summary>True when every step is already done (a rerun after a complete finish).</summary>
    public bool NothingToDo => IntoMain.Done && IntoBackMergeTarget.Done && !DeleteBranch;

    public required IReadOnlyList<PlanStep> Steps { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>What the person does next (pushing is theirs: finish never pushes).</summary>
    public required IReadOnlyList<string> NextCommands { get; init; }
}
