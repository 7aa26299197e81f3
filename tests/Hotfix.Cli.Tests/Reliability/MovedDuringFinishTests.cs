using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// Someone moves main or develop between a kill and the rerun. develop (main already merged): the back-merge is made
/// onto develop as it now is, or its conflict is reported with advice that, followed literally, lets the next plain
/// rerun finish. main (nothing merged yet): nothing is changed, and a rerun plans afresh.
/// </summary>
public class MovedDuringFinishTests
{
    [Fact]
    public void Develop_moved_after_the_kill_gets_the_back_merge_onto_its_new_tip()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.MoveDevelop, out var start);
        var path = killed.Combine("killed");
        var colleague = PushFromClone(killed, "develop", "docs/notes.txt", "release notes\n");

        Converged.AfterOnePlainRerun(path, start with { Develop = colleague }, "develop moved after the kill");
    }

    [Fact]
    public void A_conflict_with_the_moved_develop_is_reported_and_the_advice_followed_literally_finishes()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.MoveDevelop, out var start);
        var path = killed.Combine("killed");
        var colleague = PushFromClone(killed, "develop", "src/orders.txt", HotfixRepositories.OrdersWith("round", "round-bankers"));

        var stopped = HotfixCli.Run(path, "finish");
        Assert.True(stopped.ExitCode == 3, stopped.ToString());
        Assert.Contains("develop moved while hotfix finish was running and merging", stopped.Error);
        Assert.Contains("State: main has the hotfix; develop does not have it yet", stopped.Error);
        var advice = stopped.Error[(stopped.Error.IndexOf("Resolve the back-merge by hand: ", StringComparison.Ordinal) + "Resolve the back-merge by hand: ".Length)..].Split('\n')[0].Split("; ");
        Assert.Equal(["fix the files", "git commit", $"git switch {FinishFixture.Branch}"], advice[1..]);

        Assert.NotEqual(0, AdviceShell.Run(path, advice[0]).ExitCode);
        File.WriteAllText(Path.Combine(path, "src", "orders.txt"), FinishFixture.FixedOrders);
        GitCli.Run(path, "add", "src/orders.txt");
        foreach (var step in advice[2..])
        {
            var run = AdviceShell.Run(path, step);
            Assert.True(run.ExitCode == 0, $"{step}\n{run}");
        }

        Converged.AfterOnePlainRerun(path, start with { Develop = colleague }, "after the hand-made back-merge");
    }

    [Fact]
    public void A_moved_develop_that_needs_a_merge_driver_is_reported_as_such_and_the_advice_followed_literally_finishes()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.MoveDevelop, out var start);
        var path = killed.Combine("killed");
        // A "take theirs" driver: git's back-merge then has the fix, which the convergence check asks for.
        File.AppendAllText(Path.Combine(path, ".git", "info", "attributes"), "src/orders.txt merge=theirs\n");
        GitCli.Run(path, "config", "merge.theirs.driver", "cp %B %A");
        var colleague = PushFromClone(killed, "develop", "src/orders.txt", HotfixRepositories.OrdersWith("receipt", "receipt-v2"));

        var stopped = HotfixCli.Run(path, "finish");
        Assert.True(stopped.ExitCode == 3, stopped.ToString());
        Assert.Contains("now needs merge drivers from .gitattributes, which hotfix finish does not run (src/orders.txt (merge=theirs: merge.theirs.driver = cp %B %A))", stopped.Error);
        Assert.Contains("State: main has the hotfix; develop does not have it yet", stopped.Error);
        const string Intro = "Make the back-merge by hand, and git runs them: ";
        var advice = stopped.Error[(stopped.Error.IndexOf(Intro, StringComparison.Ordinal) + Intro.Length)..].Split('\n')[0].Split("; ");
        Assert.Equal([$"git checkout develop && git merge --no-ff {FinishFixture.Branch}", $"git switch {FinishFixture.Branch}"], advice);
        foreach (var step in advice)
        {
            var run = AdviceShell.Run(path, step);
            Assert.True(run.ExitCode == 0, $"{step}\n{run}");
        }

        Converged.AfterOnePlainRerun(path, start with { Develop = colleague }, "after the back-merge git made with the driver");
    }

    [Fact]
    public void Main_moved_before_the_killed_finish_merged_it_changes_nothing_and_the_next_rerun_finishes()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.MoveMain, out var start);
        var path = killed.Combine("killed");
        var colleague = PushFromClone(killed, "main", "deploy.txt", "v1.0.1\n");
        var refs = GitCli.Run(path, "show-ref", "--head");

        var stopped = HotfixCli.Run(path, "finish");
        Assert.True(stopped.ExitCode == 3, stopped.ToString());
        Assert.Contains("main moved while hotfix finish was running", stopped.Error);
        Assert.Contains("State: nothing was changed; run hotfix finish again", stopped.Error);
        Assert.Equal(refs, GitCli.Run(path, "show-ref", "--head"));
        Assert.Equal(FinishFixture.Branch, GitCli.Run(path, "symbolic-ref", "--short", "HEAD"));

        Converged.AfterOnePlainRerun(path, start with { Main = colleague }, "after main moved");
    }

    /// <summary>A colleague's commit on <paramref name="branch"/>, pushed into the killed repository from a clone.</summary>
    private static string PushFromClone(TempDirectory killed, string branch, string file, string content)
    {
        var clone = killed.Combine("colleague");
        GitCli.Run(killed.Path, "clone", "--quiet", "--branch", branch, killed.Combine("killed"), clone);
        var commit = HotfixRepositories.CommitIn(clone, "A colleague's change", file, content);
        GitCli.Run(clone, "push", "--quiet", "origin", branch);
        return commit;
    }
}
