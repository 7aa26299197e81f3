using Hotfix.TestSupport;
using LibGit2Sharp;

namespace Hotfix.Git.Tests;

/// <summary>IBranchWriter: create, compare-and-swap move and delete, checked with git rev-parse and show-ref.</summary>
public class BranchWriterTests
{
    [Fact]
    public void Creates_a_branch_with_a_reflog_entry_and_refuses_an_existing_one()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        var main = repo.Git("rev-parse", "main");
        git.CreateBranch("hotfix/INC-2026-0042-fix", main, "hotfix start: test");
        Assert.Equal(main, repo.Git("rev-parse", "refs/heads/hotfix/INC-2026-0042-fix"));
        Assert.Contains("hotfix start: test", repo.Git("reflog", "show", "hotfix/INC-2026-0042-fix"));
        Assert.Throws<NameConflictException>(() => git.CreateBranch("develop", main, "x"));
        Assert.NotEqual(main, repo.Git("rev-parse", "develop"));
    }

    [Fact]
    public void Moves_only_from_the_expected_commit()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        var main = repo.Git("rev-parse", "main");
        var develop = repo.Git("rev-parse", "develop");
        Assert.False(git.MoveBranch("main", develop, develop, "wrong expectation"));
        Assert.Equal(main, repo.Git("rev-parse", "main"));
        Assert.True(git.MoveBranch("main", main, develop, "hotfix finish: test"));
        Assert.Equal(develop, repo.Git("rev-parse", "main"));
        Assert.Contains("hotfix finish: test", repo.Git("reflog", "show", "main"));
        Assert.False(git.MoveBranch("nope", main, develop, "missing"));
    }

    [Fact]
    public void Deletes_only_at_the_expected_commit_and_drops_the_branch_configuration()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        repo.Git("branch", "--quiet", "--track", "hotfix/INC-2026-0042-fix", "origin/main");
        using var git = GitRepository.Open(repo.Path);
        var main = repo.Git("rev-parse", "main");
        Assert.False(git.DeleteBranch("hotfix/INC-2026-0042-fix", repo.Git("rev-parse", "develop")));
        Assert.Equal(0, repo.TryGit("show-ref", "--verify", "--quiet", "refs/heads/hotfix/INC-2026-0042-fix").ExitCode);
        Assert.True(git.DeleteBranch("hotfix/INC-2026-0042-fix", main));
        Assert.NotEqual(0, repo.TryGit("show-ref", "--verify", "--quiet", "refs/heads/hotfix/INC-2026-0042-fix").ExitCode);
        Assert.NotEqual(0, repo.TryGit("config", "branch.hotfix/INC-2026-0042-fix.remote").ExitCode);
        Assert.False(git.DeleteBranch("hotfix/INC-2026-0042-fix", main));
    }

    [Fact]
    public void A_lock_held_by_someone_else_is_an_operation_error_naming_it_not_a_moved_branch()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        var main = repo.Git("rev-parse", "main");
        var develop = repo.Git("rev-parse", "develop");
        var lockFile = Path.Combine(repo.Path, ".git", "refs", "heads", "main.lock");
        File.WriteAllText(lockFile, string.Empty);
        var e = Assert.Throws<HotfixOperationException>(() => git.MoveBranch("main", main, develop, "x"));
        Assert.StartsWith(lockFile + " exists", e.Message);
        Assert.Equal(main, repo.Git("rev-parse", "main"));
        Assert.True(File.Exists(lockFile));
        // git sees the same lock.
        Assert.Contains("main.lock", repo.TryGit("update-ref", "refs/heads/main", develop).StandardError);
    }
}
