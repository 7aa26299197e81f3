using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// start, finish, audit and the history rules through the published native AOT binary. LibGit2Sharp misbehaves under
/// AOT in places (git_buf results come back empty, diff line callbacks crash), so every git capability the workflow
/// uses — fetch, upstream config, in-memory merges, checkout, ref updates, patch ids, shallow detection — runs here.
/// </summary>
public class WorkflowNativeBinaryTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";

    [NativeBinaryFact]
    public void Start_commit_finish_audit_cycle()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        var colleague = repo.CloneOrigin();
        GitCli.Run(colleague, "push", "--quiet", "origin", "main:hotfix/INC-2026-0050-other");

        var start = NativeBinary.Run(repo.Path, "start", "INC-2026-0042", "fix-rounding");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal(Branch, repo.CurrentBranch);
        Assert.Equal(repo.Git("rev-parse", "main"), repo.Head);
        // The fetch ran (LibGit2Sharp, the repository's remote configuration): the colleague's branch is now known.
        Assert.Equal(repo.Git("rev-parse", "main"), repo.Git("rev-parse", "origin/hotfix/INC-2026-0050-other"));

        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var hotfix = repo.Head;
        var main = repo.Git("rev-parse", "main");
        var develop = repo.Git("rev-parse", "develop");

        var check = NativeBinary.Run(repo.Path, "check", "--format", "json");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal(repo.Git("merge-base", "HEAD", "main"), JsonDocument.Parse(check.StandardOutput).RootElement.GetProperty("branch").GetProperty("baseCommit").GetString());

        var dry = NativeBinary.Run(repo.Path, "finish", "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains($"$ git branch -d {Branch}", dry.StandardOutput);
        Assert.Equal(hotfix, repo.Head);

        var finish = NativeBinary.Run(repo.Path, "finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        Assert.Equal($"{repo.Git("rev-parse", "main")} {main} {hotfix}", repo.Git("rev-list", "--parents", "-n", "1", "main"));
        Assert.Equal($"{repo.Git("rev-parse", "develop")} {develop} {hotfix}", repo.Git("rev-list", "--parents", "-n", "1", "develop"));
        // LibGit2Sharp's message prettifying returns an empty message under AOT; the adapter cleans messages itself.
        Assert.Equal($"Merge branch '{Branch}' into main\n\nHotfix INC-2026-0042 merged into production (main) by hotfix finish.\n\nIncident: INC-2026-0042", repo.Git("log", "-1", "--format=%B", "main").TrimEnd());
        Assert.Equal($"Merge branch '{Branch}' into develop", repo.Git("log", "-1", "--format=%s", "develop"));
        Assert.Equal("develop", repo.Git("symbolic-ref", "--short", "HEAD"));
        Assert.Equal(string.Empty, repo.Status());
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "--quiet", "refs/heads/" + Branch).ExitCode);
        Assert.Contains("$ git push origin main develop", finish.StandardOutput);

        var audit = NativeBinary.Run(repo.Path, "audit", "--format", "json");
        Assert.True(audit.ExitCode == 0, audit.ToString());
        var found = JsonDocument.Parse(audit.StandardOutput).RootElement.GetProperty("audit").GetProperty("hotfixes")[0];
        Assert.Equal("INC-2026-0042", found.GetProperty("incidentId").GetString());
        Assert.Equal("ancestry", found.GetProperty("backMerge").GetString());
    }

    [NativeBinaryFact]
    public void Finish_with_a_develop_conflict_changes_nothing()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Commit("Develop changed the same line", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-bankers")));
        repo.Switch(Branch, create: true);
        repo.Git("reset", "--quiet", "--hard", "main");
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var before = repo.RefsAndHead();
        var result = NativeBinary.Run(repo.Path, "finish");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("  into develop: src/orders.txt", result.StandardError);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal(string.Empty, repo.Status());
    }

    [NativeBinaryFact]
    public void Patch_ids_work_in_the_binary_for_check_and_audit()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var squash = repo.Commit("Round half to even (INC-2026-0043)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("develop");
        repo.Git("cherry-pick", "-x", squash);
        var audit = NativeBinary.Run(repo.Path, "audit", "--format", "json");
        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Equal("patchId", JsonDocument.Parse(audit.StandardOutput).RootElement.GetProperty("audit").GetProperty("hotfixes")[0].GetProperty("backMerge").GetString());

        repo.Switch("main");
        repo.Switch(Branch, create: true);
        repo.Git("cherry-pick", "develop~1");
        var check = NativeBinary.Run(repo.Path, "check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("repeats develop-only commit", check.StandardOutput);
    }

    [NativeBinaryFact]
    public void A_shallow_clone_is_detected_in_the_binary()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        using var clones = new TempDirectory();
        var clone = clones.Combine("ci");
        GitCli.Run(clones.Path, "clone", "--quiet", "--depth", "1", "--no-single-branch", "--branch", Branch, "file://" + repo.Path, clone);
        var result = NativeBinary.Run(clone, "check");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("HF0105", result.StandardOutput);
        Assert.Contains("unknown whether the branch was created from origin/main", result.StandardOutput);
    }

    [NativeBinaryFact]
    public void Start_with_an_unreachable_remote_stops()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        Directory.Move(repo.OriginPath(), repo.OriginPath() + ".gone");
        var result = NativeBinary.Run(repo.Path, "start", "INC-2026-0042", "fix-rounding");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot fetch 'origin'", result.StandardError);
        Assert.Equal("main", repo.CurrentBranch);
    }
}
