using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>The blob id finish's checkout computes for a file (libgit2's git_odb_hash) against git hash-object.</summary>
public class BlobIdTests
{
    [Fact]
    public void Blob_ids_are_the_ones_git_hash_object_prints()
    {
        using var dir = new TempDirectory("hotfix-blob-id");
        // Opening a repository initialises libgit2, as it is in finish before any file is hashed.
        using var repository = GitRepository.Open(SourceTree.Root);
        var random = new byte[1_000_003];
        new Random(7).NextBytes(random);
        foreach (var (name, content) in new[] { ("empty", Array.Empty<byte>()), ("hello", "hello\n"u8.ToArray()), ("large", random) })
        {
            var file = dir.Combine(name);
            File.WriteAllBytes(file, content);
            Assert.Equal(GitCli.Run(dir.Path, ["hash-object", file]), GitRepository.BlobId(content));
        }
    }
}
