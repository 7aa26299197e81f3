using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix audit</c>: hotfixes on main that never reached develop, by ancestry and by patch id.</summary>
public class AuditCommandTests
{
    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Out).RootElement;

    private static JsonElement Hotfix(JsonElement report, string incident) =>
        report.GetProperty("audit").GetProperty("hotfixes").EnumerateArray().Single(h => h.GetProperty("incidentId").GetString() == incident);

    /// <summary>A hotfix branch from main with one fix commit, merged --no-ff into main (HEAD back on main).</summary>
    private static string MergeHotfixIntoMain(TestRepository repo, string incident, string line, string replacement)
    {
        var branch = $"hotfix/{incident}-fix-{line}";
        repo.Switch("main");
        repo.Switch(branch, create: true);
        repo.Commit($"Fix {line}", ("src/orders.txt", File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt")).Replace(line + "\n", replacement + "\n", StringComparison.Ordinal)));
        repo.Switch("main");
        repo.Git("merge", "--quiet", "--no-ff", "-m", $"Merge branch '{branch}' into main", branch);
        return branch;
    }

    [Fact]
    public void A_hotfix_finished_with_finish_is_merged_and_audit_passes()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        Assert.Equal(0, HotfixCli.Run(repo, "finish").ExitCode);
        var result = HotfixCli.Run(repo, "audit");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"hotfix audit: main ({repo.Git("rev-parse", "--short=7", "main")})", result.Out);
        Assert.Contains("INC-2026-0042  merge      merged", result.Out);
        Assert.Contains("1 found, 0 not merged back", result.Out);
    }

    [Fact]
    public void A_merge_into_main_only_is_HF0104_with_the_command_to_merge_it_back()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var branch = MergeHotfixIntoMain(repo, "INC-2026-0042", "round", "round-half-even");
        var tip = repo.Git("rev-parse", "main^2");
        Assert.NotEqual(0, repo.TryGit("merge-base", "--is-ancestor", tip, "develop").ExitCode);
        Assert.StartsWith("+ ", repo.Git("cherry", "develop", tip));

        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var report = Json(result);
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal("HF0104", finding.GetProperty("ruleId").GetString());
        var message = finding.GetProperty("message").GetString()!;
        Assert.StartsWith($"INC-2026-0042 (merged into main by {repo.Git("rev-parse", "--short=7", "main")} 'Merge branch '{branch}' into main'", message);
        Assert.EndsWith($"Merge it back: git checkout develop && git merge --no-ff {tip[..7]}", message);
        var hotfix = Hotfix(report, "INC-2026-0042");
        Assert.Equal("missing", hotfix.GetProperty("backMerge").GetString());
        Assert.Equal(branch, hotfix.GetProperty("branch").GetString());
        Assert.Equal([tip], hotfix.GetProperty("commits").EnumerateArray().Select(c => c.GetString()));

        // Following the advice fixes it.
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Back-merge INC-2026-0042", tip);
        var after = HotfixCli.Run(repo, "audit");
        Assert.True(after.ExitCode == 0, after.ToString());
    }

    [Fact]
    public void A_squash_merge_is_found_by_its_incident_id_and_a_cherry_pick_to_develop_counts_by_patch_id()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var squash = repo.Commit("Round half to even (INC-2026-0043) (#12)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var missing = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("squash", Hotfix(Json(missing), "INC-2026-0043").GetProperty("landing").GetString());
        Assert.Contains($"git cherry-pick -x {squash[..7]}", missing.Out);

        repo.Switch("develop");
        repo.Git("cherry-pick", "-x", squash);
        Assert.StartsWith("- ", repo.Git("cherry", "develop", squash));
        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var hotfix = Hotfix(Json(result), "INC-2026-0043");
        Assert.Equal("patchId", hotfix.GetProperty("backMerge").GetString());
        Assert.Equal([repo.Git("rev-parse", "develop")], hotfix.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void The_audit_s_own_advice_counts_when_develop_s_copy_has_another_patch_id_because_it_names_the_hotfix()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Commit("Discount v2 (unreleased)", ("src/orders.txt", HotfixRepositories.OrdersWith("discount", "discount-v2")));
        repo.Switch("main");
        var squash = repo.Commit("Round half to even (INC-2026-0043) (#12)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var other = repo.Commit("Ship free over 50 (INC-2026-0046) (#13)", ("src/shipping.txt", "free over 50\n"));
        var before = HotfixCli.Run(repo, "audit");
        Assert.Contains($"git checkout develop && git cherry-pick -x {squash[..7]}", before.Out);

        repo.Switch("develop");
        repo.Git("cherry-pick", "-x", squash);
        // The line develop changed next to the fix is context of the copy's patch: git cherry sees a different change.
        Assert.StartsWith("+ ", repo.Git("cherry", "develop", squash));
        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        var hotfix = Hotfix(Json(result), "INC-2026-0043");
        Assert.Equal("patchId", hotfix.GetProperty("backMerge").GetString());
        Assert.Equal([repo.Git("rev-parse", "develop")], hotfix.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        // The twin beside it was never picked: the copy's line names the other hotfix only.
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("missing", Hotfix(Json(result), "INC-2026-0046").GetProperty("backMerge").GetString());
        var finding = Assert.Single(Json(result).GetProperty("findings").EnumerateArray());
        Assert.Contains($"git cherry-pick -x {other[..7]}", finding.GetProperty("message").GetString());
    }

    [Fact]
    public void A_squash_on_main_with_the_branch_merged_into_develop_counts_by_the_branch_s_change()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("hotfix/INC-2026-0044-two-steps", create: true);
        repo.Commit("Step one", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Commit("Step two", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even").Replace("tax\n", "tax-fixed\n", StringComparison.Ordinal)));
        repo.Switch("main");
        repo.Git("merge", "--quiet", "--squash", "hotfix/INC-2026-0044-two-steps");
        repo.Git("commit", "--quiet", "-m", "Fix rounding and tax (INC-2026-0044)");
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge branch 'hotfix/INC-2026-0044-two-steps' into develop", "hotfix/INC-2026-0044-two-steps");
        Assert.NotEqual(0, repo.TryGit("merge-base", "--is-ancestor", "main", "develop").ExitCode);

        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var hotfix = Hotfix(Json(result), "INC-2026-0044");
        Assert.Equal("patchId", hotfix.GetProperty("backMerge").GetString());
        Assert.Equal([repo.Git("rev-parse", "develop")], hotfix.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_rebase_merge_is_one_hotfix_and_partial_cherry_picks_name_the_missing_commit()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var first = repo.Commit("Round half to even (INC-2026-0045)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var second = repo.Commit("Test the rounding (INC-2026-0045)", ("tests/rounding.txt", "test\n"));
        repo.Switch("develop");
        repo.Git("cherry-pick", first);

        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var hotfix = Hotfix(Json(result), "INC-2026-0045");
        Assert.Equal("rebase", hotfix.GetProperty("landing").GetString());
        Assert.Equal([second, first], hotfix.GetProperty("commits").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([second], hotfix.GetProperty("missingCommits").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains($"develop has 1 commit as an equal patch ({first[..7]} = {repo.Git("rev-parse", "--short=7", "develop")} on develop), but not {second[..7]} Test the rounding (INC-2026-0045)", result.Out);

        repo.Git("cherry-pick", second);
        Assert.Equal(0, HotfixCli.Run(repo, "audit").ExitCode);
    }

    [Fact]
    public void The_advice_for_a_partial_back_merge_picks_only_the_commits_develop_lacks_and_works()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var first = repo.Commit("Round half to even (INC-2026-0045)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var second = repo.Commit("Test the rounding (INC-2026-0045)", ("tests/rounding.txt", "test\n"));
        repo.Switch("develop");
        repo.Git("cherry-pick", "-x", first);

        var result = HotfixCli.Run(repo, "audit");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Merge it back: git checkout develop && git cherry-pick -x {second[..7]}\n", result.Out);
        Assert.DoesNotContain($"cherry-pick -x {first[..7]}", result.Out);
        repo.Git("cherry-pick", "-x", second);
        Assert.Equal(0, HotfixCli.Run(repo, "audit").ExitCode);
    }

    [Fact]
    public void With_develop_only_on_the_remote_the_advice_checks_out_the_branch_not_origin_develop()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        MergeHotfixIntoMain(repo, "INC-2026-0042", "round", "round-half-even");
        var tip = repo.Git("rev-parse", "main^2");
        repo.Git("branch", "-D", "develop");

        var result = HotfixCli.Run(repo, "audit");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"never reached origin/develop", result.Out);
        Assert.Contains($"Merge it back: git checkout develop && git merge --no-ff {tip[..7]}", result.Out);
        // Following it merges on a branch (git creates develop from origin/develop), not on a detached HEAD.
        repo.Git("checkout", "--quiet", "develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Back-merge INC-2026-0042", tip);
        Assert.Equal("develop", repo.CurrentBranch);

        // The twin: a local develop behind origin/develop is brought up to date before the merge.
        repo.Git("reset", "--quiet", "--hard", "origin/develop~1");
        var stale = HotfixCli.Run(repo, "audit");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains($"Merge it back: git checkout develop && git merge --ff-only origin/develop && git merge --no-ff {tip[..7]}", stale.Out);
    }

    [Fact]
    public void A_revert_of_a_hotfix_merge_on_main_is_not_a_hotfix_but_a_hotfix_that_reverts_other_work_is()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var branch = MergeHotfixIntoMain(repo, "INC-2026-0042", "round", "round-half-even");
        var merge = repo.Git("rev-parse", "main");
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", $"Merge branch '{branch}' into develop", branch);
        repo.Switch("main");
        repo.Git("revert", "--no-edit", "-m", "1", merge);
        Assert.Contains("INC-2026-0042", repo.Git("log", "-1", "--format=%s"));

        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var hotfix = Assert.Single(Json(result).GetProperty("audit").GetProperty("hotfixes").EnumerateArray());
        Assert.Equal(merge, hotfix.GetProperty("mainCommit").GetString());

        // The twin: reverting a released change as the fix for an incident is a hotfix develop needs too.
        var release = repo.Commit("Add gift cards", ("src/gift.txt", "gift\n"));
        repo.Git("revert", "--no-edit", release);
        repo.Git("commit", "--quiet", "--amend", "-m", $"Revert \"Add gift cards\" (INC-2026-0047)\n\nThis reverts commit {release}.");
        var twin = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.Equal(1, twin.ExitCode);
        Assert.Equal("missing", Hotfix(Json(twin), "INC-2026-0047").GetProperty("backMerge").GetString());
    }

    [Fact]
    public void Since_limits_the_audit_to_recent_hotfixes()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        MergeHotfixIntoMain(repo, "INC-2026-0042", "round", "round-half-even");
        var date = DateTimeOffset.Parse(repo.Git("log", "-1", "--format=%cI", "main"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, HotfixCli.Run(repo, "audit").ExitCode);

        var later = date.AddMinutes(1).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ");
        var result = HotfixCli.Run(repo, "audit", "--since", later, "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Json(result).GetProperty("audit").GetProperty("hotfixes").EnumerateArray());
        Assert.Equal(later, Json(result).GetProperty("audit").GetProperty("since").GetString());
        Assert.Equal(1, HotfixCli.Run(repo, "audit", "--since", date.ToUniversalTime().ToString("yyyy-MM-dd")).ExitCode);
    }

    [Fact]
    public void An_audit_written_to_a_file_names_audit_on_its_summary_line()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        MergeHotfixIntoMain(repo, "INC-2026-0042", "round", "round-half-even");
        var result = HotfixCli.Run(repo, "audit", "--format", "json", "--output-file", "audit.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("hotfix audit: 1 error, 0 warnings, 0 info — blocking; json report written to audit.json\n", result.Out);
        Assert.True(JsonDocument.Parse(File.ReadAllText(Path.Combine(repo.Path, "audit.json"))).RootElement.TryGetProperty("audit", out _));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("01/03/2026")]
    public void An_invalid_since_is_bad_input(string since)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var result = HotfixCli.Run(repo, "audit", "--since", since);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--since '{since}': expected a date YYYY-MM-DD or an ISO 8601 time", result.Error);
    }

    [Fact]
    public void A_missing_develop_is_bad_input()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("branch", "-D", "develop");
        var result = HotfixCli.Run(repo, "audit");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("back-merge target 'develop' (policy branches.backMergeTarget) does not exist here", result.Error);
    }

    [Fact]
    public void A_shallow_clone_reports_unknown_not_missing()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        MergeHotfixIntoMain(repo, "INC-2026-0042", "round", "round-half-even");
        for (var i = 0; i < 3; i++)
        {
            repo.Commit($"Release work {i}", ($"r{i}.txt", "x\n"));
        }

        using var clones = new TempDirectory();
        var clone = clones.Combine("ci");
        GitCli.Run(clones.Path, "clone", "--quiet", "--depth", "2", "--no-single-branch", "file://" + repo.Path, clone);
        var result = HotfixCli.Run(clone, "audit", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var report = Json(result);
        Assert.DoesNotContain(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "HF0104");
        var unknown = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "HF0105");
        Assert.Contains("reached origin/develop", unknown.GetProperty("message").GetString());
        Assert.False(report.GetProperty("audit").GetProperty("historyComplete").GetBoolean());

        GitCli.Run(clone, "fetch", "--quiet", "--unshallow", "origin");
        var deep = HotfixCli.Run(clone, "audit");
        Assert.Equal(1, deep.ExitCode);
        Assert.Contains("HF0104", deep.Out);
    }

    [Fact]
    public void Every_key_of_the_audit_section_is_documented_and_sarif_carries_it()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        MergeHotfixIntoMain(repo, "INC-2026-0042", "round", "round-half-even");
        var json = Json(HotfixCli.Run(repo, "audit", "--format", "json"));
        var doc = File.ReadAllText(SourceTree.PathOf("docs", "json-report.md"));
        var audit = json.GetProperty("audit");
        Assert.All(audit.EnumerateObject(), p => Assert.Contains($"`{p.Name}`", doc));
        Assert.All(audit.GetProperty("hotfixes")[0].EnumerateObject(), p => Assert.Contains($"`hotfixes[].{p.Name}`", doc));

        var sarif = JsonDocument.Parse(HotfixCli.Run(repo, "audit", "--format", "sarif").Out).RootElement;
        var run = sarif.GetProperty("runs")[0];
        Assert.Equal("HF0104", run.GetProperty("results")[0].GetProperty("ruleId").GetString());
        Assert.Equal(1, run.GetProperty("properties").GetProperty("hotfix").GetProperty("audit").GetProperty("hotfixes").GetArrayLength());
        Assert.StartsWith("## ❌ Hotfix audit: `main`", HotfixCli.Run(repo, "audit", "--format", "markdown").Out);
    }
}
