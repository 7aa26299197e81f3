using System.Text;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// A checkout between two known trees that can be killed and resumed. Files are written whole (beside their path, then
/// renamed over it) and the index last, so a kill leaves each path's file and index entry each in the old or the new
/// state; that, and nothing else, is recognised as the interrupted checkout and completed. A path in any other state
/// is someone's change and stops it.
/// </summary>
internal sealed partial class GitRepository
{
    public IReadOnlyList<string> ForeignChanges(string fromCommitSha, string toCommitSha)
    {
        var from = RequireCommit(fromCommitSha).Tree;
        var to = RequireCommit(toCommitSha).Tree;
        return Foreign(Candidates(from, to), new PathStates(this, from, to));
    }

    public void SyncToHead(string fromCommitSha)
    {
        var head = repository.Head.Tip ?? throw new InvalidOperationException("SyncToHead needs HEAD on a commit.");
        Sync(fromCommitSha, head, repository.Head.FriendlyName, "the refs are moved; the files are checked out; the index is part-way");
    }

    public void SwitchFrom(string fromCommitSha, string branchName)
    {
        var branch = repository.Branches[branchName]
            ?? throw new HotfixOperationException($"cannot switch to '{branchName}': no such local branch", "HEAD and the working tree were not changed");

        // Without a journal no lock can be proven to be a killed run's own; refuse before the first write instead of
        // leaving files of one tree under the index of another.
        foreach (var lockFile in new[] { "index.lock", "HEAD.lock" }.Select(n => Path.Combine(repository.Info.Path, n)).Where(File.Exists))
        {
            throw LockFiles.Unowned(lockFile, Policy.Workflow.Preconditions.NothingChanged);
        }

        Sync(fromCommitSha, branch.Tip, branchName, $"HEAD is still on {repository.Head.FriendlyName}; the files are checked out; the index is part-way");
        AttachHead(branchName);
    }

    /// <summary>Brings the index and files from <paramref name="fromCommitSha"/>'s tree (or a checkout of <paramref name="toCommit"/> interrupted half-way) to <paramref name="toCommit"/>'s.</summary>
    private void Sync(string fromCommitSha, Commit toCommit, string toName, string stateAtIndexWrite)
    {
        var from = RequireCommit(fromCommitSha).Tree;
        var to = toCommit.Tree;
        var candidates = Candidates(from, to);
        foreach (var leftover in candidates.Select(p => Path.Combine(Root, p) + WholeFileSuffix).Where(File.Exists))
        {
            File.Delete(leftover);
        }

        // Each path's tree entries, index entry and file id are looked up once, not once per question below.
        var states = new PathStates(this, from, to);
        var foreign = Foreign(candidates, states);
        if (foreign.Count > 0)
        {
            var shown = string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? $" and {foreign.Count - 5} more" : string.Empty);
            throw new HotfixOperationException(
                $"the working tree has changes to {shown} that are in neither {fromCommitSha[..7]}'s state nor {toName}'s; they were not overwritten — commit or stash them (git stash push)",
                $"HEAD is on {repository.Head.FriendlyName}; the index and files were not changed");
        }

        var stale = candidates.Where(p => !states.InTo(p)).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        // Each file is written beside its path and renamed over it, so a kill leaves every file whole in one state
        // or the other (libgit2 writes in place: a kill mid-file left content in neither, refused as someone's edit).
        var index = repository.Index;
        var sparse = SparseCheckout.Of(repository);
        var changed = false;
        foreach (var path in stale)
        {
            var full = Path.Combine(Root, path);
            var target = states.To(path);
            if (target is { TargetType: not TreeEntryTargetType.Blob })
            {
                // A submodule's commit: git checkout does not update its folder either; the entry is set below by git
                // (git submodule update), not by finish.
                continue;
            }

            if (states.LeftOut(path))
            {
                // Outside the sparse checkout: git updates the index entry and writes no file (nor deletes one).
                if (target is { } skipped && !IndexMatches(states.Indexed(path), skipped))
                {
                    sparse.StageSkipped(path, skipped.Target.Id, skipped.Mode);
                    changed = true;
                }
                else if (target is null && states.Indexed(path) is not null)
                {
                    index.Remove(path);
                    changed = true;
                }

                continue;
            }

            if (target is { } entry)
            {
                if (!FileMatches(states.FileId(path), entry))
                {
                    BeforeWrite("check out " + path);
                    WriteWhole(full, entry);
                }

                if (states.Indexed(path) is not { } indexed || indexed.Id != entry.Target.Id || indexed.Mode != entry.Mode)
                {
                    index.Add((Blob)entry.Target, path, entry.Mode);
                    changed = true;
                }

                continue;
            }

            if (File.Exists(full))
            {
                BeforeWrite("delete " + path);
                File.Delete(full);
                RemoveEmptyFolders(Path.GetDirectoryName(full)!);
            }

            if (states.Indexed(path) is not null)
            {
                index.Remove(path);
                changed = true;
            }
        }

