using System.Diagnostics.CodeAnalysis;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>The change-set port: git's <c>diff main...branch</c> with renames, modes, binaries, hunks and contents.</summary>
internal sealed partial class GitRepository : IChangeSetReader
{
    // git's defaults: a rename needs 50 % similarity; git diff considers up to 1000 candidates (diff.renameLimit).
    // TreeChanges, not Patch: libgit2's patch printing crashes in a native AOT build; the core computes line diffs.
    private static readonly CompareOptions DiffOptions = new()
    {
        Similarity = new SimilarityOptions
        {
            RenameDetectionMode = RenameDetectionMode.Renames,
            RenameThreshold = 50,
            RenameLimit = 1000,
        },
        IncludeUnmodified = false,
    };

    public bool TryReadChangeSet(
        string baseBranch,
        string remote,
        string headCommit,
        [NotNullWhen(true)] out ChangeSet? changeSet,
        [NotNullWhen(false)] out string? unavailableReason)
    {
        changeSet = null;
        var head = repository.Lookup<Commit>(headCommit);
        if (head is null)
        {
            unavailableReason = $"commit {headCommit} is not in the repository";
            return false;
        }

        // The core may have chosen the remote-tracking branch (local main strictly behind it): take that as given.
        var baseRef = FindBranch(baseBranch, remote) ?? (repository.Branches[baseBranch] is { IsRemote: true, Tip: not null } tracking ? ToRef(tracking) : null);
        if (baseRef is null)
        {
            unavailableReason = $"the base branch '{baseBranch}' exists neither locally nor as {remote}/{baseBranch} (fetch it: git fetch {remote} {baseBranch})";
            return false;
        }

        var mergeBase = MergeBasesOf(baseRef.TipSha, head.Sha) is [var best, ..] ? repository.Lookup<Commit>(best) : null;
        if (mergeBase is null)
        {
            unavailableReason = ShallowBoundary.Count > 0
                ? $"the clone is shallow and the merge base of {baseRef.Name} and the branch is not in it (deepen it: git fetch --unshallow, or fetch-depth: 0 with actions/checkout)"
                : $"the branch has no history in common with {baseRef.Name}";
            return false;
        }

        var files = (ChangesWithoutRenames(mergeBase.Tree.Sha, head.Tree.Sha) ?? LibGit2Changes(mergeBase.Tree, head.Tree))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        changeSet = new ChangeSet(baseRef.Name, mergeBase.Sha, head.Sha, files);
        unavailableReason = null;
        return true;
    }

    /// <summary>libgit2's diff of the two trees with rename detection: every path of both trees is visited.</summary>
    internal List<FileChange> LibGit2Changes(Tree from, Tree to) =>
        repository.Diff.Compare<TreeChanges>(from, to, DiffOptions).Select(ToFileChange).ToList();

    public FileContent? ReadFile(string commit, string path)
    {
        var entry = repository.Lookup<Commit>(commit)?[path];
        return entry?.TargetType == TreeEntryTargetType.Blob ? ReadBlob(entry.Target.Sha) : null;
    }

    public IReadOnlyList<string> ListFiles(string commit)
    {
        var tree = repository.Lookup<Commit>(commit)?.Tree;
        if (tree is null)
        {
            return [];
        }

        var paths = new List<string>();
        var pending = new Stack<Tree>();
        pending.Push(tree);
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop())
            {
                switch (entry.TargetType)
                {
                    case TreeEntryTargetType.Tree:
                        pending.Push((Tree)entry.Target);
                        break;
                    case TreeEntryTargetType.Blob:
                        paths.Add(entry.Path.Replace('\\', '/'));
                        break;
                }
            }
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    private FileChange ToFileChange(TreeEntryChanges entry)
    {
        var kind = entry.Status switch
        {
            ChangeKind.Added or ChangeKind.Copied => FileChangeKind.Added,
            ChangeKind.Deleted => FileChangeKind.Deleted,
            ChangeKind.Renamed => FileChangeKind.Renamed,
            ChangeKind.TypeChanged => FileChangeKind.TypeChanged,
            _ => FileChangeKind.Modified,
        };
        var oldMode = ToMode(entry.OldMode);
        var newMode = ToMode(entry.Mode);
        var oldId = oldMode != EntryMode.Missing && entry.OldOid is { } o && o != ObjectId.Zero ? o.Sha : null;
        var newId = newMode != EntryMode.Missing && entry.Oid is { } n && n != ObjectId.Zero ? n.Sha : null;
        var path = (kind == FileChangeKind.Deleted ? entry.OldPath : entry.Path).Replace('\\', '/');
        var oldPath = kind == FileChangeKind.Added ? null : entry.OldPath.Replace('\\', '/');

        return NewFileChange(kind, path, oldPath, oldMode, newMode, oldId, newId);
    }

    private FileChange NewFileChange(FileChangeKind kind, string path, string? oldPath, EntryMode oldMode, EntryMode newMode, string? oldId, string? newId) => new(
        kind,
        path,
        oldPath,
        oldMode,
        newMode,
        oldId,
        newId,
        () => oldMode is EntryMode.Missing or EntryMode.Submodule || oldId is null ? null : ReadBlob(oldId),
        () => newMode is EntryMode.Missing or EntryMode.Submodule || newId is null ? null : ReadBlob(newId));

    private FileContent ReadBlob(string sha)
    {
        // By id, not by the text: Lookup(string) runs revparse on it (a tenth of the blob reads' cost). The id is made
        // from its bytes because ObjectId(string) checks every character through LINQ over the string (4,400
        // instructions an id); the tree comparison gave these ids, so they are well-formed.
        var blob = repository.Lookup<Blob>(new ObjectId(Convert.FromHexString(sha)));
        using var stream = blob.GetContentStream();
        var bytes = new byte[checked((int)blob.Size)];
        stream.ReadExactly(bytes);
        return new FileContent(bytes);
    }

    private static EntryMode ToMode(Mode mode) => mode switch
    {
        Mode.NonExecutableFile or Mode.NonExecutableGroupWritableFile => EntryMode.File,
        Mode.ExecutableFile => EntryMode.Executable,
        Mode.SymbolicLink => EntryMode.Symlink,
        Mode.GitLink => EntryMode.Submodule,
        _ => EntryMode.Missing,
    };
}
