using System.Runtime.InteropServices;
using System.Text;

namespace Hotfix.Git;

/// <summary>
/// A libgit2 repository handle of its own for the history questions LibGit2Sharp answers too slowly or wrongly in
/// the AOT binary (see <see cref="NativeGit"/>): revision walks that only need commit ids (reachability, counts —
/// tens of thousands of commits without a managed object each), changed paths, and patch ids.
/// </summary>
/// <remarks>
/// Patch ids are stable patch ids exactly as git computes them for <c>git cherry</c> and <c>git rebase</c> (diff.c
/// diff_get_patch_id), from libgit2's diff of two trees on a repository handle of its own (see <see cref="NativeGit"/>
/// for why not through LibGit2Sharp). For text changes they equal <c>git patch-id --stable</c>; that command's text
/// parser adds one extra empty-input hash when a patch ends with a binary file, git cherry does not; and for a
/// mode-only change git cherry hashes "---a/PATH+++b/PATH", which the patch text (and so that parser) does not have.
/// libgit2's own git_diff_patchid is not used: it hashes a binary file as "Binary files differ" without its content,
/// so two different binary changes to one file would count as the same change.
/// git's algorithm, per changed file: SHA-1 over "diff--git a/OLD b/NEW", the mode lines ("newfilemode100644",
/// "deletedfilemode…", "oldmode…newmode…"), then for a binary file both blob ids in hex, else "---a/OLD+++b/NEW" and
/// every line of the hunks (context, removed, added; no hunk headers, no "\ No newline" markers) — all with whitespace
/// removed. The per-file digests are added as 20-byte little-endian numbers, so file order does not matter.
/// </remarks>
internal sealed unsafe partial class NativeRepository : IDisposable
{
    /// <summary>GIT_DIFF_DISABLE_PATHSPEC_MATCH: pathspec entries are exact paths, not patterns.</summary>
    private const uint DisablePathspecMatch = 1u << 12;

    private readonly IntPtr repository;
    private readonly bool owned;
    private readonly Dictionary<(string? Old, string New), IReadOnlyList<string>> changedPaths = new();
    private bool indexChecked;
    private bool emptyIndex;

    public NativeRepository(string gitDirectory)
    {
        NativeGit.Init();
        if (NativeGit.RepositoryOpen(out repository, gitDirectory) != 0)
        {
            throw new InvalidOperationException($"libgit2 cannot open {gitDirectory}: {NativeGit.LastErrorMessage()}");
        }

        owned = true;
    }

    /// <summary>
    /// Works on a handle someone else opened and frees (LibGit2Sharp's): one object cache and one index for both. A
    /// handle of its own loaded and checksummed the whole index again for the attribute lookups of its diffs (1.6 MB,
    /// ≈ 88 M instructions on 20,000 files), and read again every tree LibGit2Sharp had already read.
    /// </summary>
    private NativeRepository(IntPtr borrowed)
    {
        repository = borrowed;
    }

    /// <summary>A native view of <paramref name="repository"/>'s own handle, or a handle of its own where that cannot be had.</summary>
    public static NativeRepository For(LibGit2Sharp.Repository repository) =>
        LibGit2SharpHandles.RepositoryPointer(repository) is { } pointer ? new NativeRepository(pointer) : new NativeRepository(repository.Info.Path);

    /// <summary>Whether this works on another object's handle (tests).</summary>
    internal bool Borrowed => !owned;

    /// <summary>
    /// Commit ids reachable from <paramref name="include"/> and from none of <paramref name="exclude"/>
    /// (git rev-list), in libgit2's default order.
    /// </summary>
    public List<string> Walk(string include, IReadOnlyCollection<string> exclude)
    {
        Check(NativeGit.RevwalkNew(out var walk, repository), "revwalk");
        try
        {
            WithOid(include, oid => Check(NativeGit.RevwalkPush(walk, oid), "revwalk push " + include));
            foreach (var hidden in exclude)
            {
                WithOid(hidden, oid => Check(NativeGit.RevwalkHide(walk, oid), "revwalk hide " + hidden));
            }

            var shas = new List<string>();
            Span<byte> oid = stackalloc byte[20];
            fixed (byte* p = oid)
            {
                int result;
                while ((result = NativeGit.RevwalkNext(p, walk)) == 0)
                {
                    shas.Add(Convert.ToHexStringLower(oid));
                }

                if (result != NativeGit.IterationOver)
                {
                    Check(result, "revwalk next");
                }
            }

            return shas;
        }
        finally
        {
            NativeGit.RevwalkFree(walk);
        }
    }

