namespace Hotfix.Policy.Changes;

/// <summary>
/// Everything a hotfix branch changed since its merge base with main — git's three-dot <c>main...branch</c>:
/// commits that reached main after the branch point are not part of the hotfix and do not appear here.
/// </summary>
internal sealed class ChangeSet(string baseBranch, string mergeBase, string head, IReadOnlyList<FileChange> files)
{
    /// <summary>The branch the hotfix is compared with (policy <c>branches.main</c>, or its remote-tracking branch).</summary>
    public string BaseBranch { get; } = baseBranch;

    /// <summary>Full sha of the merge base of the base branch and the head.</summary>
    public string MergeBase { get; } = mergeBase;

    /// <summary>Full sha of the branch head.</summary>
    public string Head { get; } = head;

    /// <summary>Changed paths in path order.</summary>
    public IReadOnlyList<FileChange> Files { get; } = files;

    public int AddedLines => Files.Sum(f => f.AddedLines);

    public int DeletedLines => Files.Sum(f => f.DeletedLines);

    public FileChange? Find(string path) => Files.FirstOrDefault(f => f.Path == path);

    /// <summary>
    /// A change known only by its paths (a code host's list of a pull request's files): each path modified, with no
    /// contents — enough for the checklist and path-based classification, not for size or content rules.
    /// </summary>
    public static ChangeSet FromPaths(string baseBranch, IEnumerable<string> paths) =>
        new(baseBranch, "unknown", "unknown", paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(path => new FileChange(
            FileChangeKind.Modified, path, null, EntryMode.File, EntryMode.File, null, null, () => null, () => null)).ToList());
}
