using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// What the other commands, and the rerun's own advice, say after a finish was killed: the interrupted finish first
/// (never "stash your changes" or "git switch" back to the branch being merged), and push commands that work when
/// pasted — the same the uninterrupted run prints.
/// </summary>
public class AfterInterruptedFinishTests
{
    [Fact]
    public void Start_says_to_complete_the_interrupted_finish_instead_of_stashing_its_checkout()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.CheckOut, out _);
        var path = killed.Combine("killed");
        var before = GitCli.Run(path, "show-ref", "--head");

        var refused = HotfixCli.Run(path, "start", "INC-2026-0043", "next-fix", "--no-fetch");

        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains($"a hotfix finish of {FinishFixture.Branch} was interrupted", refused.Error);
        Assert.Contains("complete it first with hotfix finish (no options)", refused.Error);
        Assert.DoesNotContain("git stash", refused.Error);
        Assert.Equal(before, GitCli.Run(path, "show-ref", "--head"));
    }

    [Fact]
    public void Check_says_to_complete_the_interrupted_finish_instead_of_switching_back_to_its_branch()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.CheckOut, out _);
        var path = killed.Combine("killed");
        Assert.Equal("develop", GitCli.Run(path, "symbolic-ref", "--short", "HEAD"));

        var refused = HotfixCli.Run(path, "check");

        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.StartsWith($"hotfix: error: a hotfix finish of {FinishFixture.Branch} was interrupted", refused.Error);
        Assert.Contains("complete it with hotfix finish (no options)", refused.Error);
        Assert.DoesNotContain("git switch", refused.Error);
    }

    [Fact]
    public void Check_on_develop_without_a_journal_still_says_it_is_not_a_hotfix_branch()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");

        var refused = HotfixCli.Run(repo, "check");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("you are on 'develop', not on a hotfix branch", refused.Error);
        Assert.DoesNotContain("interrupted", refused.Error);
    }

    /// <param name="step">The real process's write to die before (HOTFIX_FAULT_KILL_AT_STEP): main's move; HEAD's.</param>
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void The_reruns_push_advice_is_the_uninterrupted_runs(int step)
    {
        var (repo, _) = FinishFixture.Create();
        using var _ = repo;
        repo.AddOrigin();
        repo.Git("push", "--quiet", "-u", "origin", FinishFixture.Branch);
        using var runs = new TempDirectory("hotfix-push-advice");
        var whole = runs.Combine("whole");
        var interrupted = runs.Combine("interrupted");
        RepositoryCopy.Copy(repo.Path, whole);
        RepositoryCopy.Copy(repo.Path, interrupted);

        var expected = HotfixCli.Run(whole, "finish");
        Assert.True(expected.ExitCode == 0, expected.ToString());
        var killed = HotfixProcess.Run(interrupted, HotfixProcess.JitExecutable, step, "finish");
        Assert.Contains("killing this process before write", killed.StandardError);
        var rerun = HotfixCli.Run(interrupted, "finish");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());

        Assert.Contains("git push origin --delete " + FinishFixture.Branch, expected.Out);
        Assert.Equal(Advice(expected.Out), Advice(rerun.Out));
        Assert.DoesNotContain("<remote>", rerun.Out);
    }

    private static string Advice(string output) => output[output.IndexOf("Next: push", StringComparison.Ordinal)..];
}
