namespace Hotfix.Policy.Ports;

/// <summary>The checked-out files and the index: their state, and switching HEAD safely.</summary>
internal interface IWorkingTree
{
    /// <summary>Staged and modified tracked files and any unfinished git operation (<c>git status --porcelain</c>).</summary>
    WorkingTreeStatus Status();

    /// <summary>
    /// Untracked, not ignored files that a checkout of <paramref name="treeish"/> (a commit or tree sha) would have to
    /// overwrite, because it tracks a file at the same path. git refuses such a checkout; so do we, before any write.
    /// </summary>
    IReadOnlyList<string> UntrackedFilesInTheWay(string treeish);

    /// <summary>
    /// Updates the index and files to <paramref name="commitSha"/> and detaches HEAD there, refusing (without writing
    /// anything) when a local change would be overwritten.
    /// </summary>
    void CheckOutDetached(string commitSha);

    /// <summary>Points HEAD at a local branch without touching files (the branch must point at HEAD's commit).</summary>
    void AttachHead(string branchName);

    /// <summary>Checks out a local branch (<c>git switch NAME</c>), refusing when a local change would be overwritten.</summary>
    void SwitchTo(string branchName);

    /// <summary>
    /// Paths whose index entry or file is in neither <paramref name="fromCommitSha"/>'s nor
    /// <paramref name="toCommitSha"/>'s state — someone's edits, as opposed to a checkout between the two that was
    /// interrupted (each path is in one state or the other, index and file independently). Empty when none.
    /// </summary>
    IReadOnlyList<string> ForeignChanges(string fromCommitSha, string toCommitSha);

    /// <summary>
    /// Brings the index and files from <paramref name="fromCommitSha"/>'s tree (or a checkout of HEAD interrupted
    /// half-way) to HEAD's tree, without moving HEAD. Refuses, writing nothing, when <see cref="ForeignChanges"/>
    /// finds any. Running it again after it completed changes nothing.
    /// </summary>
    void SyncToHead(string fromCommitSha);

    /// <summary>
    /// Completes a switch from <paramref name="fromCommitSha"/>'s tree to a local branch that was interrupted before
    /// HEAD moved (git writes files, then the index, then HEAD): the index and files are brought to the branch's tree
    /// as <see cref="SyncToHead"/> does, then HEAD is attached to it. Refuses, writing nothing, when index.lock or
    /// HEAD.lock is held or <see cref="ForeignChanges"/> finds any change; a kill part-way leaves a state it completes.
    /// </summary>
    void SwitchFrom(string fromCommitSha, string branchName);
}

/// <summary>The state of the index and working tree.</summary>
/// <param name="Staged">Paths with staged changes.</param>
/// <param name="Modified">Tracked paths changed (or deleted) in the working tree but not staged.</param>
/// <param name="Conflicted">Paths with unresolved merge conflicts.</param>
/// <param name="OperationInProgress">An unfinished merge, rebase, cherry-pick, revert or bisect; null when none.</param>
internal sealed record WorkingTreeStatus(
    IReadOnlyList<string> Staged,
    IReadOnlyList<string> Modified,
    IReadOnlyList<string> Conflicted,
    string? OperationInProgress)
{
    /// <summary>No staged, modified or conflicted tracked file and no operation in progress; untracked files do not count, as in git.</summary>
    public bool IsClean => Staged.Count == 0 && Modified.Count == 0 && Conflicted.Count == 0 && OperationInProgress is null;
}
