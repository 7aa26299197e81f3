using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// EntryId (the cherry-pick scan asks it twice per develop commit) read natively against <c>git rev-parse
/// COMMIT:PATH</c>: files, nested files, folders, paths the commit does not have, and revisions that are not a sha.
/// </summary>
public class EntryIdTests
{
    [Fact]
    public void Entry_ids_are_the_ones_git_rev_parse_prints()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var first = repo.Commit("Add nested", ("src/deep/inner/file.txt", "one\n"), ("top.txt", "top\n"));
        var second = repo.Commit("Change nested, remove top", ("src/deep/inner/file.txt", "two\n"), ("top.txt", null));
        using var git = GitRepository.Open(repo.Path);
        using var native = new NativeRepository(Path.Combine(repo.Path, ".git"));

        foreach (var commit in new[] { first, second })
        {
            foreach (var path in new[] { "src/deep/inner/file.txt", "src/deep", "src" })
            {
                Assert.Equal(repo.Git("rev-parse", $"{commit}:{path}"), git.EntryId(commit, path));
                Assert.True(native.TryEntryId(commit, path, out var id), "answered natively");
                Assert.Equal(repo.Git("rev-parse", $"{commit}:{path}"), id);
            }
        }

        Assert.True(native.TryEntryId(second, "top.txt", out var gone));
        Assert.Null(gone);

        Assert.Equal(repo.Git("rev-parse", $"{first}:top.txt"), git.EntryId(first, "top.txt"));
        Assert.Null(git.EntryId(second, "top.txt"));
        Assert.Null(git.EntryId(second, "src/deep/missing.txt"));
        Assert.Null(git.EntryId(second, "top.txt/below"));
    }

    [Fact]
    public void A_revision_that_is_not_a_sha_is_still_resolved()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Commit("Add file", ("a.txt", "a\n"));
        using var git = GitRepository.Open(repo.Path);

        Assert.Equal(repo.Git("rev-parse", "HEAD:a.txt"), git.EntryId("HEAD", "a.txt"));
        Assert.Throws<ArgumentException>(() => git.EntryId(new string('0', 40), "a.txt"));
    }
}
