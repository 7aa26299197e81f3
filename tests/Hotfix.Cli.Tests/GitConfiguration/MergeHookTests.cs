using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.GitConfiguration;

/// <summary>
/// git merge --no-ff runs pre-merge-commit, prepare-commit-msg, commit-msg and post-merge; finish (libgit2) runs none.
/// So finish refuses, changing nothing, where such a hook exists, and merges without them only with --no-verify.
/// </summary>
public class MergeHookTests
{
    private const string Branch = "hotfix/INC-2026-0206-fix-hooks";

    private static TestRepository WithHotfix()
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        return repo;
    }

    /// <summary>A hook that logs that it ran and rejects every merge, as a ticket-trailer hook would this one.</summary>
    private static string Hook(TestRepository repo, string folder, string name, bool executable = true)
    {
        var log = Path.Combine(repo.Path, "..", "hooks.log");
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(path, $"#!/bin/sh\necho {name} >> '{log}'\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, executable ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return log;
    }

    [Fact]
    public void Merge_hooks_stop_finish_before_anything_moves_and_the_plan_says_so()
    {
        using var repo = WithHotfix();
        var hooks = Path.Combine(repo.Path, ".git", "hooks");
        var log = Hook(repo, hooks, "pre-merge-commit");
        Hook(repo, hooks, "commit-msg");
        var before = repo.RefsAndHead();

        var plan = HotfixCli.Run(repo, "finish", "--dry-run");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("refuse: git merge would run the merge hooks .git/hooks/pre-merge-commit, .git/hooks/commit-msg", plan.Out);

        var result = HotfixCli.Run(repo, "finish");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("merge hooks (.git/hooks/pre-merge-commit, .git/hooks/commit-msg)", result.Error);
        Assert.Contains("--no-verify", result.Error);
        Assert.Contains("nothing was changed", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal(string.Empty, repo.Status());
        Assert.False(File.Exists(log));
    }

    [Fact]
    public void With_no_verify_finish_merges_without_the_hooks_and_says_they_were_skipped()
    {
        using var repo = WithHotfix();
        repo.Git("config", "core.hooksPath", "ci/hooks");
        var log = Hook(repo, Path.Combine(repo.Path, "ci", "hooks"), "commit-msg");
        repo.Git("add", "ci");
        repo.Git("commit", "--quiet", "--no-verify", "-m", "Shared hooks");

        var plan = HotfixCli.Run(repo, "finish", "--dry-run", "--no-verify");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("skip the merge hooks git would run (ci/hooks/commit-msg): --no-verify", plan.Out);

        var result = HotfixCli.Run(repo, "finish", "--no-verify");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--no-verify: the merge hooks git would run (ci/hooks/commit-msg) are skipped", result.Error);
        Assert.Equal(repo.Git("rev-parse", "main^2"), repo.Git("rev-parse", "develop^2"));
        Assert.False(File.Exists(log));
    }

    [Fact]
    public void A_hook_file_git_would_not_run_does_not_stop_finish()
    {
        using var repo = WithHotfix();
        var hooks = Path.Combine(repo.Path, ".git", "hooks");
        Hook(repo, hooks, "commit-msg", executable: false);
        Hook(repo, hooks, "pre-commit");

        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("hook", result.Error);
    }
}
