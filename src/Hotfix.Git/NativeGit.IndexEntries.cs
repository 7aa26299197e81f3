using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>
/// Index entries' extended flags, which LibGit2Sharp's IndexEntry leaves out: git's skip-worktree bit (sparse
/// checkout) is one of them.
/// </summary>
internal static unsafe partial class NativeGit
{
    /// <summary>GIT_INDEX_ENTRY_SKIP_WORKTREE in git_index_entry.flags_extended.</summary>
    internal const ushort SkipWorktreeFlag = 1 << 14;

    /// <summary>GIT_INDEX_ENTRY_EXTENDED in git_index_entry.flags: the entry carries extended flags.</summary>
    internal const ushort ExtendedFlag = 0x4000;

    [LibraryImport(LibraryName, EntryPoint = "git_index_get_bypath", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IndexEntryStruct* IndexGetByPath(IntPtr index, string path, int stage);

    [LibraryImport(LibraryName, EntryPoint = "git_index_add")]
    internal static partial int IndexAdd(IntPtr index, IndexEntryStruct* entry);

    /// <summary>libgit2's git_index_entry (SHA-1 build): times, stat data, id, flags, path.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IndexEntryStruct
    {
        public int CtimeSeconds;
        public uint CtimeNanoseconds;
        public int MtimeSeconds;
        public uint MtimeNanoseconds;
        public uint Dev;
        public uint Ino;
        public uint Mode;
        public uint Uid;
        public uint Gid;
        public uint FileSize;
        public fixed byte Id[20];
        public ushort Flags;
        public ushort FlagsExtended;
        public byte* Path;
    }
}
