namespace Hotfix.Git;

/// <summary>
/// The id of one path in a commit's tree, read with four libgit2 calls. The cherry-pick scan asks it twice per develop
/// commit; through LibGit2Sharp each answer built a commit object and a tree entry (≈ 65,000 instructions).
/// </summary>
internal sealed unsafe partial class NativeRepository
{
    /// <summary>
    /// False when <paramref name="commitSha"/> is not the full id of a commit here, or libgit2 cannot say (the caller
    /// then asks LibGit2Sharp, which resolves revisions and reports errors as before); otherwise the entry's id, null
    /// when the tree has nothing at <paramref name="path"/>.
    /// </summary>
    public bool TryEntryId(string commitSha, string path, out string? id)
    {
        id = null;
        if (commitSha.Length != 40 || !commitSha.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var commit = IntPtr.Zero;
        var looked = -1;
        WithOid(commitSha, oid => looked = NativeGit.CommitLookup(out commit, repository, oid));
        if (looked != 0)
        {
            return false;
        }

        try
        {
            if (NativeGit.TreeLookup(out var tree, repository, NativeGit.CommitTreeId(commit)) != 0)
            {
                return false;
            }

            try
            {
                var found = NativeGit.TreeEntryByPath(out var entry, tree, path);
                if (found == NativeGit.NotFound)
                {
                    return true;
                }

                if (found != 0)
                {
                    return false;
                }

                try
                {
                    id = Convert.ToHexStringLower(new ReadOnlySpan<byte>(NativeGit.TreeEntryId(entry), 20));
                    return true;
                }
                finally
                {
                    NativeGit.TreeEntryFree(entry);
                }
            }
            finally
            {
                NativeGit.TreeFree(tree);
            }
        }
        finally
        {
            NativeGit.CommitFree(commit);
        }
    }
}
