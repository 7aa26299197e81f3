using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

public class BranchCatalogTests
{
    [Fact]
    public void Lists_local_and_remote_tracking_branches_like_git_branch_a()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        repo.Git("branch", "hotfix/INC-2026-0042-fix");
        using var git = GitRepository.Open(repo.Path);
        var expected = repo.Git("for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes").Split('\n').Where(r => !r.EndsWith("/HEAD"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), git.ListBranches().Select(b => b.CanonicalName));
        Assert.Contains(git.ListBranches(), b => b is { Name: "origin/develop", IsRemote: true });
    }

    [Fact]
    public void Upstream_is_the_configured_remote_branch_as_git_resolves_it()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var origin = repo.AddOrigin();
        using var git = GitRepository.Open(repo.Path);
        var upstream = git.Upstream("main")!;
        Assert.Equal("origin", upstream.Remote);
        Assert.Equal(origin, upstream.RemoteUrl);
        Assert.Equal("refs/heads/main", upstream.MergeRef);
        Assert.Equal(repo.Git("rev-parse", "--abbrev-ref", "main@{upstream}"), upstream.TrackingBranch);
        repo.Git("branch", "local-only");
        Assert.Null(git.Upstream("local-only"));
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--abbrev-ref", "local-only@{upstream}").ExitCode);
    }

    [Fact]
    public void A_linked_worktree_reads_the_shared_configuration_and_fetches_through_it()
    {
        // LibGit2Sharp opened on a linked working tree read its own git directory's configuration: no upstream, no
        // remote, so start in a worktree skipped the fetch of main.
        using var repo = HotfixRepositories.MainAndDevelop();
        var origin = repo.AddOrigin();
        var worktree = Path.Combine(Path.GetDirectoryName(repo.Path)!, "linked");
        repo.Git("worktree", "add", "--quiet", worktree, "develop");
        var colleague = repo.CloneOrigin();
        GitCli.Run(colleague, "config", "user.email", "colleague@example.com");
        GitCli.Run(colleague, "config", "user.name", "Colleague");
        var moved = HotfixRepositories.CommitIn(colleague, "another hotfix", "b.txt", "b");
        GitCli.Run(colleague, "push", "--quiet", "origin", "main");

        using var git = GitRepository.Open(worktree);
        Assert.True(git.HasRemote("origin"));
        var upstream = git.Upstream("main")!;
        Assert.Equal(origin, upstream.RemoteUrl);
        Assert.Equal(GitCli.Run(worktree, "rev-parse", "--abbrev-ref", "main@{upstream}"), upstream.TrackingBranch);
        Assert.Equal(FetchOutcome.Success, git.Fetch("origin"));
        Assert.Equal(moved, GitCli.Run(worktree, "rev-parse", "origin/main"));
        Assert.Equal("develop", GitCli.Run(worktree, "symbolic-ref", "--short", "HEAD"));
    }

    [Fact]
    public void A_branch_tracking_another_local_branch_has_it_as_upstream()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("branch", "--quiet", "--track", "follower", "main");
        using var git = GitRepository.Open(repo.Path);
        var upstream = git.Upstream("follower")!;
        Assert.Equal(".", upstream.Remote);
        Assert.Equal(repo.Git("rev-parse", "--abbrev-ref", "follower@{upstream}"), upstream.TrackingBranch);
    }
}
