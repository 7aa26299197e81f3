using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// <c>hotfix finish --branch NAME</c> retried after it completed: the hotfix is in main and develop, only its
/// remote-tracking branch is left. The retry succeeds saying so; it never advises recreating the branch.
/// </summary>
public class FinishRetryTests
{
    [Fact]
    public void A_retry_after_the_finish_completed_says_it_is_finished_and_exits_0()
    {
        var (repo, _) = FinishFixture.Create();
        using var _ = repo;
        repo.AddOrigin();
        repo.Git("push", "--quiet", "-u", "origin", FinishFixture.Branch);
        var first = HotfixCli.Run(repo, "finish");
        Assert.True(first.ExitCode == 0, first.ToString());
        var refs = repo.RefsAndHead();
        var mainMerge = repo.Git("rev-parse", "--short=7", "main");
        var developMerge = repo.Git("rev-parse", "--short=7", "develop");

        var retry = HotfixCli.Run(repo, "finish", "--branch", FinishFixture.Branch);

        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.Contains($"{FinishFixture.Branch} is already finished: main has it (merge {mainMerge}), develop has it (merge {developMerge})", retry.Out);
        Assert.DoesNotContain("git switch", retry.Out + retry.Error);
        Assert.Equal(refs, repo.RefsAndHead());
    }

    [Fact]
    public void A_branch_that_exists_only_on_the_remote_and_is_not_merged_is_still_refused()
    {
        var (repo, _) = FinishFixture.Create();
        using var _ = repo;
        repo.AddOrigin();
        repo.Git("push", "--quiet", "origin", FinishFixture.Branch);
        repo.Switch("develop");
        repo.Git("branch", "-D", FinishFixture.Branch);

        var refused = HotfixCli.Run(repo, "finish", "--branch", FinishFixture.Branch);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("exists only as origin/" + FinishFixture.Branch, refused.Error);
        Assert.DoesNotContain("already finished", refused.Out);
    }
}