    /// <summary>Every best common ancestor of two commits (git merge-base --all); more than one in a criss-cross history.</summary>
    public List<string> MergeBases(string one, string two)
    {
        var bases = new List<string>();
        var first = Convert.FromHexString(one);
        var second = Convert.FromHexString(two);
        var array = default(NativeGit.OidArray);
        fixed (byte* a = first, b = second)
        {
            var result = NativeGit.MergeBases(&array, repository, a, b);
            if (result == NativeGit.NotFound)
            {
                return bases;
            }

            Check(result, "merge bases");
        }

        try
        {
            for (nuint i = 0; i < array.Count; i++)
            {
                bases.Add(Convert.ToHexStringLower(new ReadOnlySpan<byte>(array.Ids + (i * 20), 20)));
            }
        }
        finally
        {
            NativeGit.OidArrayDispose(&array);
        }

        return bases;
    }

    /// <summary>Paths changed between two trees (git diff --name-only --no-renames); a rename is its old and new path.</summary>
    /// <remarks>Remembered per pair of trees: the patch id of a change asks for the same paths again.</remarks>
    public IReadOnlyList<string> ChangedPaths(string? oldTreeSha, string newTreeSha)
    {
        if (changedPaths.TryGetValue((oldTreeSha, newTreeSha), out var known))
        {
            return known;
        }

        var oldTree = oldTreeSha is null ? IntPtr.Zero : LookupTree(oldTreeSha);
        try
        {
            var newTree = LookupTree(newTreeSha);
            try
            {
                var paths = NativeTreeComparison.ChangedPaths(oldTree, newTree, LookupTree).ToList();
                changedPaths[(oldTreeSha, newTreeSha)] = paths;
                return paths;
            }
            finally
            {
                NativeGit.TreeFree(newTree);
            }
        }
        finally
        {
            if (oldTree != IntPtr.Zero)
            {
                NativeGit.TreeFree(oldTree);
            }
        }
    }

    /// <summary>Every file entry that differs between two trees (null: the empty tree), with both sides' ids and modes (git diff --no-renames --raw).</summary>
    public List<TreeEntryDifference> TreeDifferences(string? oldTreeSha, string newTreeSha)
    {
        var oldTree = oldTreeSha is null ? IntPtr.Zero : LookupTree(oldTreeSha);
        try
        {
            var newTree = LookupTree(newTreeSha);
            try
            {
                return NativeTreeComparison.Differences(oldTree, newTree, LookupTree);
            }
            finally
            {
                NativeGit.TreeFree(newTree);
            }
        }
        finally
        {
            if (oldTree != IntPtr.Zero)
            {
                NativeGit.TreeFree(oldTree);
            }
        }
    }

    /// <summary>The patch id of the change from tree <paramref name="oldTreeSha"/> (null: empty tree) to <paramref name="newTreeSha"/>; null when they are equal.</summary>
    /// <remarks>
    /// The diff is limited to the changed paths found by <see cref="ChangedPaths"/> (which skips identical subtrees):
    /// the same deltas, without libgit2 walking every file of both trees.
    /// </remarks>
    public string? PatchId(string? oldTreeSha, string newTreeSha)
    {
        var paths = ChangedPaths(oldTreeSha, newTreeSha);
        if (paths.Count > 0)
        {
            IndexAsOfFirstDiff();
        }

        return paths.Count == 0 ? null : WithDiff(oldTreeSha, newTreeSha, paths, diff =>
        {
            var count = NativeGit.DiffDeltaCount(diff);
            if (count == 0)
            {
                return null;
            }

            Span<byte> sum = stackalloc byte[20];
            sum.Clear();
            for (nuint i = 0; i < count; i++)
            {
                AddFile(diff, i, sum);
            }

            return Convert.ToHexStringLower(sum);
        });
    }

