using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>HF0102, HF0103, HF0105 and the branch section of <c>hotfix check</c>, cross-checked with merge-base and rev-list.</summary>
public class BranchOriginCheckTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Out).RootElement;

    private static JsonElement[] Findings(JsonElement report, string ruleId) =>
        report.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == ruleId).ToArray();

    [Fact]
    public void A_branch_from_main_passes_and_the_branch_section_matches_git()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var result = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var branch = Json(result).GetProperty("branch");
        Assert.Equal("complete", branch.GetProperty("history").GetString());
        Assert.Equal("main", branch.GetProperty("mainBranch").GetString());
        Assert.Equal(repo.Git("merge-base", "HEAD", "main"), branch.GetProperty("baseCommit").GetString());
        Assert.Equal(int.Parse(repo.Git("rev-list", "--count", "main..HEAD")), branch.GetProperty("commitsAheadCount").GetInt32());
        Assert.Equal(int.Parse(repo.Git("rev-list", "--count", "HEAD..main")), branch.GetProperty("commitsBehind").GetInt32());
        var ahead = Assert.Single(branch.GetProperty("commitsAhead").EnumerateArray());
        Assert.Equal(repo.Head, ahead.GetProperty("sha").GetString());
        Assert.False(ahead.GetProperty("fromBackMergeTarget").GetBoolean());
        Assert.Empty(Json(result).GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void A_branch_from_develop_is_HF0102_listing_develop_s_commits_and_how_to_recreate_it()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Switch(Branch, create: true);
        var fix = repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var result = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var report = Json(result);
        var finding = Assert.Single(Findings(report, "HF0102"));
        var developOnly = repo.Git("rev-list", "develop", "^main").Split('\n');
        Assert.Single(developOnly);
        var message = finding.GetProperty("message").GetString()!;
        Assert.Contains($"the branch contains 1 commit from develop that is not on main", message);
        Assert.Contains($"{developOnly[0][..7]} Add loyalty discounts", message);
        Assert.EndsWith($"git switch -c <new-hotfix-branch> main && git cherry-pick {fix[..7]}", message);
        var ahead = report.GetProperty("branch").GetProperty("commitsAhead").EnumerateArray().ToList();
        Assert.Equal(repo.Git("rev-list", "main..HEAD").Split('\n'), ahead.Select(a => a.GetProperty("sha").GetString()));
        Assert.Equal([false, true], ahead.Select(a => a.GetProperty("fromBackMergeTarget").GetBoolean()));
    }

    [Fact]
    public void Merging_develop_into_the_hotfix_is_HF0102()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge develop into the hotfix", "develop");
        var result = HotfixCli.Run(repo, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HF0102", result.Out);
        Assert.Contains("Add loyalty discounts", result.Out);
    }

    [Fact]
    public void A_change_cherry_picked_from_develop_is_HF0102_as_git_cherry_sees_it()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Git("cherry-pick", "develop");
        var picked = repo.Head;
        Assert.Contains("- " + picked, repo.Git("cherry", "develop", "HEAD"));

        var result = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(Findings(Json(result), "HF0102"));
        Assert.StartsWith(
            $"commit {picked[..7]} 'Add loyalty discounts' repeats develop-only commit {repo.Git("rev-parse", "--short=7", "develop")} 'Add loyalty discounts' (same patch id)",
            finding.GetProperty("message").GetString());
    }

    [Fact]
    public void The_hotfix_forward_ported_to_develop_is_not_HF0102()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        var fix = repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("develop");
        repo.Git("cherry-pick", fix);
        repo.Switch(Branch);
        Assert.Contains("- " + fix, repo.Git("cherry", "develop", "HEAD"));
        var result = HotfixCli.Run(repo, "check");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("HF0102", result.Out);
    }

    [Theory]
    [InlineData("rebase")]
    [InlineData("amend")]
    public void The_hotfix_forward_ported_with_x_then_rebased_or_amended_is_not_HF0102_but_a_develop_pick_next_to_it_is(string rewrite)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var loyalty = repo.Git("rev-parse", "develop");
        repo.Switch(Branch, create: true);
        var fix = repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("develop");
        repo.Git("cherry-pick", "-x", fix);
        var forwardPort = repo.Head;
        repo.Switch("main");
        repo.Commit("Another hotfix landed", ("a.txt", "a\n"));
        repo.Switch(Branch);
        if (rewrite == "rebase")
        {
            repo.Git("rebase", "--quiet", "main");
        }
        else
        {
            repo.Git("commit", "--quiet", "--amend", "-m", "Round half to even, amended");
        }

        // The rewritten fix is newer than develop's copy of it and has the same patch: only the copy's line tells them apart.
        Assert.Contains("- " + repo.Head, repo.Git("cherry", "develop", "HEAD"));
        var result = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.Empty(Findings(Json(result), "HF0102"));

        // The buggy twin: develop's own work picked into the same branch is still reported, and only that.
        repo.Git("cherry-pick", loyalty);
        var picked = repo.Head;
        var twin = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.Equal(1, twin.ExitCode);
        var message = Assert.Single(Findings(Json(twin), "HF0102")).GetProperty("message").GetString()!;
        Assert.StartsWith($"commit {picked[..7]} 'Add loyalty discounts' repeats develop-only commit {loyalty[..7]}", message);
        Assert.DoesNotContain(forwardPort[..7], message);
    }

    [Fact]
    public void A_conflicted_pick_from_develop_is_HF0102_by_its_cherry_picked_line_though_the_patch_differs()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Commit("Multi-currency totals (unreleased)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "currency(round)")));
        var developFix = repo.Commit("Fix rounding on develop", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "currency(round-half-even)")));
        repo.Switch(Branch + "-other", create: true);
        repo.Git("reset", "--quiet", "--hard", "main");
        var otherHotfix = repo.Commit("Guard the tax line", ("src/tax.txt", "guard\n"));
        repo.Git("switch", "--quiet", "-c", Branch, "main");
        Assert.NotEqual(0, repo.TryGit("cherry-pick", "-x", developFix).ExitCode);
        repo.Git("checkout", "--theirs", "src/orders.txt");
        repo.Git("add", "src/orders.txt");
        repo.Git("-c", "core.editor=true", "cherry-pick", "--continue");
        var picked = repo.Head;
        Assert.Contains("cherry picked from commit " + developFix, repo.Git("log", "-1", "--format=%B"));
        Assert.DoesNotContain("- " + picked, repo.Git("cherry", "develop", "HEAD"));
        // The safe twin: a pick from another hotfix branch (not develop's work) names its source too.
        repo.Git("cherry-pick", "-x", otherHotfix);

        var result = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var message = Assert.Single(Findings(Json(result), "HF0102")).GetProperty("message").GetString()!;
        Assert.StartsWith($"commit {picked[..7]} 'Fix rounding on develop' repeats develop-only commit {developFix[..7]} 'Fix rounding on develop'", message);
        Assert.Contains("the patch differs", message);
    }

    [Fact]
    public void Main_moving_on_is_HF0103_info_with_git_s_count()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("main");
        repo.Commit("Another hotfix landed (INC-2026-0040)", ("a.txt", "a\n"));
        repo.Commit("And a release", ("b.txt", "b\n"));
        repo.Switch(Branch);
        var result = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var finding = Assert.Single(Findings(Json(result), "HF0103"));
        Assert.Equal("info", finding.GetProperty("severity").GetString());
        var behind = int.Parse(repo.Git("rev-list", "--count", "HEAD..main"));
        Assert.Equal(2, behind);
        Assert.Contains($"has {behind} commits that this branch does not", finding.GetProperty("message").GetString());
        Assert.Contains($"since the branch point {repo.Git("merge-base", "HEAD", "main")[..7]}", finding.GetProperty("message").GetString());
    }

    [Fact]
    public void A_shallow_clone_reports_unknown_never_a_verdict()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("main");
        repo.Commit("Main moves on", ("a.txt", "a\n"));

        using var clones = new TempDirectory();
        var clone = clones.Combine("ci");
        GitCli.Run(clones.Path, "clone", "--quiet", "--depth", "1", "--no-single-branch", "--branch", Branch, "file://" + repo.Path, clone);
        Assert.Equal("true", GitCli.Run(clone, "rev-parse", "--is-shallow-repository"));
        Assert.NotEqual(0, GitCli.Try(clone, "merge-base", "HEAD", "origin/main").ExitCode);

        var result = HotfixCli.Run(clone, "check", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var report = Json(result);
        Assert.Empty(Findings(report, "HF0102"));
        Assert.Empty(Findings(report, "HF0103"));
        var finding = Assert.Single(Findings(report, "HF0105"));
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Contains("unknown whether the branch was created from origin/main", finding.GetProperty("message").GetString());
        Assert.Contains("git fetch --unshallow origin", finding.GetProperty("message").GetString());
        var branch = report.GetProperty("branch");
        Assert.Equal("shallow", branch.GetProperty("history").GetString());
        Assert.Equal(JsonValueKind.Null, branch.GetProperty("baseCommit").ValueKind);
        Assert.Equal(JsonValueKind.Null, branch.GetProperty("commitsAheadCount").ValueKind);

        // With the history fetched, the verdict is real: the branch came from develop.
        GitCli.Run(clone, "fetch", "--quiet", "--unshallow", "origin");
        var deep = HotfixCli.Run(clone, "check", "--format", "json");
        Assert.Equal(1, deep.ExitCode);
        Assert.Single(Findings(Json(deep), "HF0102"));
        Assert.Empty(Findings(Json(deep), "HF0105"));
    }

    [Fact]
    public void A_linked_worktree_of_a_shallow_clone_answers_as_the_main_working_tree_does()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("main");
        repo.Commit("Main moves on", ("a.txt", "a\n"));

        using var clones = new TempDirectory();
        var clone = clones.Combine("ci");
        var linked = clones.Combine("linked");
        GitCli.Run(clones.Path, "clone", "--quiet", "--depth", "1", "--no-single-branch", "--branch", Branch, "file://" + repo.Path, clone);
        GitCli.Run(clone, "switch", "--quiet", "main");
        GitCli.Run(clone, "worktree", "add", "--quiet", linked, Branch);

        var fromMainTree = HotfixCli.Run(clone, "check", "--branch", Branch, "--format", "json");
        var fromLinked = HotfixCli.Run(linked, "check", "--format", "json");
        Assert.True(fromLinked.ExitCode == 0, fromLinked.ToString());
        var finding = Assert.Single(Findings(Json(fromLinked), "HF0105"));
        Assert.Equal(
            Assert.Single(Findings(Json(fromMainTree), "HF0105")).GetProperty("message").GetString(),
            finding.GetProperty("message").GetString());
        Assert.Equal("shallow", Json(fromLinked).GetProperty("branch").GetProperty("history").GetString());

        var audit = HotfixCli.Run(linked, "audit");
        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Equal(HotfixCli.Run(clone, "audit").Out, audit.Out);
    }

    [Fact]
    public void Without_main_HF0102_warns_that_it_could_not_check()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Git("branch", "-D", "main");
        var result = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var finding = Assert.Single(Findings(Json(result), "HF0102"));
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Contains("neither 'main' nor 'origin/main' exists in this clone", finding.GetProperty("message").GetString());
        // 'git fetch origin main' creates no origin/main in a single-branch clone; an explicit destination does.
        Assert.Contains("Fetch it (git fetch origin main:refs/remotes/origin/main)", finding.GetProperty("message").GetString());
        Assert.DoesNotContain("branches.main", finding.GetProperty("message").GetString());
        Assert.Equal("mainMissing", Json(result).GetProperty("branch").GetProperty("history").GetString());
    }

    [Fact]
    public void A_repository_on_master_without_main_is_told_to_set_branches_main()
    {
        using var repo = TestRepository.Create("master");
        repo.Git("branch", "develop");
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", "round-half-even\n"));
        var result = HotfixCli.Run(repo, "check", "--format", "json");
        var message = Assert.Single(Findings(Json(result), "HF0102")).GetProperty("message").GetString();
        Assert.EndsWith("check again; or, if 'master' is production, set branches.main to \"master\" in hotfix.json.", message);
    }

    [Fact]
    public void Without_develop_HF0102_warns_that_it_checked_only_part_even_for_a_branch_from_develop()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        // CI fetched the branch and main only (GitLab after git fetch origin main).
        repo.Git("branch", "-D", "develop");
        var result = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var finding = Assert.Single(Findings(Json(result), "HF0102"));
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        var message = finding.GetProperty("message").GetString()!;
        Assert.StartsWith("could check only part: the branch shares history with main, but whether it contains commits or changes from develop was not checked", message);
        Assert.Contains("neither 'develop' nor 'origin/develop' exists in this clone", message);
        Assert.Contains("git fetch origin develop:refs/remotes/origin/develop", message);

        // The twin with develop fetched gets the verdict.
        repo.Git("branch", "develop", Branch + "~1");
        var withDevelop = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.Equal(1, withDevelop.ExitCode);
        Assert.Equal("error", Assert.Single(Findings(Json(withDevelop), "HF0102")).GetProperty("severity").GetString());
    }

    [Fact]
    public void A_ci_checkout_compares_with_origin_main_when_local_main_is_stale()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        var colleague = repo.CloneOrigin();
        HotfixRepositories.CommitIn(colleague, "Another hotfix landed", "a.txt", "a\n");
        GitCli.Run(colleague, "push", "--quiet", "origin", "main");
        repo.Git("fetch", "--quiet", "origin");
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var result = HotfixCli.Run(repo, "check", "--format", "json");
        var branch = Json(result).GetProperty("branch");
        Assert.Equal("origin/main", branch.GetProperty("mainBranch").GetString());
        Assert.Equal(int.Parse(repo.Git("rev-list", "--count", "HEAD..origin/main")), branch.GetProperty("commitsBehind").GetInt32());
    }

    [Theory]
    [InlineData("refs/heads/")]
    [InlineData("origin/")]
    [InlineData("refs/remotes/origin/")]
    public void Branch_names_as_ci_variables_spell_them_are_accepted(string prefix)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Git("push", "--quiet", "origin", Branch);
        repo.Switch("main");
        var result = HotfixCli.Run(repo, "check", "--branch", prefix + Branch, "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Branch, Json(result).GetProperty("branch").GetProperty("name").GetString());
        Assert.Empty(Findings(Json(result), "HF0101"));
    }

    [Fact]
    public void Every_key_of_the_branch_section_is_documented()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        var result = HotfixCli.Run(repo, "check", "--format", "json");
        var doc = File.ReadAllText(SourceTree.PathOf("docs", "json-report.md"));
        var branch = Json(result).GetProperty("branch");
        Assert.All(branch.EnumerateObject(), p => Assert.Contains($"`{p.Name}`", doc));
    }
}
