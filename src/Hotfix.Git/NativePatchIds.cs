namespace Hotfix.Git;

/// <summary>
/// Stable patch ids computed by libgit2 (git_diff_patchid) on a repository handle of its own, so they are identical to
/// <c>git patch-id --stable</c> and work in the native AOT binary (see <see cref="NativeGit"/>).
/// </summary>
internal sealed unsafe class NativePatchIds : IDisposable
{
    private readonly IntPtr repository;

    public NativePatchIds(string gitDirectory)
    {
        NativeGit.Init();
        if (NativeGit.RepositoryOpen(out repository, gitDirectory) != 0)
        {
            throw new InvalidOperationException($"libgit2 cannot open {gitDirectory} for patch ids: {NativeGit.LastErrorMessage()}");
        }
    }

    /// <summary>The patch id of the change from tree <paramref name="oldTreeSha"/> (null: empty tree) to <paramref name="newTreeSha"/>; null when they are equal.</summary>
    public string? Compute(string? oldTreeSha, string newTreeSha)
    {
        var oldTree = IntPtr.Zero;
        var newTree = IntPtr.Zero;
        var diff = IntPtr.Zero;
        try
        {
            oldTree = oldTreeSha is null ? IntPtr.Zero : LookupTree(oldTreeSha);
            newTree = LookupTree(newTreeSha);
            Check(NativeGit.DiffTreeToTree(out diff, repository, oldTree, newTree, IntPtr.Zero), "diff");
            if (NativeGit.DiffDeltaCount(diff) == 0)
            {
                return null;
            }

            Span<byte> id = stackalloc byte[20];
            fixed (byte* p = id)
            {
                Check(NativeGit.DiffPatchId(p, diff, IntPtr.Zero), "patch id");
            }

            return Convert.ToHexStringLower(id);
        }
        finally
        {
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

    public void Dispose() => NativeGit.RepositoryFree(repository);

    private IntPtr LookupTree(string sha)
    {
        var oid = Convert.FromHexString(sha);
        fixed (byte* p = oid)
        {
            Check(NativeGit.TreeLookup(out var tree, repository, p), "tree " + sha);
            return tree;
        }
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"libgit2 failed to compute a patch id ({what}): {NativeGit.LastErrorMessage()}");
        }
    }
}
