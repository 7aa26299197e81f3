namespace Hotfix.Policy.Ports;

/// <summary>The steps of a finish that change the repository, in the order they run.</summary>
internal enum FinishStep
{
    /// <summary>Journal written; nothing else changed yet.</summary>
    Begun,

    MovingMain,

    MovingBackMergeTarget,

    AttachingHead,

    /// <summary>Index and files moving from the starting commit's tree to the back-merge target's.</summary>
    CheckingOut,

    DeletingBranch,

    /// <summary>The finish stopped with an error it reported: no lock file is its own.</summary>
    Stopped,
}

/// <summary>What a finish records before its first write: enough for a rerun to complete it without HEAD or options.</summary>
/// <param name="Branch">The hotfix branch.</param>
/// <param name="BranchTip">The commit merged (the one the check passed for).</param>
/// <param name="DeleteBranch">Delete the branch at the end (not --keep-branch).</param>
/// <param name="FromCommit">HEAD's commit at the start: the index and files stay in its state until the final checkout.</param>
/// <param name="Main">The merge into main.</param>
/// <param name="Target">The merge into the back-merge target, which HEAD ends on.</param>
/// <param name="Step">The step about to run (or <see cref="FinishStep.Stopped"/>).</param>
/// <param name="Push">
/// The push commands the finish prints at the end, computed before the first write: the branch's upstream (its remote
/// and the remote branch to delete) is gone with the branch, so a rerun could not compute them again. Null in a
/// journal written before it was kept.
/// </param>
internal sealed record FinishJournalEntry(
    string Branch,
    string BranchTip,
    bool DeleteBranch,
    string FromCommit,
    JournalMerge Main,
    JournalMerge Target,
    FinishStep Step,
    IReadOnlyList<string>? Push = null);

/// <summary>One branch a finish merges into.</summary>
/// <param name="Branch">Its name.</param>
/// <param name="Before">Its tip before the merge (the compare-and-swap's expected value).</param>
/// <param name="Merge">The merge commit to move it to; null when it already contained the hotfix.</param>
/// <param name="Message">The merge message, to merge again if someone else moved the branch meanwhile.</param>
internal sealed record JournalMerge(string Branch, string Before, string? Merge, string Message);
