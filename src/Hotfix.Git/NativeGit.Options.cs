using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>libgit2's process-wide settings that LibGit2Sharp does not expose.</summary>
internal static unsafe partial class NativeGit
{
    /// <summary>GIT_OPT_SET_CACHE_OBJECT_LIMIT: the largest object of one type libgit2 keeps in its object cache.</summary>
    internal const int SetCacheObjectLimit = 6;

    /// <summary>GIT_OBJECT_TREE.</summary>
    internal const int TreeType = 2;

    /// <summary>
    /// git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size). The function is variadic; on x86-64 and on Linux's
    /// and Windows' arm64 an int and a size_t travel where a fixed signature puts them (LibGit2Sharp relies on the same).
    /// </summary>
    [LibraryImport(LibraryName, EntryPoint = "git_libgit2_opts")]
    internal static partial int SetObjectLimit(int option, int type, nuint size);
}
