using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary><c>hotfix check</c> on main or develop says where you are and how to get to a hotfix branch, and checks nothing.</summary>
public class CheckOutsideHotfixBranchTests
{
    [Theory]
    [InlineData("main")]
    [InlineData("develop")]
    public void On_a_base_branch_it_lists_the_local_hotfix_branches_and_skips_the_rest(string baseBranch)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("branch", "hotfix/INC-2026-0042-fix-rounding", "main");
        repo.Git("branch", "hotfix/INC-2026-0043-fix-tax", "main");
        repo.Git("switch", "--quiet", baseBranch);

        var result = HotfixCli.Run(repo, "check");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            $"hotfix: error: you are on '{baseBranch}', not on a hotfix branch (hotfix/INC-…); hotfix check checks a hotfix branch against main and develop. Nothing was checked.\n" +
            "Local hotfix branches:\n" +
            "  git switch hotfix/INC-2026-0042-fix-rounding\n" +
            "  git switch hotfix/INC-2026-0043-fix-tax\n" +
            "or check one without switching: hotfix check --branch hotfix/INC-2026-0042-fix-rounding\n",
            result.Error);
        Assert.DoesNotContain("HF0101", result.Out);
        Assert.DoesNotContain("Test plan", result.Out);
    }

    [Fact]
    public void Without_hotfix_branches_it_says_how_to_start_one()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("switch", "--quiet", "main");

        var result = HotfixCli.Run(repo, "check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No local hotfix branch. Start one: hotfix start INC-YYYY-NNNN short-description", result.Error);
    }

    [Fact]
    public void With_branch_on_main_the_named_branch_is_checked()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("branch", "hotfix/INC-2026-0042-fix-rounding", "main");
        repo.Git("switch", "--quiet", "main");

        var result = HotfixCli.Run(repo, "check", "--branch", "hotfix/INC-2026-0042-fix-rounding");

        Assert.DoesNotContain("not on a hotfix branch", result.Error);
        Assert.Contains("Incident: INC-2026-0042", result.Out);
    }
}

/// <summary>
/// <c>hotfix rollback-migration</c> on main after the hotfix was finished: "the hotfix has no migrations" would be
/// false reassurance about a migration that is live. It refuses as check does and says how to name the hotfix.
/// </summary>
public class RollbackMigrationOutsideHotfixBranchTests
{
    [Fact]
    public void On_main_after_finish_it_refuses_and_says_how_to_get_the_branch_back()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("switch", "--quiet", "main");

        var result = HotfixCli.Run(repo, "rollback-migration");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("hotfix: error: you are on 'main', not on a hotfix branch (hotfix/INC-…); hotfix rollback-migration plans the rollback of a hotfix branch's migrations", result.Error);
        Assert.Contains("git branch hotfix/INC-YYYY-NNNN-… MERGE_COMMIT^2, then hotfix rollback-migration --branch hotfix/INC-YYYY-NNNN-…", result.Error);
        Assert.DoesNotContain("nothing to roll back", result.Out);
    }

    [Fact]
    public void On_develop_with_a_hotfix_branch_it_names_it()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("branch", "hotfix/INC-2026-0042-fix-rounding", "main");
        repo.Git("switch", "--quiet", "develop");

        var result = HotfixCli.Run(repo, "rollback-migration");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("or plan for one without switching: hotfix rollback-migration --branch hotfix/INC-2026-0042-fix-rounding", result.Error);
        Assert.True(HotfixCli.Run(repo, "rollback-migration", "--branch", "hotfix/INC-2026-0042-fix-rounding").ExitCode == 0);
    }
}
