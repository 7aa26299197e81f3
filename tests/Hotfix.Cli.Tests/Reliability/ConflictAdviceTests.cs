using System.Text.RegularExpressions;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>The advice finish prints for a develop conflict, followed word for word, ends in a state a plain rerun completes.</summary>
public partial class ConflictAdviceTests
{
    [Fact]
    public void Following_the_develop_conflict_advice_literally_lets_a_plain_rerun_finish()
    {
        var (repo, start) = FinishFixture.Create();
        using var _ = repo;
        repo.Switch("develop");
        var develop = repo.Commit("Develop changed the same line", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-bankers")));
        repo.Switch(FinishFixture.Branch);

        var refused = HotfixCli.Run(repo, "finish");
        Assert.Equal(3, refused.ExitCode);
        var advice = Advice().Match(refused.Error);
        Assert.True(advice.Success, refused.Error);
        var steps = advice.Groups[1].Value.Split("; ");
        Assert.Equal(["fix the files", "git commit"], steps[1..3]);

        Shell(repo, steps[0], mayFail: true);
        repo.WriteFile("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even"));
        repo.Git("add", "src/orders.txt");
        foreach (var step in steps[2..])
        {
            Shell(repo, step, mayFail: false);
        }

        var resolved = repo.Git("rev-parse", "develop");
        var rerun = HotfixCli.Run(repo, "finish");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(resolved, repo.Git("rev-parse", "develop"));
        Assert.Equal($"{resolved} {develop} {start.Hotfix}", repo.Git("rev-list", "--parents", "-n", "1", "develop"));
        Assert.Equal($"{repo.Git("rev-parse", "main")} {start.Main} {start.Hotfix}", repo.Git("rev-list", "--parents", "-n", "1", "main"));
        Assert.Equal("develop", repo.CurrentBranch);
        Assert.Equal(string.Empty, repo.Status());
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "--quiet", "refs/heads/" + FinishFixture.Branch).ExitCode);
    }

    private static void Shell(TestRepository repo, string command, bool mayFail)
    {
        var result = AdviceShell.Run(repo.Path, command);
        Assert.True(mayFail || result.ExitCode == 0, $"{command}\n{result}");
    }

    [GeneratedRegex(@"  develop: resolve the back-merge by hand \((.+)\), then rerun hotfix finish")]
    private static partial Regex Advice();
}
