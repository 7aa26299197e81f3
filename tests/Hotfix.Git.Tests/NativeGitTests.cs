namespace Hotfix.Git.Tests;

public class NativeGitTests
{
    [Fact]
    public void The_libgit2_library_named_in_NativeGit_is_the_one_LibGit2Sharp_ships()
    {
        // NativeGit imports libgit2 by file name; a LibGit2Sharp upgrade renames the file and must update the constant.
        var shipped = Directory.GetFiles(AppContext.BaseDirectory, "libgit2-*", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension);
        Assert.Contains(NativeGit.LibraryName, shipped);
    }

    [Theory]
    [InlineData("refs/heads/*", "refs/remotes/origin/*", "refs/heads/main", "refs/remotes/origin/main")]
    [InlineData("refs/heads/*", "refs/remotes/origin/*", "refs/heads/hotfix/INC-2026-0042-x", "refs/remotes/origin/hotfix/INC-2026-0042-x")]
    [InlineData("refs/heads/main", "refs/remotes/origin/main", "refs/heads/main", "refs/remotes/origin/main")]
    [InlineData("refs/heads/main", "refs/remotes/origin/main", "refs/heads/develop", null)]
    [InlineData("refs/heads/release/*", "refs/remotes/up/release-*", "refs/heads/release/1.4", "refs/remotes/up/release-1.4")]
    [InlineData("refs/heads/release/*", "refs/remotes/up/*", "refs/heads/main", null)]
    public void Refspecs_map_like_git(string source, string destination, string reference, string? expected) =>
        Assert.Equal(expected, GitRepository.TransformRefSpec(source, destination, reference));
}
