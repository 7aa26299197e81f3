using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix finish</c> on real repositories: the runbook's merges, all or nothing, resumable, cross-checked with git.</summary>
public class FinishCommandTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";

    /// <summary>main + develop, and the hotfix branch from main with one fix commit; HEAD on the hotfix branch.</summary>
    private static TestRepository WithHotfix(string branch = Branch)
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        return repo;
    }

    private static IEnumerable<string> PrintedCommands(string output) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("$ ", StringComparison.Ordinal)).Select(l => l[2..]);

    [Fact]
    public void Merges_no_ff_into_main_then_the_branch_into_develop_then_deletes_it()
    {
        using var repo = WithHotfix();
        var hotfix = repo.Head;
        var main = repo.Git("rev-parse", "main");
        var develop = repo.Git("rev-parse", "develop");

        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 0, result.ToString());

        // main: a merge commit whose parents are the old main and the hotfix tip (--no-ff), first on main's first-parent line.
        var mainMerge = repo.Git("rev-parse", "main");
        Assert.Equal($"{mainMerge} {main} {hotfix}", repo.Git("rev-list", "--parents", "-n", "1", "main"));
        Assert.Equal(mainMerge, repo.Git("log", "--first-parent", "--format=%H", "-n", "1", "main"));
        Assert.Equal(
            $"Merge branch '{Branch}' into main\n\nHotfix INC-2026-0042 merged into production (main) by hotfix finish.\n\nIncident: INC-2026-0042",
            repo.Git("log", "-1", "--format=%B", "main").TrimEnd());

        // develop: the hotfix *branch* is merged (second parent = hotfix tip, not main's merge commit).
        Assert.Equal($"{repo.Git("rev-parse", "develop")} {develop} {hotfix}", repo.Git("rev-list", "--parents", "-n", "1", "develop"));
        Assert.Contains("Back-merge of hotfix INC-2026-0042", repo.Git("log", "-1", "--format=%B", "develop"));
        Assert.NotEqual(0, repo.TryGit("merge-base", "--is-ancestor", "main", "develop").ExitCode);

        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "--quiet", "refs/heads/" + Branch).ExitCode);
        Assert.Equal("develop", repo.CurrentBranch);
        Assert.Equal(string.Empty, repo.Status());
        Assert.Equal(HotfixRepositories.OrdersWith("round", "round-half-even"), File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt")));
        Assert.True(File.Exists(Path.Combine(repo.Path, "src", "loyalty.txt")));
        Assert.Contains("Deleted " + Branch, result.Out);
        Assert.Equal(string.Empty, repo.Git("fsck", "--no-progress", "--no-dangling"));
    }

    [Fact]
    public void Dry_run_prints_the_exact_commands_that_give_the_same_result_and_changes_nothing()
    {
        using var repo = WithHotfix();
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "finish", "--dry-run");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal(string.Empty, repo.Status());
        var commands = PrintedCommands(result.Out).ToList();
        Assert.Equal("git checkout main", commands[0]);
        Assert.StartsWith("git merge --no-ff -m \"Merge branch 'hotfix/INC-2026-0042-fix-rounding' into main\" -m ", commands[1]);
        Assert.Equal("git checkout develop", commands[2]);
        Assert.Equal($"git branch -d {Branch}", commands[4]);
        Assert.Equal("git push origin main develop", commands[5]);

        // A person typing the plan gets what finish makes: same trees, parents' roles, messages and end state.
        using var copies = new TempDirectory();
        var typed = copies.Combine("typed");
        GitCli.Run(copies.Path, "clone", "--quiet", "--no-local", repo.Path, typed);
        GitCli.Run(typed, "branch", "--quiet", "main", "origin/main");
        GitCli.Run(typed, "branch", "--quiet", "develop", "origin/develop");
        Assert.Equal(Branch, GitCli.Run(typed, "rev-parse", "--abbrev-ref", "HEAD"));
        foreach (var command in commands.Take(5))
        {
            var run = ProcessRunner.Run("bash", ["-c", command], typed, GitCli.Environment);
            Assert.True(run.ExitCode == 0, $"{command}\n{run}");
        }

        var finished = HotfixCli.Run(repo, "finish");
        Assert.True(finished.ExitCode == 0, finished.ToString());
        foreach (var rev in new[] { "main^{tree}", "develop^{tree}", "main^1", "main^2", "develop^1", "develop^2" })
        {
            Assert.Equal(GitCli.Run(typed, "rev-parse", rev), repo.Git("rev-parse", rev));
        }

        Assert.Equal(GitCli.Run(typed, "log", "-2", "--format=%B", "main"), repo.Git("log", "-2", "--format=%B", "main"));
        Assert.Equal(GitCli.Run(typed, "log", "-1", "--format=%B", "develop"), repo.Git("log", "-1", "--format=%B", "develop"));
        Assert.Equal(GitCli.Run(typed, "symbolic-ref", "HEAD"), repo.Git("symbolic-ref", "HEAD"));
    }

    [Fact]
    public void A_conflict_in_main_changes_nothing_and_says_how_to_resolve()
    {
        using var repo = WithHotfix();
        repo.Switch("main");
        repo.Commit("Production changed the same line", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-up")));
        repo.Switch(Branch);
        AssertConflictChangesNothing(repo, "  into main: src/orders.txt", "bring main into the hotfix branch");
    }

    [Fact]
    public void A_conflict_in_develop_changes_nothing_not_even_main()
    {
        using var repo = WithHotfix();
        repo.Switch("develop");
        repo.Commit("Develop changed the same line", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-bankers")));
        repo.Switch(Branch);
        var main = repo.Git("rev-parse", "main");
        AssertConflictChangesNothing(repo, "  into develop: src/orders.txt", "git checkout develop && git merge --no-ff hotfix/INC-2026-0042-fix-rounding");
        Assert.Equal(main, repo.Git("rev-parse", "main"));
        Assert.NotEqual(0, repo.TryGit("merge-base", "--is-ancestor", Branch, "main").ExitCode);
    }

    private static void AssertConflictChangesNothing(TestRepository repo, string conflictLine, string advice)
    {
        repo.WriteFile("notes.txt", "untracked notes\n");
        var before = repo.RefsAndHead();
        var status = repo.Status();
        var index = repo.Git("ls-files", "--stage");
        var result = HotfixCli.Run(repo, "finish");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains(conflictLine, result.Error);
        Assert.Contains(advice, result.Error);
        Assert.Contains("State: nothing was changed: branches, index, working tree and HEAD are exactly as before", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal(status, repo.Status());
        Assert.Equal(index, repo.Git("ls-files", "--stage"));
        Assert.Equal(Branch, repo.CurrentBranch);
    }

    [Fact]
    public void A_dirty_tree_exits_3_and_nothing_is_lost()
    {
        using var repo = WithHotfix();
        repo.WriteFile("src/orders.txt", "half-typed fix\n");
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "finish");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("uncommitted changes to tracked files (src/orders.txt)", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal("half-typed fix\n", File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt")));
    }

    [Fact]
    public void A_missing_develop_is_bad_input_and_changes_nothing()
    {
        using var repo = WithHotfix();
        repo.Git("branch", "-D", "develop");
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "finish");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("hotfix: error: branch 'develop' (policy branches.backMergeTarget) does not exist in this repository; expected a local branch: create it, fetch it (git fetch origin develop), or set branches.backMergeTarget in hotfix.json.\n", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
    }

    [Fact]
    public void Develop_only_on_the_remote_says_how_to_create_it()
    {
        using var repo = WithHotfix();
        repo.AddOrigin();
        repo.Git("branch", "-D", "develop");
        var result = HotfixCli.Run(repo, "finish");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("only origin/develop exists; create the local branch: git branch --track develop origin/develop", result.Error);
    }

    [Fact]
    public void A_detached_head_needs_the_branch_named()
    {
        using var repo = WithHotfix();
        repo.Git("checkout", "--quiet", "--detach");
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "finish");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"HEAD is detached at {repo.Git("rev-parse", "--short=7", "HEAD")}; expected HEAD on the hotfix branch to finish", result.Error);
        Assert.Equal(before, repo.RefsAndHead());

        var named = HotfixCli.Run(repo, "finish", "--branch", Branch);
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Equal("develop", repo.CurrentBranch);
        Assert.Equal(0, repo.TryGit("merge-base", "--is-ancestor", "develop^2", "main").ExitCode);
    }

    [Fact]
    public void A_rerun_after_a_person_merged_main_completes_only_the_missing_steps()
    {
        using var repo = WithHotfix();
        repo.Switch("main");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merged by hand (INC-2026-0042)", Branch);
        var manualMerge = repo.Git("rev-parse", "main");
        repo.Switch(Branch);

        var dry = HotfixCli.Run(repo, "finish", "--dry-run");
        Assert.Contains("1. [done] main already contains hotfix/INC-2026-0042-fix-rounding — skipped", dry.Out);
        Assert.DoesNotContain("git checkout main", dry.Out);

        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("main already contained hotfix/INC-2026-0042-fix-rounding; skipped.", result.Out);
        Assert.Equal(manualMerge, repo.Git("rev-parse", "main"));
        Assert.Equal(repo.Git("rev-parse", "main^2"), repo.Git("rev-parse", "develop^2"));
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "--quiet", "refs/heads/" + Branch).ExitCode);
    }

    [Fact]
    public void A_rerun_after_a_hand_resolved_develop_conflict_merges_main_and_deletes()
    {
        using var repo = WithHotfix();
        repo.Switch("develop");
        repo.Commit("Develop changed the same line", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-bankers")));
        repo.Switch(Branch);
        Assert.Equal(3, HotfixCli.Run(repo, "finish").ExitCode);

        // The person resolves the back-merge by hand, as the message says, and reruns finish.
        repo.Switch("develop");
        Assert.NotEqual(0, repo.TryGit("merge", "--no-ff", Branch).ExitCode);
        repo.WriteFile("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even"));
        repo.Git("commit", "--quiet", "-am", "Back-merge INC-2026-0042 (conflict resolved)");
        var resolved = repo.Git("rev-parse", "develop");
        repo.Switch(Branch);

        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(resolved, repo.Git("rev-parse", "develop"));
        Assert.Equal(0, repo.TryGit("merge-base", "--is-ancestor", "main^2", "develop").ExitCode);
        Assert.Equal("develop", repo.CurrentBranch);
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "--quiet", "refs/heads/" + Branch).ExitCode);

        var again = HotfixCli.Run(repo, "finish", "--branch", Branch);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("no such local branch", again.Error);
    }

    [Fact]
    public void Keep_branch_keeps_it_and_a_rerun_has_nothing_to_do()
    {
        using var repo = WithHotfix();
        var result = HotfixCli.Run(repo, "finish", "--keep-branch");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(repo.Git("rev-parse", "main^2"), repo.Git("rev-parse", "refs/heads/" + Branch));
        var before = repo.RefsAndHead();
        var again = HotfixCli.Run(repo, "finish", "--keep-branch", "--branch", Branch);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Nothing to do", again.Out);
        Assert.Equal(before, repo.RefsAndHead());
    }

    [Fact]
    public void Blocking_findings_refuse_with_exit_1_unless_forced_with_a_reason()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var before = repo.RefsAndHead();

        var refused = HotfixCli.Run(repo, "finish");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("HF0102", refused.Out);
        Assert.Contains("Add loyalty discounts", refused.Out);
        Assert.Contains("finish refused: hotfix/INC-2026-0042-fix-rounding has blocking findings (HF0102)", refused.Error);
        Assert.Equal(before, repo.RefsAndHead());

        var forced = HotfixCli.Run(repo, "finish", "--force", "SEV1: loyalty change approved by mira on the bridge");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("Forced past blocking findings (HF0102): SEV1: loyalty change approved by mira on the bridge", repo.Git("log", "-1", "--format=%B", "main"));
        Assert.Contains("Forced past blocking findings (HF0102): SEV1: loyalty change approved by mira on the bridge", repo.Git("log", "-1", "--format=%B", "develop"));
    }

    [Fact]
    public void An_empty_force_reason_is_bad_input()
    {
        using var repo = WithHotfix();
        var result = HotfixCli.Run(repo, "finish", "--force", " ");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--force '': expected the reason", result.Error);
    }

    [Fact]
    public void Finishing_main_itself_is_bad_input()
    {
        using var repo = WithHotfix();
        var result = HotfixCli.Run(repo, "finish", "--branch", "main");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'main' is the production branch, not a hotfix branch", result.Error);
    }

    [Fact]
    public void A_branch_name_with_shell_metacharacters_is_quoted_in_the_plan_and_never_executed()
    {
        const string name = "hotfix/INC-2026-0042-x;$(touch${IFS}pwned)&`touch${IFS}pwned2`|'quote'\"<>";
        using var repo = WithHotfix(name);
        Assert.Equal(name, repo.CurrentBranch);

        var check = HotfixCli.Run(repo, "check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("HF0101", check.Out);

        var refused = HotfixCli.Run(repo, "finish");
        Assert.Equal(1, refused.ExitCode);

        var plan = HotfixCli.Run(repo, "finish", "--dry-run", "--force", "name accepted for the test");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        var merge = PrintedCommands(plan.Out).Single(c => c.StartsWith("git merge", StringComparison.Ordinal) && c.Contains("into main", StringComparison.Ordinal));
        Assert.EndsWith(" 'hotfix/INC-2026-0042-x;$(touch${IFS}pwned)&`touch${IFS}pwned2`|'\\''quote'\\''\"<>'", merge);

        // The printed commands, run by a shell, do exactly what finish does and nothing else.
        using var copies = new TempDirectory();
        var typed = copies.Combine("typed");
        GitCli.Run(copies.Path, "clone", "--quiet", "--no-local", repo.Path, typed);
        GitCli.Run(typed, "branch", "--quiet", "main", "origin/main");
        GitCli.Run(typed, "branch", "--quiet", "develop", "origin/develop");
        Assert.Equal(name, GitCli.Run(typed, "rev-parse", "--abbrev-ref", "HEAD"));
        foreach (var command in PrintedCommands(plan.Out).Where(c => !c.StartsWith("git push", StringComparison.Ordinal)))
        {
            var run = ProcessRunner.Run("bash", ["-c", command], typed, GitCli.Environment);
            Assert.True(run.ExitCode == 0, $"{command}\n{run}");
        }

        Assert.False(File.Exists(Path.Combine(typed, "pwned")) || File.Exists(Path.Combine(typed, "pwned2")));
        var forced = HotfixCli.Run(repo, "finish", "--force", "name accepted for the test");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(GitCli.Run(typed, "rev-parse", "main^{tree}"), repo.Git("rev-parse", "main^{tree}"));
        Assert.Equal(GitCli.Run(typed, "log", "-1", "--format=%s", "main"), repo.Git("log", "-1", "--format=%s", "main"));
        Assert.Equal($"Merge branch '{name}' into main", repo.Git("log", "-1", "--format=%s", "main"));
        Assert.NotEqual(0, repo.TryGit("show-ref", "--verify", "--quiet", "refs/heads/" + name).ExitCode);
        Assert.False(File.Exists(Path.Combine(repo.Path, "pwned")));
    }

    [Fact]
    public void A_300_character_branch_name_is_reported_short_refused_and_finished_when_forced()
    {
        var name = "hotfix/INC-2026-0042-" + string.Join('/', Enumerable.Range(0, 4).Select(i => new string((char)('a' + i), 69)));
        Assert.Equal(300, name.Length);
        using var repo = WithHotfix(name);
        Assert.Equal(name, repo.CurrentBranch);

        var check = HotfixCli.Run(repo, "check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("HF0101", check.Out);
        Assert.Contains("the short description has 279 characters; at most 42 fit in a 63-character branch name", check.Out);
        var finding = check.Out.Split('\n').Single(l => l.Contains("HF0101", StringComparison.Ordinal) && l.StartsWith("error", StringComparison.Ordinal));
        Assert.True(finding.Length < 500, finding);

        var before = repo.RefsAndHead();
        Assert.Equal(1, HotfixCli.Run(repo, "finish").ExitCode);
        Assert.Equal(before, repo.RefsAndHead());

        var forced = HotfixCli.Run(repo, "finish", "--force", "legacy branch, renamed after the incident");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal($"Merge branch '{name}' into main", repo.Git("log", "-1", "--format=%s", "main"));
        Assert.Equal(repo.Git("rev-parse", "main^2"), repo.Git("rev-parse", "develop^2"));
        Assert.NotEqual(0, repo.TryGit("show-ref", "--verify", "--quiet", "refs/heads/" + name).ExitCode);
    }

    [Fact]
    public void Main_behind_its_remote_as_last_fetched_is_refused()
    {
        using var repo = WithHotfix();
        repo.AddOrigin();
        var colleague = repo.CloneOrigin();
        HotfixRepositories.CommitIn(colleague, "Deployed by a colleague", "deploy.txt", "v1.0.1\n");
        GitCli.Run(colleague, "push", "--quiet", "origin", "main");
        repo.Git("fetch", "--quiet", "origin");
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "finish");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("main is 1 commit behind origin/main: the merge would land on an outdated main", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
    }

    [Fact]
    public void Untracked_files_in_the_way_of_the_final_checkout_stop_it_before_any_write()
    {
        using var repo = WithHotfix();
        repo.WriteFile("src/loyalty.txt", "my own notes, not tracked here\n");
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "finish");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("untracked files would be overwritten by checking out develop at the end: src/loyalty.txt", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal("my own notes, not tracked here\n", File.ReadAllText(Path.Combine(repo.Path, "src", "loyalty.txt")));
    }
}
