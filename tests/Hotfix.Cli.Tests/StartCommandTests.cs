using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix start</c> on real repositories, every outcome cross-checked with the git CLI.</summary>
public class StartCommandTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";

    [Fact]
    public void Creates_the_branch_from_main_and_checks_it_out_from_anywhere()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Branch, repo.CurrentBranch);
        Assert.Equal(repo.Git("rev-parse", "main"), repo.Head);
        Assert.Equal(repo.Git("rev-parse", "main"), repo.Git("merge-base", "HEAD", "main"));
        Assert.Equal(string.Empty, repo.Status());
        Assert.False(File.Exists(Path.Combine(repo.Path, "src", "loyalty.txt")), "the working tree must show main, not develop");
        Assert.Contains($"Created {Branch} from main at {repo.Git("rev-parse", "--short=7", "main")} (Release 1.0) and switched to it.", result.Out);
        Assert.Contains($"git push -u origin {Branch}", result.Out);
    }

    [Fact]
    public void Dry_run_prints_the_plan_and_changes_nothing()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding", "--dry-run");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("$ git fetch origin", result.Out);
        Assert.Contains($"$ git checkout -b {Branch} main", result.Out);
        Assert.Contains("dry run: origin was not fetched", result.Out);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal(string.Empty, repo.Status());
    }

    [Theory]
    [InlineData("INC-26-42", "fix", "incident id 'INC-26-42': expected INC-YYYY-NNNN (for example INC-2026-0042).")]
    [InlineData("inc-2026-0042", "fix", "incident id 'inc-2026-0042': expected INC-YYYY-NNNN (for example INC-2026-0042) (did you mean INC-2026-0042?).")]
    [InlineData("INC-2026-0042", "Fix Rounding", "short description 'Fix Rounding': the short description has upper-case letters, the characters ' ' (space); use lowercase words, digits and single hyphens (for example: fix-rounding).")]
    [InlineData("INC-2026-0042", "", "short description '': the short description is empty.")]
    public void Invalid_input_exits_2_with_one_line_and_changes_nothing(string id, string description, string expected)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "start", id, description);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"hotfix: error: {expected}\n", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
    }

    [Fact]
    public void A_300_character_description_is_refused_with_a_short_message()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var before = repo.RefsAndHead();
        var description = string.Join('-', Enumerable.Repeat("overlong", 34))[..300];
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", description);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the short description has 300 characters; at most 42 fit in a 63-character branch name", result.Error);
        Assert.True(result.Error.Length < 400, result.Error);
        Assert.Equal(before, repo.RefsAndHead());
    }

    [Fact]
    public void A_dirty_tree_exits_3_and_nothing_is_lost()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.WriteFile("src/orders.txt", "my unsaved work\n");
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("uncommitted changes to tracked files (src/orders.txt); commit or stash them (git stash push) before hotfix start", result.Error);
        Assert.Contains("State: nothing was changed", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal(" M src/orders.txt", repo.Status());
        Assert.Equal("my unsaved work\n", File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt")));
    }

    [Fact]
    public void Untracked_files_are_allowed_and_kept()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.WriteFile("notes.txt", "scratch\n");
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("?? notes.txt", repo.Status());
    }

    [Fact]
    public void Untracked_files_in_the_way_of_main_stop_it_before_any_write()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Git("rm", "--quiet", "--cached", "src/orders.txt");
        repo.Git("commit", "--quiet", "-m", "Stop tracking orders on develop");
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("untracked files would be overwritten by checking out main: src/orders.txt", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal("?? src/orders.txt", repo.Status());
    }

    [Fact]
    public void A_missing_main_is_bad_input()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Git("branch", "-D", "main");
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("branch 'main' (policy branches.main) does not exist in this repository", result.Error);
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "--quiet", Branch).ExitCode);
    }

    [Fact]
    public void Main_behind_its_remote_is_refused_with_the_pull_command()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        var colleague = repo.CloneOrigin();
        var pushed = HotfixRepositories.CommitIn(colleague, "Deployed by a colleague", "deploy.txt", "v1.0.1\n");
        GitCli.Run(colleague, "push", "--quiet", "origin", "main");
        var mainBefore = repo.Git("rev-parse", "main");

        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("main is 1 commit behind origin/main: a hotfix must start from what production runs. Update it first: git checkout main && git pull --ff-only origin main", result.Error);
        Assert.Equal(pushed, repo.Git("rev-parse", "origin/main"));
        Assert.Equal(mainBefore, repo.Git("rev-parse", "main"));
        Assert.Equal("1\t0", repo.Git("rev-list", "--left-right", "--count", "origin/main...main"));
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "--quiet", Branch).ExitCode);
    }

    [Fact]
    public void Main_diverged_from_its_remote_is_refused()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        var colleague = repo.CloneOrigin();
        HotfixRepositories.CommitIn(colleague, "Theirs", "theirs.txt", "x\n");
        GitCli.Run(colleague, "push", "--quiet", "origin", "main");
        repo.Commit("Ours, not pushed", ("ours.txt", "y\n"));
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("main and origin/main have diverged (1 commit only here, 1 commit only on origin)", result.Error);
        Assert.Equal("1\t1", repo.Git("rev-list", "--left-right", "--count", "origin/main...main"));
    }

    [Fact]
    public void Main_ahead_of_its_remote_is_a_warning()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        repo.Commit("Not pushed yet", ("ours.txt", "y\n"));
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hotfix: warning: main has 1 commit not on origin/main (not pushed yet)", result.Error);
        Assert.Equal(Branch, repo.CurrentBranch);
    }

    [Fact]
    public void An_unreachable_remote_stops_unless_no_fetch()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        Directory.Move(repo.OriginPath(), repo.OriginPath() + ".moved");
        var before = repo.RefsAndHead();
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"cannot fetch 'origin' ({repo.OriginPath()}) to check that main is up to date", result.Error);
        // libgit2 calls a missing local path an "unsupported URL protocol"; git says what is wrong, and so must we.
        Assert.Contains($"the remote's URL names the local path '{repo.OriginPath()}', which does not exist", result.Error);
        Assert.Contains("git remote set-url origin <url>", result.Error);
        Assert.Contains("rerun with --no-fetch", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.NotEqual(0, repo.TryGit("fetch", "origin").ExitCode);

        var offline = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding", "--no-fetch");
        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.Contains("not fetched (--no-fetch)", offline.Out);
        Assert.Equal(Branch, repo.CurrentBranch);
    }

    [Fact]
    public void A_local_branch_for_the_same_incident_is_refused()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("branch", "hotfix/INC-2026-0042-other-try");
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("INC-2026-0042 already has a branch: hotfix/INC-2026-0042-other-try; continue on it (git switch hotfix/INC-2026-0042-other-try)", result.Error);
        Assert.Equal("main", repo.CurrentBranch);
    }

    [Fact]
    public void A_remote_branch_for_the_same_incident_is_found_by_the_fetch_and_refused()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        var colleague = repo.CloneOrigin();
        GitCli.Run(colleague, "switch", "--quiet", "-c", "hotfix/INC-2026-0042-colleague");
        HotfixRepositories.CommitIn(colleague, "Colleague's fix", "fix.txt", "x\n");
        GitCli.Run(colleague, "push", "--quiet", "origin", "hotfix/INC-2026-0042-colleague");

        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("INC-2026-0042 already has a branch: origin/hotfix/INC-2026-0042-colleague; continue on it (git switch hotfix/INC-2026-0042-colleague)", result.Error);
        Assert.Equal(GitCli.Run(colleague, "rev-parse", "HEAD"), repo.Git("rev-parse", "origin/hotfix/INC-2026-0042-colleague"));
    }

    [Fact]
    public void An_earlier_hotfix_for_the_incident_on_main_is_reported()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Commit("Fix totals (INC-2026-0042)", ("src/orders.txt", HotfixRepositories.OrdersWith("total", "total-fixed")));
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"hotfix: warning: INC-2026-0042 already has a hotfix on main: {repo.Git("rev-parse", "--short=7", "main")} 'Fix totals (INC-2026-0042)'", result.Error);
    }

    [Fact]
    public void A_detached_head_does_not_matter_the_branch_comes_from_main()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("checkout", "--quiet", "--detach", "develop");
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Branch, repo.CurrentBranch);
        Assert.Equal(repo.Git("rev-parse", "main"), repo.Head);
    }

    [Fact]
    public void The_policy_names_the_branches()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("branch", "-m", "main", "production");
        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), """{ "branches": { "main": "production", "prefix": "fix/" } }""");
        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("fix/INC-2026-0042-fix-rounding", repo.CurrentBranch);
        Assert.Equal(repo.Git("rev-parse", "production"), repo.Head);
    }
}
