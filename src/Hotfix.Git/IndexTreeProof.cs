using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>
/// "Does the index hold exactly this tree?" answered the way git answers "is anything staged?": from the index's
/// cache-tree (<see cref="IndexCacheTree"/>). When its valid root is the tree, how the index differs from that tree is
/// known without walking it, and a status needs only its index-to-working-tree half. The proof is the checksum of the
/// index file it was read from, the one libgit2 loaded: if the status finds another index on disk (another process
/// wrote it in between), the proof is void and the whole status runs.
/// </summary>
internal static unsafe class IndexTreeProof
{
    /// <summary>The loaded index's checksum when its cache-tree proves it holds <paramref name="tree"/>; null when it proves nothing.</summary>
    public static byte[]? Of(LibGit2Sharp.Repository repository, LibGit2Sharp.ObjectId? tree)
    {
        if (tree is null || LibGit2SharpHandles.RepositoryPointer(repository) is not { } handle)
        {
            return null;
        }

        return WithIndex(handle, index =>
        {
            if (NativeGit.IndexRead(index, 0) != 0 || NativeGit.IndexHasConflicts(index) != 0 || Checksum(index) is not { } checksum)
            {
                return null;
            }

            var path = Marshal.PtrToStringUTF8((IntPtr)NativeGit.IndexPath(index));
            if (path is null || ReadOrNull(path) is not { } file)
            {
                return null;
            }

            var root = file.Length > checksum.Length && file.AsSpan()[^checksum.Length..].SequenceEqual(checksum) ? IndexCacheTree.ValidRoot(file) : null;
            return root is not null && root.AsSpan().SequenceEqual(tree.RawId) ? checksum : null;
        });
    }

    /// <summary>Whether the index libgit2 holds now is still the one <paramref name="proof"/> was read from.</summary>
    public static bool StillHolds(LibGit2Sharp.Repository repository, byte[] proof) =>
        LibGit2SharpHandles.RepositoryPointer(repository) is { } handle &&
        WithIndex(handle, index => Checksum(index) is { } now && now.AsSpan().SequenceEqual(proof) ? proof : null) is not null;

    /// <summary>The index file, or null where it cannot be read now (removed, replaced, unreadable): then no proof, and the whole status says what is wrong.</summary>
    internal static byte[]? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The checksum libgit2 loaded; null for none (an in-memory index, or a file written with index.skipHash).</summary>
    private static byte[]? Checksum(IntPtr index)
    {
        var pointer = NativeGit.IndexChecksum(index);
        if (pointer == null)
        {
            return null;
        }

        var checksum = new ReadOnlySpan<byte>(pointer, 20).ToArray();
        return checksum.AsSpan().IndexOfAnyExcept((byte)0) < 0 ? null : checksum;
    }

    private static byte[]? WithIndex(IntPtr repository, Func<IntPtr, byte[]?> use)
    {
        if (NativeGit.RepositoryIndex(out var index, repository) != 0)
        {
            return null;
        }

        try
        {
            return use(index);
        }
        finally
        {
            NativeGit.IndexFree(index);
        }
    }
}
