using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>The gitattributes of a path, as libgit2's merge reads them, or as git's merge into a branch reads them.</summary>
internal sealed unsafe partial class NativeRepository
{
    /// <summary>
    /// The <c>merge</c> attribute of <paramref name="path"/>: (Set, null) for <c>merge</c>, (Unset, null) for
    /// <c>-merge</c>, (Text, name) for <c>merge=name</c>, (Unspecified, null) when no file gives one. Read with
    /// libgit2's default lookup (working tree's .gitattributes, then the index's, plus info/attributes and
    /// core.attributesFile) — the lookup its merge uses on the same handle.
    /// </summary>
    public (NativeGit.AttributeKind Kind, string? Name) MergeAttribute(string path)
    {
        if (NativeGit.AttributeGet(out var value, repository, 0, path, "merge") != 0)
        {
            throw new InvalidOperationException($"libgit2 cannot read the merge attribute of {path}: {NativeGit.LastErrorMessage()}");
        }

        return Decode(value);
    }

    /// <summary>
    /// The <c>merge</c> attribute of <paramref name="path"/> as <c>git merge</c> reads it with <paramref name="commitSha"/>
    /// checked out (clean): that commit's .gitattributes at every folder level, plus info/attributes, core.attributesFile
    /// and the system file — never the working tree or the index, which hold whatever branch is checked out now.
    /// Only on a handle from <see cref="ForCommitAttributes"/>: libgit2 always adds the index's files, so that handle's
    /// index is an empty one in memory.
    /// </summary>
    public (NativeGit.AttributeKind Kind, string? Name) MergeAttributeAt(string commitSha, string path)
    {
        if (!emptyIndex)
        {
            throw new InvalidOperationException("A commit's attributes need a handle with an empty index (ForCommitAttributes).");
        }

        var options = new NativeGit.AttributeOptions { Version = 1, Flags = NativeGit.AttributeIndexOnly | NativeGit.AttributeIncludeCommit };
        Convert.FromHexString(commitSha).CopyTo(new Span<byte>(options.AttributeCommitId, 20));
        if (NativeGit.AttributeGetExtended(out var value, repository, &options, path, "merge") != 0)
        {
            throw new InvalidOperationException($"libgit2 cannot read the merge attribute of {path} in commit {commitSha}: {NativeGit.LastErrorMessage()}");
        }

        return Decode(value);
    }

    /// <summary>A handle of its own on <paramref name="gitDirectory"/> whose index is empty, for <see cref="MergeAttributeAt"/>.</summary>
    public static NativeRepository ForCommitAttributes(string gitDirectory)
    {
        var handle = new NativeRepository(gitDirectory);
        try
        {
            Check(NativeGit.IndexNew(out var index), "create an empty index");
            try
            {
                Check(NativeGit.RepositorySetIndex(handle.repository, index), "use an empty index");
            }
            finally
            {
                // The repository holds its own reference.
                NativeGit.IndexFree(index);
            }

            handle.emptyIndex = true;
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static (NativeGit.AttributeKind Kind, string? Name) Decode(byte* value)
    {
        var kind = NativeGit.AttributeValue(value);
        return (kind, kind == NativeGit.AttributeKind.Text ? Marshal.PtrToStringUTF8((IntPtr)value) : null);
    }
}
