using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix audit</c>: which merges into main it takes for hotfixes, and a repository with nothing to audit.</summary>
public class AuditInputsTests
{
    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Out).RootElement;

    [Fact]
    public void A_fix_merged_into_main_from_a_branch_off_the_naming_convention_is_audited_but_a_release_merge_is_not()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        // A release cut from develop, with a last-minute commit develop never got: the release, not a hotfix.
        repo.Switch("develop");
        repo.Switch("release/1.4", create: true);
        repo.Commit("Bump version to 1.4", ("VERSION", "1.4\n"));
        repo.Switch("main");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge branch 'release/1.4'", "release/1.4");
        repo.Switch("develop");
        repo.Switch("release-1.4.1", create: true);
        repo.Commit("Release notes for 1.4.1", ("NOTES.md", "1.4.1\n"));
        repo.Switch("main");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge pull request #20 from org/release-1.4.1", "release-1.4.1");
        var released = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.True(released.ExitCode == 0, released.ToString());
        Assert.Empty(Json(released).GetProperty("audit").GetProperty("hotfixes").EnumerateArray());

        // A fix on a branch named off the convention, its merge message without an incident id.
        repo.Switch("fix-checkout-crash", create: true);
        repo.Commit("Guard the empty basket", ("src/orders.txt", HotfixRepositories.OrdersWith("total", "total-guarded")));
        var tip = repo.Git("rev-parse", "HEAD");
        repo.Switch("main");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge branch 'fix-checkout-crash'", "fix-checkout-crash");
        // git's answer: develop has neither the commit nor an equal patch.
        Assert.NotEqual(0, repo.TryGit("merge-base", "--is-ancestor", tip, "develop").ExitCode);
        Assert.StartsWith("+ ", repo.Git("cherry", "develop", tip));

        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var hotfix = Assert.Single(Json(result).GetProperty("audit").GetProperty("hotfixes").EnumerateArray());
        Assert.Equal("fix-checkout-crash", hotfix.GetProperty("branch").GetString());
        Assert.Equal(JsonValueKind.Null, hotfix.GetProperty("incidentId").ValueKind);
        Assert.Equal("missing", hotfix.GetProperty("backMerge").GetString());
        var finding = Assert.Single(Json(result).GetProperty("findings").EnumerateArray());
        Assert.StartsWith("fix-checkout-crash (merged into main by", finding.GetProperty("message").GetString());
        Assert.EndsWith($"git checkout develop && git merge --no-ff {tip[..7]}", finding.GetProperty("message").GetString());

        // Merged back as the finding says: nothing is missing.
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge branch 'fix-checkout-crash' into develop", tip);
        var after = HotfixCli.Run(repo, "audit");
        Assert.True(after.ExitCode == 0, after.ToString());
    }

    [Fact]
    public void An_empty_repository_is_bad_input_that_says_it_has_no_commits()
    {
        using var repo = TestRepository.Create(withInitialCommit: false);
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "--quiet", "HEAD").ExitCode);

        var result = HotfixCli.Run(repo, "audit");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("this repository has no commits yet", result.Error);
        Assert.DoesNotContain("does not exist", result.Error);

        // The twin: commits, but on another branch than main — main is what is missing.
        using var other = TestRepository.Create(mainBranch: "trunk");
        var missing = HotfixCli.Run(other, "audit");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("main branch 'main' (policy branches.main) does not exist here", missing.Error);
    }
}