    /// <summary>A diff of two trees limited to exactly <paramref name="paths"/> (no pathspec patterns).</summary>
    private T WithDiff<T>(string? oldTreeSha, string newTreeSha, IReadOnlyList<string> paths, Func<IntPtr, T> use)
    {
        var oldTree = IntPtr.Zero;
        var newTree = IntPtr.Zero;
        var diff = IntPtr.Zero;
        var strings = new IntPtr[paths.Count];
        try
        {
            oldTree = oldTreeSha is null ? IntPtr.Zero : LookupTree(oldTreeSha);
            newTree = LookupTree(newTreeSha);
            for (var i = 0; i < paths.Count; i++)
            {
                strings[i] = Marshal.StringToCoTaskMemUTF8(paths[i]);
            }

            // git_diff_options (libgit2 1.x): version, flags, ignore_submodules, then the pathspec git_strarray at 16.
            var options = stackalloc byte[512];
            Check(NativeGit.DiffOptionsInit(options, 1), "diff options");
            *(uint*)(options + 4) |= DisablePathspecMatch;
            fixed (IntPtr* array = strings)
            {
                *(IntPtr**)(options + 16) = array;
                *(nuint*)(options + 24) = (nuint)strings.Length;
                Check(NativeGit.DiffTreeToTree(out diff, repository, oldTree, newTree, (IntPtr)options), "diff");
            }

            return use(diff);
        }
        finally
        {
            foreach (var text in strings)
            {
                Marshal.FreeCoTaskMem(text);
            }

            if (diff != IntPtr.Zero)
            {
                NativeGit.DiffFree(diff);
            }

            if (newTree != IntPtr.Zero)
            {
                NativeGit.TreeFree(newTree);
            }

            if (oldTree != IntPtr.Zero)
            {
                NativeGit.TreeFree(oldTree);
            }
        }
    }

    /// <summary>
    /// A diff looks up each file's attributes, in <c>.gitattributes</c> files of the working tree and of the index. A
    /// handle of its own loaded the index at its first diff; a borrowed one may hold an index loaded earlier (by a
    /// status), so at the first diff it is re-read if the file changed since (libgit2 compares the checksum at its end)
    /// — the same index content as before, without a second copy of it.
    /// </summary>
    private void IndexAsOfFirstDiff()
    {
        if (owned || indexChecked)
        {
            return;
        }

        Check(NativeGit.RepositoryIndex(out var index, repository), "open the index");
        try
        {
            Check(NativeGit.IndexRead(index, 0), "read the index");
        }
        finally
        {
            NativeGit.IndexFree(index);
        }

        indexChecked = true;
    }

    public void Dispose()
    {
        if (owned)
        {
            NativeGit.RepositoryFree(repository);
        }
    }

