using System.Security.Cryptography;
using System.Text;

namespace Hotfix.Git.Tests;

/// <summary>
/// ManagedSha1 against the platform's SHA-1 (OpenSSL): every message length around the block and padding boundaries,
/// the same message appended in pieces of every size, reuse after Finish, and the ids git itself prints.
/// </summary>
public class ManagedSha1Tests
{
#pragma warning disable CA5350 // the reference implementation the managed one must agree with
    private static byte[] Reference(byte[] data) => SHA1.HashData(data);
#pragma warning restore CA5350

    private static byte[] Message(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    [Fact]
    public void Every_length_from_0_to_300_bytes_hashes_as_the_platform_does()
    {
        for (var length = 0; length <= 300; length++)
        {
            var data = Message(length, length);
            Assert.Equal(Convert.ToHexString(Reference(data)), Convert.ToHexString(ManagedSha1.HashData(data)));
        }
    }

    [Fact]
    public void A_large_message_appended_in_pieces_of_every_size_hashes_as_one_piece()
    {
        var data = Message(100_003, 42);
        var expected = Convert.ToHexString(Reference(data));
        foreach (var piece in new[] { 1, 3, 55, 56, 63, 64, 65, 127, 1000, 4096 })
        {
            var sha = new ManagedSha1();
            for (var offset = 0; offset < data.Length; offset += piece)
            {
                sha.Append(data.AsSpan(offset, Math.Min(piece, data.Length - offset)));
            }

            var digest = new byte[20];
            sha.Finish(digest);
            Assert.Equal(expected, Convert.ToHexString(digest));
        }
    }

    [Fact]
    public void After_Finish_the_instance_hashes_a_new_message_from_the_start()
    {
        var sha = new ManagedSha1();
        var digest = new byte[20];
        sha.Append("first message, longer than one block of sixty-four bytes so the state has moved on");
        sha.Finish(digest);

        sha.Append("abc");
        sha.Finish(digest);

        Assert.Equal("A9993E364706816ABA3E25717850C26C9CD0D89D", Convert.ToHexString(digest));
    }

    [Fact]
    public void A_blob_id_is_the_one_git_hash_object_prints()
    {
        // git hash-object of "hello\n" (any git): ce013625030ba8dba906f756967f9e9ca394464a
        var content = "hello\n"u8.ToArray();
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");

        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", Convert.ToHexStringLower(ManagedSha1.HashData([.. header, .. content])));
    }
}
