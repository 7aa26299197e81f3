using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix audit</c> when develop reverted a hotfix it had merged back: ancestry alone is not the answer.</summary>
public class AuditRevertTests
{
    private const string Branch = "hotfix/INC-2026-0051-round";

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Out).RootElement;

    private static JsonElement OnlyHotfix(CliResult result) =>
        Assert.Single(Json(result).GetProperty("audit").GetProperty("hotfixes").EnumerateArray());

    /// <summary>The runbook's finish by hand: the hotfix merged --no-ff into main and into develop; returns its tip.</summary>
    private static string FinishByHand(TestRepository repo)
    {
        repo.Switch(Branch, create: true);
        var tip = repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("main");
        repo.Git("merge", "--quiet", "--no-ff", "-m", $"Merge branch '{Branch}' into main", Branch);
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", $"Merge branch '{Branch}' into develop", Branch);
        return tip;
    }

    [Fact]
    public void A_back_merge_reverted_on_develop_is_HF0104_naming_the_revert_and_a_revert_of_the_revert_restores_it()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var tip = FinishByHand(repo);
        var backMerge = repo.Git("rev-parse", "develop");

        // A revert of other work on develop changes nothing for the hotfix.
        repo.Git("revert", "--no-edit", repo.Git("rev-parse", ":/Add loyalty discounts"));
        var unrelated = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.True(unrelated.ExitCode == 0, unrelated.ToString());
        Assert.Equal("ancestry", OnlyHotfix(unrelated).GetProperty("backMerge").GetString());

        repo.Git("revert", "--no-edit", "-m", "1", backMerge);
        var revert = repo.Git("rev-parse", "develop");
        // git's answer: the hotfix commit is still an ancestor of develop, but develop's file no longer has the fix.
        Assert.Equal(0, repo.TryGit("merge-base", "--is-ancestor", tip, "develop").ExitCode);
        Assert.DoesNotContain("round-half-even", repo.Git("show", "develop:src/orders.txt"));

        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var hotfix = OnlyHotfix(result);
        Assert.Equal("missing", hotfix.GetProperty("backMerge").GetString());
        Assert.Equal([revert], hotfix.GetProperty("revertedBy").EnumerateArray().Select(r => r.GetString()));
        var message = Assert.Single(Json(result).GetProperty("findings").EnumerateArray()).GetProperty("message").GetString()!;
        Assert.Contains($"reached develop but was reverted there by {revert[..7]}", message);
        Assert.EndsWith($"Bring it back: git checkout develop && git revert {revert[..7]}", message);
        Assert.Contains("REVERTED", HotfixCli.Run(repo, "audit").Out);

        // The advice: a revert of the revert puts the fix back, and the audit agrees.
        repo.Git("revert", "--no-edit", revert);
        Assert.Contains("round-half-even", repo.Git("show", "develop:src/orders.txt"));
        var restored = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Equal("ancestry", OnlyHotfix(restored).GetProperty("backMerge").GetString());
        Assert.Empty(OnlyHotfix(restored).GetProperty("revertedBy").EnumerateArray());
    }

    [Fact]
    public void A_hotfix_reverted_on_main_and_brought_to_develop_with_main_is_not_missing_there()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        FinishByHand(repo);
        // Production took the hotfix out again, and develop got that with a merge of main: neither has it, by choice.
        repo.Switch("main");
        repo.Git("revert", "--no-edit", "-m", "1", "main");
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge branch 'main' into develop", "main");
        Assert.DoesNotContain("round-half-even", repo.Git("show", "develop:src/orders.txt"));
        Assert.DoesNotContain("round-half-even", repo.Git("show", "main:src/orders.txt"));

        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("ancestry", OnlyHotfix(result).GetProperty("backMerge").GetString());
    }

    [Fact]
    public void A_squash_reverted_on_develop_after_main_was_merged_into_it_is_HF0104()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var squash = repo.Commit("Round half to even (INC-2026-0052) (#15)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge branch 'main' into develop", "main");
        Assert.Equal(0, HotfixCli.Run(repo, "audit").ExitCode);

        repo.Git("revert", "--no-edit", squash);
        var revert = repo.Git("rev-parse", "develop");
        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([revert], OnlyHotfix(result).GetProperty("revertedBy").EnumerateArray().Select(r => r.GetString()));
    }
}
