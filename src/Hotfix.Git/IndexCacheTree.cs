using System.Buffers.Binary;

namespace Hotfix.Git;

/// <summary>
/// The root of the index's cache-tree (the <c>TREE</c> extension git writes with every commit, checkout and reset): the
/// id of the tree the index's entries would write, when git still knows it. git answers "is anything staged?" from it
/// without walking HEAD's tree; libgit2 parses the extension but keeps it internal, and its status compares every entry
/// with HEAD's tree (≈ 80 M instructions on 20,000 files). Read only as a "no": a valid root equal to HEAD's tree means
/// the index holds HEAD's tree exactly. Anything this reader does not fully understand gives no answer, and the caller
/// asks libgit2 the whole question as before.
/// </summary>
internal static class IndexCacheTree
{
    private const int ObjectIdLength = 20;

    /// <summary>ctime, mtime (8 bytes each), dev, ino, mode, uid, gid, size (4 each), the object id, the flags.</summary>
    private const int FixedEntryLength = 62;

    private const ushort ExtendedFlag = 0x4000;
    private const ushort StageMask = 0x3000;
    private const ushort IntentToAddFlag = 0x2000;

    /// <summary>
    /// The root tree id of <paramref name="index"/> (the whole file), or null when the file has no valid root, holds an
    /// entry a tree cannot say anything about (a conflict stage, an intent-to-add entry), uses an extension that moves
    /// entries elsewhere (split or sparse index), or is not an index this reader knows (versions 2–4, SHA-1).
    /// </summary>
    public static byte[]? ValidRoot(ReadOnlySpan<byte> index)
    {
        if (index.Length < 12 + ObjectIdLength || !index[..4].SequenceEqual("DIRC"u8))
        {
            return null;
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(index[4..]);
        var count = BinaryPrimitives.ReadUInt32BigEndian(index[8..]);
        if (version is < 2 or > 4)
        {
            return null;
        }

        var end = index.Length - ObjectIdLength; // the checksum
        var position = 12;
        for (var i = 0u; i < count; i++)
        {
            if (!SkipEntry(index, end, version, ref position))
            {
                return null;
            }
        }

        byte[]? root = null;
        while (position + 8 <= end)
        {
            var signature = index.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32BigEndian(index[(position + 4)..]);
            position += 8;
            if (size > (uint)(end - position))
            {
                return null;
            }

            var data = index.Slice(position, (int)size);
            if (signature.SequenceEqual("link"u8) || signature.SequenceEqual("sdir"u8))
            {
                return null;
            }

            if (signature.SequenceEqual("TREE"u8))
            {
                root = RootOf(data);
            }

            position += (int)size;
        }

        return position == end ? root : null;
    }

    private static bool SkipEntry(ReadOnlySpan<byte> index, int end, uint version, ref int position)
    {
        var start = position;
        if (end - position < FixedEntryLength)
        {
            return false;
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(index[(position + FixedEntryLength - 2)..]);
        position += FixedEntryLength;
        if ((flags & StageMask) != 0)
        {
            return false;
        }

        if ((flags & ExtendedFlag) != 0)
        {
            if (version < 3 || end - position < 2)
            {
                return false;
            }

            var extended = BinaryPrimitives.ReadUInt16BigEndian(index[position..]);
            position += 2;
            if ((extended & IntentToAddFlag) != 0)
            {
                return false;
            }
        }

        if (version == 4)
        {
            // The path is written as a varint (how much of the previous path to drop) and the rest of the path.
            while (position < end && (index[position] & 0x80) != 0)
            {
                position++;
            }

            if (++position > end)
            {
                return false;
            }
        }

        var nul = index[position..end].IndexOf((byte)0);
        if (nul < 0)
        {
            return false;
        }

        position += nul + 1;
        if (version < 4)
        {
            // 1–8 NUL bytes pad the entry to a multiple of eight; the path's own NUL is the first of them.
            var length = position - start;
            position = start + ((length + 7) & ~7);
        }

        return position <= end;
    }

    /// <summary>The first entry of the extension is the root: "" NUL, "count subtrees" LF, and the id when count ≥ 0.</summary>
    private static byte[]? RootOf(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || data[0] != 0)
        {
            return null;
        }

        var line = data[1..];
        var newline = line.IndexOf((byte)'\n');
        if (newline <= 0 || line[0] == (byte)'-')
        {
            return null; // "-1": invalidated since the tree was last written
        }

        var id = line[(newline + 1)..];
        return id.Length >= ObjectIdLength ? id[..ObjectIdLength].ToArray() : null;
    }
}