    private static void AddFile(IntPtr diff, nuint index, Span<byte> sum)
    {
        Check(NativeGit.PatchFromDiff(out var patch, diff, index), "patch");
        var buffer = default(NativeGit.GitBuffer);
        try
        {
            // Generating the patch text also settles whether libgit2 sees the file as binary.
            Check(NativeGit.PatchToBuffer(&buffer, patch), "patch text");
            var delta = NativeGit.PatchDelta(patch);
            var hash = new ManagedSha1();
            var oldPath = WithoutSpace(delta->OldFile.Path);
            var newPath = WithoutSpace(delta->NewFile.Path);
            Add(hash, "diff--gita/");
            hash.Append(oldPath);
            Add(hash, "b/");
            hash.Append(newPath);

            var oldMode = delta->OldFile.Mode;
            var newMode = delta->NewFile.Mode;
            if (oldMode == 0)
            {
                Add(hash, "newfilemode" + Octal(newMode));
            }
            else if (newMode == 0)
            {
                Add(hash, "deletedfilemode" + Octal(oldMode));
            }
            else if (oldMode != newMode)
            {
                Add(hash, "oldmode" + Octal(oldMode) + "newmode" + Octal(newMode));
            }

            if ((delta->Flags & NativeGit.BinaryFlag) != 0)
            {
                Add(hash, Convert.ToHexStringLower(new ReadOnlySpan<byte>(delta->OldFile.Id, 20)));
                Add(hash, Convert.ToHexStringLower(new ReadOnlySpan<byte>(delta->NewFile.Id, 20)));
            }
            else
            {
                Add(hash, oldMode == 0 ? "---/dev/null" : "---a/");
                if (oldMode != 0)
                {
                    hash.Append(oldPath);
                }

                Add(hash, newMode == 0 ? "+++/dev/null" : "+++b/");
                if (newMode != 0)
                {
                    hash.Append(newPath);
                }

                AddHunkLines(hash, new ReadOnlySpan<byte>(buffer.Pointer, checked((int)buffer.Size)));
            }

            Span<byte> digest = stackalloc byte[20];
            hash.Finish(digest);
            var carry = 0;
            for (var i = 0; i < 20; i++)
            {
                carry += sum[i] + digest[i];
                sum[i] = (byte)carry;
                carry >>= 8;
            }
        }
        finally
        {
            NativeGit.BufferDispose(&buffer);
            NativeGit.PatchFree(patch);
        }
    }

    /// <summary>The hunk lines of one file's patch text: everything after the first hunk header, minus headers and "\ No newline" markers.</summary>
    private static void AddHunkLines(ManagedSha1 hash, ReadOnlySpan<byte> text)
    {
        var inHunks = false;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..(end + 1)];
            text = end < 0 ? [] : text[(end + 1)..];
            if (line.StartsWith("@@"u8))
            {
                inHunks = true;
                continue;
            }

            if (!inHunks || (line.Length > 12 && line.StartsWith("\\ "u8)))
            {
                continue;
            }

            hash.Append(WithoutSpace(line));
        }
    }

    /// <summary>git's remove_space: drops every byte C's isspace accepts.</summary>
    private static byte[] WithoutSpace(ReadOnlySpan<byte> bytes)
    {
        var kept = new byte[bytes.Length];
        var n = 0;
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r'))
            {
                kept[n++] = b;
            }
        }

        return kept[..n];
    }

    private static byte[] WithoutSpace(byte* path) =>
        path == null ? [] : WithoutSpace(new ReadOnlySpan<byte>(path, new ReadOnlySpan<byte>(path, int.MaxValue).IndexOf((byte)0)));

    private static void Add(ManagedSha1 hash, string ascii) => hash.Append(ascii);

    private static string Octal(ushort mode) => Convert.ToString(mode, 8).PadLeft(6, '0');

    private IntPtr LookupTree(IntPtr oid)
    {
        Check(NativeGit.TreeLookup(out var tree, repository, (byte*)oid), "tree");
        return tree;
    }

    /// <summary>Whether two lookups of one tree, both held, return the same object — libgit2's cache kept it (tests).</summary>
    internal bool SameTreeObjectTwice(byte[] treeId)
    {
        fixed (byte* oid = treeId)
        {
            Check(NativeGit.TreeLookup(out var first, repository, oid), "tree");
            try
            {
                Check(NativeGit.TreeLookup(out var second, repository, oid), "tree");
                NativeGit.TreeFree(second);
                return first == second;
            }
            finally
            {
                NativeGit.TreeFree(first);
            }
        }
    }

    private IntPtr LookupTree(string sha)
    {
        var tree = IntPtr.Zero;
        WithOid(sha, oid => Check(NativeGit.TreeLookup(out tree, repository, oid), "tree " + sha));
        return tree;
    }

    private delegate void OidAction(byte* oid);

    private static void WithOid(string sha, OidAction action)
    {
        var oid = Convert.FromHexString(sha);
        fixed (byte* p = oid)
        {
            action(p);
        }
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"libgit2 failed ({what}): {NativeGit.LastErrorMessage()}");
        }
    }
}
