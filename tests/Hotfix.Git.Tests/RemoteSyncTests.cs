using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>IRemoteSync with a local bare remote, checked with git rev-parse of the remote-tracking branches.</summary>
public class RemoteSyncTests
{
    [Fact]
    public void Fetch_updates_remote_tracking_branches_like_git_fetch()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var origin = repo.AddOrigin();
        var colleague = repo.CloneOrigin();
        var moved = HotfixRepositories.CommitIn(colleague, "Colleague's change", "x.txt", "x\n");
        GitCli.Run(colleague, "push", "--quiet", "origin", "main");
        GitCli.Run(colleague, "push", "--quiet", "origin", "main:hotfix/INC-2026-0050-other");

        using var git = GitRepository.Open(repo.Path);
        var outcome = git.Fetch("origin");
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(moved, repo.Git("rev-parse", "refs/remotes/origin/main"));
        Assert.Equal(GitCli.Run(origin, "rev-parse", "main"), repo.Git("rev-parse", "origin/hotfix/INC-2026-0050-other"));
        Assert.NotEqual(moved, repo.Git("rev-parse", "main"));
    }

    [Fact]
    public void An_unreachable_remote_is_a_failed_outcome_not_an_exception()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        Directory.Delete(repo.OriginPath(), recursive: true);
        using var git = GitRepository.Open(repo.Path);
        var outcome = git.Fetch("origin");
        Assert.False(outcome.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
        Assert.NotEqual(0, repo.TryGit("fetch", "origin").ExitCode);

        var missing = git.Fetch("upstream");
        Assert.False(missing.Succeeded);
        Assert.Contains("no remote named 'upstream'", missing.Error);
    }
}
