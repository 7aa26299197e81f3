using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// Work trees a kill can leave mid-checkout (files of both trees, index and files out of step) are recognised as
/// finish's own and completed; anything else is someone's work and is never overwritten.
/// </summary>
public class InterruptedCheckoutTests
{
    [Fact]
    public void Develops_files_staged_on_the_hotfix_branch_are_completed_and_never_reach_main()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.AttachHead, out var start);
        var path = killed.Combine("killed");
        GitCli.Run(path, "read-tree", "-u", "--reset", "develop");
        Assert.Equal(FinishFixture.Branch, GitCli.Run(path, "symbolic-ref", "--short", "HEAD"));
        Assert.Contains("web/app/index.txt", GitCli.Run(path, "diff", "--cached", "--name-only"));

        var rerun = Converged.AfterOnePlainRerun(path, start, "develop's files staged on the hotfix branch");
        Assert.Contains("Completing the interrupted finish of " + FinishFixture.Branch, rerun.Out);
        Assert.NotEqual(0, GitCli.Try(path, "cat-file", "-e", "main:web/app/index.txt").ExitCode);
    }

    [Fact]
    public void A_checkout_killed_half_way_with_index_and_files_out_of_step_is_completed()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.CheckOut, out var start);
        var path = killed.Combine("killed");
        GitCli.Run(path, "checkout", "develop", "--", "src/loyalty.txt");
        Directory.CreateDirectory(Path.Combine(path, "web", "app"));
        File.WriteAllText(Path.Combine(path, "web", "app", "index.txt"), "web\n");
        File.Delete(Path.Combine(path, "README.md"));

        Converged.AfterOnePlainRerun(path, start, "half a checkout");
    }

    [Fact]
    public void An_edit_made_after_the_kill_is_kept_and_stashing_it_as_advised_lets_the_rerun_complete()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.CheckOut, out var start);
        var path = killed.Combine("killed");
        File.WriteAllText(Path.Combine(path, "src", "orders.txt"), "my edit\n");
        var before = GitCli.Run(path, "show-ref", "--head");

        var refused = HotfixCli.Run(path, "finish");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("changes that are not its own interrupted checkout (src/orders.txt); commit or stash them (git stash push)", refused.Error);
        Assert.Equal("my edit\n", File.ReadAllText(Path.Combine(path, "src", "orders.txt")));
        Assert.Equal(before, GitCli.Run(path, "show-ref", "--head"));

        GitCli.Run(path, "stash", "push", "--quiet");
        Converged.AfterOnePlainRerun(path, start, "after stashing an edit");
        Assert.Contains("my edit", GitCli.Run(path, "stash", "show", "-p"));
    }
}
