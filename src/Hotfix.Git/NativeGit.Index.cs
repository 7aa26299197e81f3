using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>The repository's index: re-reading it where another process may have written it, and which file it came from.</summary>
internal static unsafe partial class NativeGit
{
    [LibraryImport(LibraryName, EntryPoint = "git_repository_index")]
    internal static partial int RepositoryIndex(out IntPtr index, IntPtr repository);

    /// <summary>git_index_read: with force 0, re-reads the file only when its checksum differs from the one loaded.</summary>
    [LibraryImport(LibraryName, EntryPoint = "git_index_read")]
    internal static partial int IndexRead(IntPtr index, int force);

    [LibraryImport(LibraryName, EntryPoint = "git_index_free")]
    internal static partial void IndexFree(IntPtr index);

    /// <summary>git_index_checksum: the checksum at the end of the file the index was loaded from (20 bytes).</summary>
    [LibraryImport(LibraryName, EntryPoint = "git_index_checksum")]
    internal static partial byte* IndexChecksum(IntPtr index);

    /// <summary>git_index_path: the index file's path, or null for an in-memory index.</summary>
    [LibraryImport(LibraryName, EntryPoint = "git_index_path")]
    internal static partial byte* IndexPath(IntPtr index);

    [LibraryImport(LibraryName, EntryPoint = "git_index_has_conflicts")]
    internal static partial int IndexHasConflicts(IntPtr index);
}
