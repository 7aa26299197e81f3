using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// <c>hotfix finish</c> in a repository whose .gitattributes gives CHANGELOG.md a merge driver (the common
/// <c>CHANGELOG.md merge=ours</c> with <c>git config merge.ours.driver true</c>): git runs the driver, finish does not.
/// </summary>
public class FinishMergeDriverTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";

    /// <summary>main + develop sharing CHANGELOG.md (merge=ours, driver configured); the hotfix edits it and orders.txt.</summary>
    private static TestRepository WithChangelogDriver(bool developEditsChangelog)
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Commit("Changelog", ("CHANGELOG.md", "# Changelog\n\n## 1.0\n"), (".gitattributes", "CHANGELOG.md merge=ours\n"));
        repo.Git("config", "merge.ours.driver", "true");
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Sync main", "main");
        if (developEditsChangelog)
        {
            repo.Commit("Develop's changelog", ("CHANGELOG.md", "# Changelog\n\n## 1.1 (unreleased)\n\n## 1.0\n"));
        }

        repo.Switch("main");
        repo.Switch(Branch, create: true);
        repo.Commit(
            "Round half to even",
            ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")),
            ("CHANGELOG.md", "# Changelog\n\n## 1.0.1\n\n- rounding\n\n## 1.0\n"));
        return repo;
    }

    [Fact]
    public void A_path_git_would_merge_with_a_configured_driver_refuses_before_any_write_and_names_it()
    {
        using var repo = WithChangelogDriver(developEditsChangelog: true);
        var hotfix = repo.Head;
        var before = repo.RefsAndHead();
        var index = repo.Git("ls-files", "--stage");

        foreach (var arguments in new[] { new[] { "finish", "--dry-run" }, ["finish"] })
        {
            var result = HotfixCli.Run(repo, arguments);
            Assert.True(result.ExitCode == 3, result.ToString());
            Assert.Contains("  into develop: CHANGELOG.md (merge=ours: merge.ours.driver = true)", result.Error);
            Assert.DoesNotContain("into main:", result.Error);
            Assert.Contains($"git checkout develop && git merge --no-ff {Branch}", result.Error);
            Assert.Contains("State: nothing was changed", result.Error);
            Assert.Equal(before, repo.RefsAndHead());
            Assert.Equal(index, repo.Git("ls-files", "--stage"));
            Assert.Equal(string.Empty, repo.Status());
        }

        // The advised commands: git runs the driver (develop keeps its changelog), and a rerun completes the rest.
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Back-merge INC-2026-0042", Branch);
        var byHand = repo.Git("rev-parse", "develop");
        repo.Switch(Branch);
        var rerun = HotfixCli.Run(repo, "finish");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(byHand, repo.Git("rev-parse", "develop"));
        Assert.DoesNotContain("1.0.1", repo.Git("show", "develop:CHANGELOG.md"));
        Assert.Equal(hotfix, repo.Git("rev-parse", "main^2"));
    }

    [Fact]
    public void The_same_driver_on_a_path_the_target_did_not_change_needs_no_driver_and_finish_merges_as_git_does()
    {
        using var repo = WithChangelogDriver(developEditsChangelog: false);
        var hotfix = repo.Head;
        using var scratch = new TempDirectory();
        var clone = scratch.Combine("clone");
        GitCli.Run(scratch.Path, "clone", "--quiet", "--no-local", "--branch", "develop", repo.Path, clone);
        GitCli.Run(clone, "config", "merge.ours.driver", "true");
        GitCli.Run(clone, "merge", "--quiet", "--no-ff", "-m", "Back-merge", "origin/" + Branch);

        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(GitCli.Run(clone, "rev-parse", "HEAD^{tree}"), repo.Git("rev-parse", "develop^{tree}"));
        Assert.Equal(hotfix, repo.Git("rev-parse", "develop^2"));
    }

    /// <summary>git's tree for merging the hotfix into <paramref name="target"/> with the driver configured; null on a conflict.</summary>
    private static string? GitMerges(TestRepository repo, string target)
    {
        using var scratch = new TempDirectory();
        var clone = scratch.Combine("clone");
        GitCli.Run(scratch.Path, "clone", "--quiet", "--no-local", "--branch", target, repo.Path, clone);
        GitCli.Run(clone, "config", "merge.ours.driver", "true");
        var merged = GitCli.Try(clone, "merge", "--quiet", "--no-ff", "-m", "Back-merge", "origin/" + Branch);
        return merged.ExitCode == 0 ? GitCli.Run(clone, "rev-parse", "HEAD^{tree}") : null;
    }

    [Fact]
    public void A_driver_the_hotfix_removes_from_gitattributes_still_stops_the_back_merge_where_git_runs_develop_s()
    {
        using var repo = WithChangelogDriver(developEditsChangelog: true);
        repo.Commit("No merge driver", (".gitattributes", "# none\n"));
        Assert.NotNull(GitMerges(repo, "develop"));
        var before = repo.RefsAndHead();

        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("  into develop: CHANGELOG.md (merge=ours: merge.ours.driver = true)", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
    }

    [Fact]
    public void A_driver_the_hotfix_adds_to_gitattributes_is_not_used_by_git_and_finish_merges_as_git_does()
    {
        var repo = HotfixRepositories.MainAndDevelop();
        using var _ = repo;
        repo.Commit("Changelog", ("CHANGELOG.md", "# Changelog\n\n## 1.0\n\n- first\n"));
        repo.Git("config", "merge.ours.driver", "true");
        repo.Switch("develop");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Sync main", "main");
        repo.Commit("Develop's changelog", ("CHANGELOG.md", "# Changelog\n\n## 1.0\n\n- first\n- second\n"));
        repo.Switch("main");
        repo.Switch(Branch, create: true);
        repo.Commit(
            "Round half to even",
            ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")),
            ("CHANGELOG.md", "# Changelog\n\n## 1.0.1\n\n- rounding\n\n## 1.0\n\n- first\n"),
            (".gitattributes", "CHANGELOG.md merge=ours\n"));
        var hotfix = repo.Head;
        var gitTree = GitMerges(repo, "develop");
        Assert.NotNull(gitTree);

        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(gitTree, repo.Git("rev-parse", "develop^{tree}"));
        Assert.Equal(hotfix, repo.Git("rev-parse", "develop^2"));
    }

    [Fact]
    public void A_gitattributes_of_the_target_whose_blob_is_missing_stops_with_exit_3_before_any_write()
    {
        using var repo = WithChangelogDriver(developEditsChangelog: true);
        repo.Switch("develop");
        repo.Commit("Develop's attributes", (".gitattributes", "CHANGELOG.md merge=ours\n*.bin binary\n"));
        repo.Switch(Branch);
        var blob = repo.Git("rev-parse", "develop:.gitattributes");
        File.Delete(Path.Combine(repo.Path, ".git", "objects", blob[..2], blob[2..]));
        var before = repo.RefsAndHead();

        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("cannot be read to find the merge driver git would use for CHANGELOG.md", result.Error);
        Assert.Contains("State: nothing was changed", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
    }
}
