using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>libgit2's attribute lookup, which LibGit2Sharp does not expose.</summary>
internal static unsafe partial class NativeGit
{
    /// <summary>GIT_ATTR_CHECK_INDEX_ONLY: no working-tree file is read.</summary>
    internal const uint AttributeIndexOnly = 2;

    /// <summary>GIT_ATTR_CHECK_INCLUDE_COMMIT: the .gitattributes files of <see cref="AttributeOptions.AttributeCommitId"/>'s tree too.</summary>
    internal const uint AttributeIncludeCommit = 1u << 4;

    /// <summary>git_attr_value_t: what <see cref="AttributeGet"/> found.</summary>
    internal enum AttributeKind
    {
        Unspecified = 0,
        Set = 1,
        Unset = 2,
        Text = 3,
    }

    /// <summary>git_attr_options (GIT_ATTR_OPTIONS_VERSION 1).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct AttributeOptions
    {
        public uint Version;
        public uint Flags;
        public IntPtr DeprecatedCommitId;
        public fixed byte AttributeCommitId[20];
    }

    /// <summary>git_attr_get: the value points into libgit2's attribute cache (or at its true/false markers); not freed.</summary>
    [LibraryImport(LibraryName, EntryPoint = "git_attr_get", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int AttributeGet(out byte* value, IntPtr repository, uint flags, string path, string name);

    [LibraryImport(LibraryName, EntryPoint = "git_attr_get_ext", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int AttributeGetExtended(out byte* value, IntPtr repository, AttributeOptions* options, string path, string name);

    [LibraryImport(LibraryName, EntryPoint = "git_attr_value")]
    internal static partial AttributeKind AttributeValue(byte* value);

    /// <summary>git_index_new: an index in memory only, with no entries.</summary>
    [LibraryImport(LibraryName, EntryPoint = "git_index_new")]
    internal static partial int IndexNew(out IntPtr index);

    [LibraryImport(LibraryName, EntryPoint = "git_repository_set_index")]
    internal static partial int RepositorySetIndex(IntPtr repository, IntPtr index);
}
