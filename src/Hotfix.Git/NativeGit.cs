using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>
/// Direct calls into the libgit2 library that LibGit2Sharp ships, for what LibGit2Sharp cannot do in a native AOT
/// build. Its diff printing (Patch, ContentChanges) marshals line callbacks that crash the AOT binary with a
/// NullReferenceException inside the callback, and every API that returns a git_buf (Repository.Discover,
/// Branch.TrackedBranch, RefSpec.Transform) comes back empty there. These imports are blittable (no managed callback,
/// our own git_buf), so they behave the same under the JIT and in the AOT binary.
/// </summary>
internal static unsafe partial class NativeGit
{
    /// <summary>
    /// The file name LibGit2Sharp.NativeBinaries gives libgit2 (it carries libgit2's commit). A test checks that the
    /// pinned LibGit2Sharp package still ships it; update it together with the LibGit2Sharp version.
    /// </summary>
    internal const string LibraryName = "libgit2-5853918";

    /// <summary>git_diff_delta's flag for a file libgit2 treats as binary (GIT_DIFF_FLAG_BINARY).</summary>
    internal const uint BinaryFlag = 1;

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

    [LibraryImport(LibraryName, EntryPoint = "git_tree_entrycount")]
    internal static partial nuint TreeEntryCount(IntPtr tree);

    [LibraryImport(LibraryName, EntryPoint = "git_tree_entry_byindex")]
    internal static partial IntPtr TreeEntryByIndex(IntPtr tree, nuint index);

    [LibraryImport(LibraryName, EntryPoint = "git_tree_entry_name")]
    internal static partial byte* TreeEntryName(IntPtr entry);

    [LibraryImport(LibraryName, EntryPoint = "git_tree_entry_id")]
    internal static partial byte* TreeEntryId(IntPtr entry);

    [LibraryImport(LibraryName, EntryPoint = "git_tree_entry_filemode")]
    internal static partial int TreeEntryFileMode(IntPtr entry);

    [LibraryImport(LibraryName, EntryPoint = "git_diff_options_init")]
    internal static partial int DiffOptionsInit(byte* options, uint version);

    [LibraryImport(LibraryName, EntryPoint = "git_diff_tree_to_tree")]
    internal static partial int DiffTreeToTree(out IntPtr diff, IntPtr repository, IntPtr oldTree, IntPtr newTree, IntPtr options);

    [LibraryImport(LibraryName, EntryPoint = "git_diff_num_deltas")]
    internal static partial nuint DiffDeltaCount(IntPtr diff);

    [LibraryImport(LibraryName, EntryPoint = "git_diff_free")]
    internal static partial void DiffFree(IntPtr diff);

    [LibraryImport(LibraryName, EntryPoint = "git_patch_from_diff")]
    internal static partial int PatchFromDiff(out IntPtr patch, IntPtr diff, nuint index);

    [LibraryImport(LibraryName, EntryPoint = "git_patch_get_delta")]
    internal static partial DiffDelta* PatchDelta(IntPtr patch);

    [LibraryImport(LibraryName, EntryPoint = "git_patch_to_buf")]
    internal static partial int PatchToBuffer(GitBuffer* buffer, IntPtr patch);

    [LibraryImport(LibraryName, EntryPoint = "git_patch_free")]
    internal static partial void PatchFree(IntPtr patch);

    [LibraryImport(LibraryName, EntryPoint = "git_buf_dispose")]
    internal static partial void BufferDispose(GitBuffer* buffer);

    [LibraryImport(LibraryName, EntryPoint = "git_diff_get_delta")]
    internal static partial DiffDelta* DiffGetDelta(IntPtr diff, nuint index);

    [LibraryImport(LibraryName, EntryPoint = "git_revwalk_new")]
    internal static partial int RevwalkNew(out IntPtr walk, IntPtr repository);

    [LibraryImport(LibraryName, EntryPoint = "git_revwalk_push")]
    internal static partial int RevwalkPush(IntPtr walk, byte* oid);

    [LibraryImport(LibraryName, EntryPoint = "git_revwalk_hide")]
    internal static partial int RevwalkHide(IntPtr walk, byte* oid);

    [LibraryImport(LibraryName, EntryPoint = "git_revwalk_next")]
    internal static partial int RevwalkNext(byte* oid, IntPtr walk);

    [LibraryImport(LibraryName, EntryPoint = "git_revwalk_free")]
    internal static partial void RevwalkFree(IntPtr walk);

    [LibraryImport(LibraryName, EntryPoint = "git_merge_bases")]
    internal static partial int MergeBases(OidArray* bases, IntPtr repository, byte* one, byte* two);

    [LibraryImport(LibraryName, EntryPoint = "git_oidarray_dispose")]
    internal static partial void OidArrayDispose(OidArray* array);

    [LibraryImport(LibraryName, EntryPoint = "git_odb_hash")]
    internal static partial int OdbHash(byte* oid, byte* data, nuint length, int type);

    /// <summary>GIT_OBJECT_BLOB.</summary>
    internal const int BlobType = 3;

    [LibraryImport(LibraryName, EntryPoint = "git_commit_lookup")]
    internal static partial int CommitLookup(out IntPtr commit, IntPtr repository, byte* oid);

    [LibraryImport(LibraryName, EntryPoint = "git_commit_tree_id")]
    internal static partial byte* CommitTreeId(IntPtr commit);

    [LibraryImport(LibraryName, EntryPoint = "git_commit_free")]
    internal static partial void CommitFree(IntPtr commit);

    [LibraryImport(LibraryName, EntryPoint = "git_tree_entry_bypath", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TreeEntryByPath(out IntPtr entry, IntPtr tree, string path);

    [LibraryImport(LibraryName, EntryPoint = "git_tree_entry_free")]
    internal static partial void TreeEntryFree(IntPtr entry);

    /// <summary>git_merge_bases's "no merge base" (GIT_ENOTFOUND).</summary>
    internal const int NotFound = -3;

    /// <summary>git_revwalk_next's "no more commits" (GIT_ITEROVER).</summary>
    internal const int IterationOver = -31;

    [LibraryImport(LibraryName, EntryPoint = "git_error_last")]
    internal static partial IntPtr LastError();

    /// <summary>libgit2's last error message (git_error is { char *message; int klass; }).</summary>
    internal static string LastErrorMessage()
    {
        var error = LastError();
        return error == IntPtr.Zero ? "unknown libgit2 error" : Marshal.PtrToStringUTF8(*(IntPtr*)error) ?? "unknown libgit2 error";
    }

    /// <summary>git_buf: { char *ptr; size_t reserved; size_t size; }.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GitBuffer
    {
        public byte* Pointer;
        public nuint Reserved;
        public nuint Size;
    }

    /// <summary>git_oidarray: { git_oid *ids; size_t count; }.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct OidArray
    {
        public byte* Ids;
        public nuint Count;
    }

    /// <summary>git_diff_file of a SHA-1 build (the one LibGit2Sharp ships): { git_oid id; char *path; size; flags; mode; id_abbrev; }.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct DiffFile
    {
        public fixed byte Id[20];
        public byte* Path;
        public ulong Size;
        public uint Flags;
        public ushort Mode;
        public ushort IdAbbrev;
    }

    /// <summary>git_diff_delta: { status; flags; similarity; nfiles; old_file; new_file; }.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct DiffDelta
    {
        public int Status;
        public uint Flags;
        public ushort Similarity;
        public ushort FileCount;
        public DiffFile OldFile;
        public DiffFile NewFile;
    }
}
