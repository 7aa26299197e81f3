using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>
/// Direct calls into the libgit2 library that LibGit2Sharp ships, for what LibGit2Sharp cannot do in a native AOT
/// build. Its diff printing (Patch, ContentChanges) marshals line callbacks that crash the AOT binary with a
/// NullReferenceException inside the callback, and every API that returns a git_buf (Repository.Discover,
/// Branch.TrackedBranch, RefSpec.Transform) comes back empty there. libgit2's own git_diff_patchid needs no managed
/// callback and computes exactly git's stable patch id, so patch ids go through these blittable imports instead.
/// </summary>
internal static unsafe partial class NativeGit
{
    /// <summary>
    /// The file name LibGit2Sharp.NativeBinaries gives libgit2 (it carries libgit2's commit). A test checks that the
    /// pinned LibGit2Sharp package still ships it; update it together with the LibGit2Sharp version.
    /// </summary>
    internal const string LibraryName = "libgit2-5853918";

    [LibraryImport(LibraryName, EntryPoint = "git_libgit2_init")]
    internal static partial int Init();

    [LibraryImport(LibraryName, EntryPoint = "git_repository_open", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int RepositoryOpen(out IntPtr repository, string path);

    [LibraryImport(LibraryName, EntryPoint = "git_repository_free")]
    internal static partial void RepositoryFree(IntPtr repository);

    [LibraryImport(LibraryName, EntryPoint = "git_tree_lookup")]
    internal static partial int TreeLookup(out IntPtr tree, IntPtr repository, byte* oid);

    [LibraryImport(LibraryName, EntryPoint = "git_tree_free")]
    internal static partial void TreeFree(IntPtr tree);

    [LibraryImport(LibraryName, EntryPoint = "git_diff_tree_to_tree")]
    internal static partial int DiffTreeToTree(out IntPtr diff, IntPtr repository, IntPtr oldTree, IntPtr newTree, IntPtr options);

    [LibraryImport(LibraryName, EntryPoint = "git_diff_num_deltas")]
    internal static partial nuint DiffDeltaCount(IntPtr diff);

    [LibraryImport(LibraryName, EntryPoint = "git_diff_free")]
    internal static partial void DiffFree(IntPtr diff);

    [LibraryImport(LibraryName, EntryPoint = "git_diff_patchid")]
    internal static partial int DiffPatchId(byte* oid, IntPtr diff, IntPtr options);

    [LibraryImport(LibraryName, EntryPoint = "git_error_last")]
    internal static partial IntPtr LastError();

    /// <summary>libgit2's last error message (git_error is { char *message; int klass; }).</summary>
    internal static string LastErrorMessage()
    {
        var error = LastError();
        return error == IntPtr.Zero ? "unknown libgit2 error" : Marshal.PtrToStringUTF8(*(IntPtr*)error) ?? "unknown libgit2 error";
    }
}