        if (changed)
        {
            BeforeWrite("write the index");
            LockFiles.Write(() => { index.Write(); return true; }, "write the index", stateAtIndexWrite);
        }
    }

    private static List<string> Foreign(IEnumerable<string> candidates, PathStates states) => candidates.Where(p => !states.InEither(p)).ToList();

    private const string WholeFileSuffix = ".hotfix-finish.tmp";

    /// <summary>Writes a tree entry's content (a symbolic link: the link) beside <paramref name="full"/>, then renames it over.</summary>
    private static void WriteWhole(string full, TreeEntry entry)
    {
        var temporary = full + WholeFileSuffix;
        var blob = (Blob)entry.Target;
        if (entry.Mode == Mode.SymbolicLink)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.Delete(temporary);
            File.CreateSymbolicLink(temporary, blob.GetContentText());
        }
        else
        {
            using (var content = blob.GetContentStream())
            using (var file = WholeFiles.CreateTemporary(temporary))
            {
                content.CopyTo(file);
            }

            if (entry.Mode == Mode.ExecutableFile && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(temporary) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        WholeFiles.Replace(temporary, full);
    }

    /// <summary>
    /// Paths the two trees differ on, plus every path git status reports (untracked files aside). Where the index
    /// provably still holds <paramref name="from"/>, it differs from HEAD only on paths of the first kind, so the status
    /// compares the working tree alone.
    /// </summary>
    private SortedSet<string> Candidates(Tree from, Tree to)
    {
        var paths = new SortedSet<string>(NativeHistory.ChangedPaths(from.Sha, to.Sha), StringComparer.Ordinal);
        var status = RetrieveStatus(
            new StatusOptions
            {
                IncludeUntracked = false,
                IncludeIgnored = false,
                RecurseUntrackedDirs = false,
                DetectRenamesInIndex = false,
                DetectRenamesInWorkDir = false,
            },
            from.Id);
        foreach (var entry in status)
        {
            if (entry.State is not (FileStatus.Unaltered or FileStatus.Ignored))
            {
                paths.Add(entry.FilePath);
            }
        }

        return paths;
    }

    /// <summary>
    /// What SyncToHead and ForeignChanges ask of each path — its entry in either tree, its index entry, the id of its
    /// file — read once per path. Only valid while nothing is written: it belongs to one look at the working tree.
    /// </summary>
    private sealed class PathStates(GitRepository repository, Tree from, Tree to)
    {
        private readonly Dictionary<string, TreeEntry?> fromEntries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TreeEntry?> toEntries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IndexEntry?> indexEntries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> fileIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> leftOut = new(StringComparer.Ordinal);
        private readonly SparseCheckout sparse = SparseCheckout.Of(repository.repository);

        public TreeEntry? From(string path) => Remember(fromEntries, path, p => from[p]);

        public TreeEntry? To(string path) => Remember(toEntries, path, p => to[p]);

        public IndexEntry? Indexed(string path) => Remember(indexEntries, path, p => repository.repository.Index[p]);

        public string? FileId(string path) => Remember(fileIds, path, repository.WorkingFileId);

        /// <summary>True when the sparse checkout leaves the path's file out (<see cref="SparseCheckout"/>): only its index entry counts.</summary>
        public bool LeftOut(string path) => Remember(leftOut, path, p => sparse.LeavesOut(p, Indexed(p) is not null));

        /// <summary>Index entry and file each match one of the two trees (not necessarily the same one).</summary>
        public bool InEither(string path) =>
            (IndexMatches(Indexed(path), From(path)) || IndexMatches(Indexed(path), To(path)))
            && (LeftOut(path) || FileMatches(FileId(path), From(path)) || FileMatches(FileId(path), To(path)));

        /// <summary>Index entry and file both match the target tree.</summary>
        public bool InTo(string path) => IndexMatches(Indexed(path), To(path)) && (LeftOut(path) || FileMatches(FileId(path), To(path)));

        private static T Remember<T>(Dictionary<string, T> known, string path, Func<string, T> look)
        {
            if (!known.TryGetValue(path, out var value))
            {
                value = look(path);
                known[path] = value;
            }

            return value;
        }
    }

    private static bool IndexMatches(IndexEntry? indexed, TreeEntry? entry) =>
        entry is null ? indexed is null : indexed is not null && indexed.Id == entry.Target.Id && indexed.Mode == entry.Mode;

    private static bool FileMatches(string? fileId, TreeEntry? entry) =>
        entry is null ? fileId is null : fileId == entry.Target.Sha;

    /// <summary>
    /// The blob id git would give the file as it is (a symbolic link: its target), null when there is none, and a
    /// value matching no blob for a folder. No clean filters or line-ending conversion are applied: a repository
    /// using them gets a refusal (exit 3), never an overwrite.
    /// </summary>
    private string? WorkingFileId(string path)
    {
        var full = Path.Combine(Root, path);
        var info = new FileInfo(full);
        byte[] content;
        if (info.Exists && !info.Attributes.HasFlag(FileAttributes.ReparsePoint))
        {
            // A plain file (the usual case) needs no readlink to know it is not a link.
            content = File.ReadAllBytes(full);
        }
        else if (info.LinkTarget is { } target)
        {
            content = Encoding.UTF8.GetBytes(target);
        }
        else if (info.Exists)
        {
            content = File.ReadAllBytes(full);
        }
        else
        {
            return Directory.Exists(full) ? "folder" : null;
        }

        return BlobId(content);
    }

    /// <summary>
    /// git's blob id of <paramref name="content"/>, hashed by libgit2 (already loaded): .NET's SHA-1 would load and
    /// initialise OpenSSL for it, which cost more than hashing the files a finish checks out.
    /// </summary>
    internal static unsafe string BlobId(byte[] content)
    {
        Span<byte> id = stackalloc byte[20];
        // An empty array pins to a null pointer; libgit2 gets a real one and the length 0.
        fixed (byte* oid = id)
        fixed (byte* data = content.Length == 0 ? new byte[1] : content)
        {
            if (NativeGit.OdbHash(oid, data, (nuint)content.Length, NativeGit.BlobType) != 0)
            {
                throw new InvalidOperationException($"libgit2 failed (hash a file): {NativeGit.LastErrorMessage()}");
            }
        }

        return Convert.ToHexStringLower(id);
    }

    private void RemoveEmptyFolders(string folder)
    {
        for (var dir = folder; dir.Length > Root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir)!)
        {
            Directory.Delete(dir);
        }
    }
}
