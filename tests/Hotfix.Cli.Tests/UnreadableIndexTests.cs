using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// git can write indexes libgit2 cannot read (split and sparse indexes). That is the repository's setting, not a bug in
/// hotfix: exit 3 with the setting named and the command that turns it off — which must work.
/// </summary>
public class UnreadableIndexTests
{
    [Theory]
    [InlineData("split", "git's split index", "git update-index --no-split-index")]
    [InlineData("sparse", "git's sparse index", "git sparse-checkout set --no-sparse-index")]
    public void Start_names_the_setting_and_the_command_that_turns_it_off(string kind, string named, string remedy)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        if (kind == "split")
        {
            repo.Git("update-index", "--split-index");
        }
        else
        {
            repo.Git("sparse-checkout", "set", "--sparse-index", "src");
        }

        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains($"cannot read the repository's index (.git/index): it uses {named}", result.Error);
        Assert.Contains(remedy, result.Error);
        Assert.Contains("State: hotfix stopped when it first read the index", result.Error);
        Assert.DoesNotContain("internal error", result.Error);
        Assert.Equal(before, repo.RefsAndHead());

        if (kind == "split")
        {
            repo.Git("update-index", "--no-split-index");
            repo.Git("config", "core.splitIndex", "false");
        }
        else
        {
            repo.Git("sparse-checkout", "set", "--no-sparse-index", "src");
        }

        var rerun = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal("hotfix/INC-2026-0042-fix-rounding", repo.CurrentBranch);
    }
}
