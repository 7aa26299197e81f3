using Hotfix.Policy.Branching;
using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workflow;

/// <summary>What <c>hotfix start</c> will do, after every precondition passed.</summary>
internal sealed class StartPlan
{
    public required HotfixBranchName Branch { get; init; }

    /// <summary>The local main the branch is created from.</summary>
    public required BranchTip Main { get; init; }

    /// <summary>main's tip commit (subject for messages).</summary>
    public required CommitInfo BaseCommit { get; init; }

    /// <summary>The remote fetched (or, in a dry run, to be fetched); null when main has no upstream or --no-fetch.</summary>
    public string? FetchRemote { get; init; }

    /// <summary>True when the fetch already happened during preparation.</summary>
    public bool Fetched { get; init; }

    /// <summary>The commit HEAD is on when this run completes an interrupted start (the branch exists); null otherwise.</summary>
    public string? ResumeFrom { get; init; }

    public required IReadOnlyList<PlanStep> Steps { get; init; }

    /// <summary>Things the person should know that do not stop the start (main ahead of origin, an earlier hotfix for this incident).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Facts about how the plan was made (what was compared, what was not fetched).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
