using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>The gitattributes of a path, as libgit2's merge reads them.</summary>
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

        var kind = NativeGit.AttributeValue(value);
        return (kind, kind == NativeGit.AttributeKind.Text ? Marshal.PtrToStringUTF8((IntPtr)value) : null);
    }
}
