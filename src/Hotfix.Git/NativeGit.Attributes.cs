using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>libgit2's attribute lookup, which LibGit2Sharp does not expose.</summary>
internal static unsafe partial class NativeGit
{
    /// <summary>git_attr_value_t: what <see cref="AttributeGet"/> found.</summary>
    internal enum AttributeKind
    {
        Unspecified = 0,
        Set = 1,
        Unset = 2,
        Text = 3,
    }

    /// <summary>git_attr_get: the value points into libgit2's attribute cache (or at its true/false markers); not freed.</summary>
    [LibraryImport(LibraryName, EntryPoint = "git_attr_get", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int AttributeGet(out byte* value, IntPtr repository, uint flags, string path, string name);

    [LibraryImport(LibraryName, EntryPoint = "git_attr_value")]
    internal static partial AttributeKind AttributeValue(byte* value);
}
