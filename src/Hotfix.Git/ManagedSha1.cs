using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Hotfix.Git;

/// <summary>
/// SHA-1 (FIPS 180-4) in managed code, for patch ids (libgit2 exports no plain SHA-1; object ids of files come from its
/// git_odb_hash). .NET's own SHA-1 goes through OpenSSL, and the first use in a process loads and initialises
/// libcrypto — in <c>hotfix finish</c> that was 6 M instructions plus the kernel's mapping of the library, more than
/// hashing a hotfix's diff (bounded by the scope budget) costs here. It protects nothing: a patch id only names a change.
/// </summary>
internal sealed class ManagedSha1
{
    private readonly uint[] state = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    private readonly byte[] block = new byte[64];
    private readonly uint[] schedule = new uint[80];
    private int filled;
    private long length;

    /// <summary>The digest of <paramref name="data"/> in one call.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        var sha = new ManagedSha1();
        sha.Append(data);
        var digest = new byte[20];
        sha.Finish(digest);
        return digest;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        length += data.Length;
        if (filled > 0)
        {
            var take = Math.Min(64 - filled, data.Length);
            data[..take].CopyTo(block.AsSpan(filled));
            filled += take;
            data = data[take..];
            if (filled < 64)
            {
                return;
            }

            Compress(block);
            filled = 0;
        }

        while (data.Length >= 64)
        {
            Compress(data[..64]);
            data = data[64..];
        }

        data.CopyTo(block);
        filled = data.Length;
    }

    public void Append(string ascii) => Append(Encoding.ASCII.GetBytes(ascii));

    /// <summary>Writes the 20-byte digest and makes the instance ready for a new message.</summary>
    public void Finish(Span<byte> digest)
    {
        var bits = length * 8;
        Span<byte> padding = stackalloc byte[72];
        padding.Clear();
        padding[0] = 0x80;
        var padLength = (filled < 56 ? 56 : 120) - filled;
        BinaryPrimitives.WriteInt64BigEndian(padding[padLength..], bits);
        Append(padding[..(padLength + 8)]);
        for (var i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], state[i]);
        }

        Reset();
    }

    private void Reset()
    {
        state[0] = 0x67452301;
        state[1] = 0xEFCDAB89;
        state[2] = 0x98BADCFE;
        state[3] = 0x10325476;
        state[4] = 0xC3D2E1F0;
        filled = 0;
        length = 0;
    }

    private void Compress(ReadOnlySpan<byte> chunk)
    {
        var w = schedule;
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(chunk[(i * 4)..]);
        }

        for (var i = 16; i < 80; i++)
        {
            w[i] = BitOperations.RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        for (var i = 0; i < 80; i++)
        {
            uint f, k;
            if (i < 20)
            {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            }
            else if (i < 40)
            {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            }
            else if (i < 60)
            {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            }
            else
            {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }

            var temp = BitOperations.RotateLeft(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = BitOperations.RotateLeft(b, 30);
            b = a;
            a = temp;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }
}
