using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>The repository's index, for re-reading it where another process may have written it.</summary>
internal static unsafe partial class NativeGit
{
    [LibraryImport(LibraryName, EntryPoint = "git_repository_index")]
    internal static partial int RepositoryIndex(out IntPtr index, IntPtr repository);

    /// <summary>git_index_read: with force 0, re-reads the file only when its checksum differs from the one loaded.</summary>
    [LibraryImport(LibraryName, EntryPoint = "git_index_read")]
    internal static partial int IndexRead(IntPtr index, int force);

    [LibraryImport(LibraryName, EntryPoint = "git_index_free")]
    internal static partial void IndexFree(IntPtr index);
}
