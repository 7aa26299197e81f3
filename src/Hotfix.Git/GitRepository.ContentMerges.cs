using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>The paths whose contents git's three-way merge merges line by line (ll_merge), renames followed.</summary>
internal sealed partial class GitRepository
{
    /// <summary>One side's changed file since the merge base: its path there (null: added) and now, with the blob ids.</summary>
    private sealed record SideChange(string? BasePath, string? BaseId, string Path, string Id);

    /// <summary>
    /// Paths both sides changed to different blobs since a merge base (or both added): the only ones git gives to a
    /// driver — a path one side left alone is taken whole from the other. A file renamed on one side and changed on
    /// the other is merged at its new name, and git reads the attributes of that name, not the old one (tested with
    /// git, for a rename on either side); renamed differently on both sides, both names.
    /// </summary>
    private SortedSet<string> ContentMerges(Commit ours, Commit theirs)
    {
        var bases = MergeBasesOf(ours.Sha, theirs.Sha);
        var baseTrees = bases.Count == 0 ? [null] : bases.Select(b => RequireCommit(b).Tree).ToList<Tree?>();
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var baseTree in baseTrees)
        {
            var mine = FileChanges(baseTree, ours.Tree);
            var other = FileChanges(baseTree, theirs.Tree);
            var otherByBase = other.Where(c => c.BasePath is not null).ToDictionary(c => c.BasePath!, StringComparer.Ordinal);
            var otherAdded = other.Where(c => c.BasePath is null).ToDictionary(c => c.Path, StringComparer.Ordinal);
            foreach (var change in mine)
            {
                var twin = change.BasePath is null
                    ? otherAdded.GetValueOrDefault(change.Path)
                    : otherByBase.GetValueOrDefault(change.BasePath);
                if (twin is null || twin.Id == change.Id || change.Id == change.BaseId || twin.Id == twin.BaseId)
                {
                    continue;
                }

                // The merged file lands at the name the renaming side gave it; a rename on both sides to different
                // names is git's rename/rename conflict, which writes both.
                if (change.Path == change.BasePath || change.Path == twin.Path)
                {
                    paths.Add(twin.Path);
                }
                else if (twin.Path == twin.BasePath)
                {
                    paths.Add(change.Path);
                }
                else
                {
                    paths.Add(change.Path);
                    paths.Add(twin.Path);
                }
            }
        }

        return paths;
    }

    /// <summary>
    /// Regular files changed from <paramref name="baseTree"/> (null: none) to <paramref name="tree"/>, deletions left out.
    /// Only a deleted file can be a rename's source, so without one the native comparison is enough; with one, libgit2's
    /// diff pairs renames as its merge does (50 % similarity).
    /// </summary>
    private List<SideChange> FileChanges(Tree? baseTree, Tree tree)
    {
        var differences = NativeHistory.TreeDifferences(baseTree?.Sha, tree.Sha);
        if (baseTree is null || differences.TrueForAll(d => d.NewId is not null))
        {
            return differences
                .Where(d => d.NewId is not null && IsRegular(d.NewMode))
                .Select(d => new SideChange(d.OldId is null ? null : d.Path, d.OldId, d.Path, d.NewId!))
                .ToList();
        }

        return HistoryHandle.Diff.Compare<TreeChanges>(baseTree, tree, DiffOptions)
            .Where(c => c.Status is ChangeKind.Added or ChangeKind.Modified or ChangeKind.Renamed && c.Mode is Mode.NonExecutableFile or Mode.ExecutableFile)
            .Select(c => c.Status == ChangeKind.Added
                ? new SideChange(null, null, c.Path, c.Oid.Sha)
                : new SideChange(c.OldPath, c.OldOid.Sha, c.Path, c.Oid.Sha))
            .ToList();
    }
}
