using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>
/// libgit2's compare-and-swap reference update, which LibGit2Sharp does not expose: its UpdateTarget compares with a
/// value it looks up itself, so a writer could overwrite an update it never saw.
/// </summary>
internal static unsafe partial class NativeGit
{
    /// <summary>GIT_EEXISTS: the reference was to be created but already exists.</summary>
    internal const int Exists = -4;

    /// <summary>GIT_ELOCKED: another writer holds the reference's lock file.</summary>
    internal const int Locked = -14;

    /// <summary>GIT_EMODIFIED: the reference no longer has the value the update expected.</summary>
    internal const int Modified = -15;

    [LibraryImport(LibraryName, EntryPoint = "git_reference_create_matching", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ReferenceCreateMatching(out IntPtr reference, IntPtr repository, string name, byte* id, int force, byte* currentId, string? logMessage);

    [LibraryImport(LibraryName, EntryPoint = "git_reference_free")]
    internal static partial void ReferenceFree(IntPtr reference);
}
