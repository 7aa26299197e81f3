using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>
/// The paths that differ between two trees, found the way git finds them: a subtree whose id is the same on both sides
/// is skipped without being read. libgit2's tree-to-tree diff walks every file of both trees instead — on a
/// 20,000-file repository that is most of a <c>hotfix check</c> that asks for the changed paths of each hotfix commit.
/// </summary>
/// <remarks>
/// Both entry lists are walked in step, in git's tree order (names byte by byte, a subtree's name as if it ended in
/// '/'), so an entry is a string only when it changed. A file and a folder of the same name sort apart, which makes a
/// file replaced by a folder the removal of one path and the addition of the folder's files — as git diff shows it.
/// </remarks>
internal static unsafe class NativeTreeComparison
{
    private const int TreeMode = 0x4000; // 040000: a subtree (GIT_FILEMODE_TREE)

    /// <summary>Paths changed from <paramref name="oldTree"/> (IntPtr.Zero: the empty tree) to <paramref name="newTree"/>; a rename is its two paths.</summary>
    public static SortedSet<string> ChangedPaths(IntPtr oldTree, IntPtr newTree, Func<IntPtr, IntPtr> lookupTree) =>
        new(Differences(oldTree, newTree, lookupTree).Select(d => d.Path), StringComparer.Ordinal);

    /// <summary>
    /// Every file entry that differs between the trees, with both sides' id and mode (absent: null id, mode 0) — what
    /// git diff --no-renames lists, one entry per path; a file replaced by a folder is the file's removal and the
    /// folder's files' additions.
    /// </summary>
    public static List<TreeEntryDifference> Differences(IntPtr oldTree, IntPtr newTree, Func<IntPtr, IntPtr> lookupTree)
    {
        var differences = new List<TreeEntryDifference>();
        Compare(oldTree, newTree, string.Empty, differences, lookupTree);
        return differences;
    }

    private static void Compare(IntPtr oldTree, IntPtr newTree, string prefix, List<TreeEntryDifference> into, Func<IntPtr, IntPtr> lookupTree)
    {
        var oldCount = oldTree == IntPtr.Zero ? 0 : NativeGit.TreeEntryCount(oldTree);
        var newCount = newTree == IntPtr.Zero ? 0 : NativeGit.TreeEntryCount(newTree);
        nuint i = 0, j = 0;
        while (i < oldCount || j < newCount)
        {
            var old = i < oldCount ? NativeGit.TreeEntryByIndex(oldTree, i) : IntPtr.Zero;
            var now = j < newCount ? NativeGit.TreeEntryByIndex(newTree, j) : IntPtr.Zero;
            var order = old == IntPtr.Zero ? 1 : now == IntPtr.Zero ? -1 : GitOrder(old, now);
            if (order < 0)
            {
                AddAll(old, prefix, into, lookupTree, removed: true);
                i++;
            }
            else if (order > 0)
            {
                AddAll(now, prefix, into, lookupTree, removed: false);
                j++;
            }
            else
            {
                if (!Id(old).SequenceEqual(Id(now)) || NativeGit.TreeEntryFileMode(old) != NativeGit.TreeEntryFileMode(now))
                {
                    if (IsTree(old))
                    {
                        WithTree(old, o => WithTree(now, n => Compare(o, n, prefix + Name(old) + "/", into, lookupTree), lookupTree), lookupTree);
                    }
                    else
                    {
                        into.Add(Difference(prefix + Name(old), old, now));
                    }
                }

                i++;
                j++;
            }
        }
    }

    /// <summary>A file is its path; a whole subtree that appeared or went away is every file in it.</summary>
    private static void AddAll(IntPtr entry, string prefix, List<TreeEntryDifference> into, Func<IntPtr, IntPtr> lookupTree, bool removed)
    {
        if (!IsTree(entry))
        {
            var path = prefix + Name(entry);
            into.Add(removed ? Difference(path, entry, IntPtr.Zero) : Difference(path, IntPtr.Zero, entry));
            return;
        }

        var folder = prefix + Name(entry) + "/";
        WithTree(entry, tree => Compare(removed ? tree : IntPtr.Zero, removed ? IntPtr.Zero : tree, folder, into, lookupTree), lookupTree);
    }

    private static TreeEntryDifference Difference(string path, IntPtr old, IntPtr now) => new(
        path,
        old == IntPtr.Zero ? null : Convert.ToHexStringLower(Id(old)),
        old == IntPtr.Zero ? 0 : NativeGit.TreeEntryFileMode(old),
        now == IntPtr.Zero ? null : Convert.ToHexStringLower(Id(now)),
        now == IntPtr.Zero ? 0 : NativeGit.TreeEntryFileMode(now));

    private static void WithTree(IntPtr entry, Action<IntPtr> use, Func<IntPtr, IntPtr> lookupTree)
    {
        var tree = lookupTree((IntPtr)NativeGit.TreeEntryId(entry));
        try
        {
            use(tree);
        }
        finally
        {
            NativeGit.TreeFree(tree);
        }
    }

    /// <summary>git's base_name_compare: names byte by byte, a subtree's name continuing with '/'.</summary>
    private static int GitOrder(IntPtr a, IntPtr b)
    {
        var x = NameBytes(a);
        var y = NameBytes(b);
        var common = Math.Min(x.Length, y.Length);
        var order = x[..common].SequenceCompareTo(y[..common]);
        if (order != 0)
        {
            return order;
        }

        var nextX = x.Length > common ? x[common] : IsTree(a) ? (byte)'/' : (byte)0;
        var nextY = y.Length > common ? y[common] : IsTree(b) ? (byte)'/' : (byte)0;
        return nextX.CompareTo(nextY);
    }

    private static bool IsTree(IntPtr entry) => NativeGit.TreeEntryFileMode(entry) == TreeMode;

    private static ReadOnlySpan<byte> Id(IntPtr entry) => new(NativeGit.TreeEntryId(entry), 20);

    private static ReadOnlySpan<byte> NameBytes(IntPtr entry) => MemoryMarshal.CreateReadOnlySpanFromNullTerminated(NativeGit.TreeEntryName(entry));

    private static string Name(IntPtr entry) => Marshal.PtrToStringUTF8((IntPtr)NativeGit.TreeEntryName(entry))!;
}
