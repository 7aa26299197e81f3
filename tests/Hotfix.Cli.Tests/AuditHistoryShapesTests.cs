using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix audit</c> on the shapes main's history takes in real teams, each cross-checked with git's own answer.</summary>
public class AuditHistoryShapesTests
{
    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Out).RootElement;

    private static IEnumerable<JsonElement> Hotfixes(CliResult result) =>
        Json(result).GetProperty("audit").GetProperty("hotfixes").EnumerateArray();

    /// <summary>
    /// A colleague pushed a squashed hotfix to main; another person, with a commit of their own on main, pulled (merging)
    /// and pushed: main's first parent is their line, the hotfix sits behind "Merge branch 'main' of …".
    /// </summary>
    private static string HotfixBehindAPullMerge(TestRepository repo, string subject, string ownSubject = "Update the runbook link")
    {
        repo.Git("branch", "laptop", "main");
        var hotfix = repo.Commit(subject, ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("laptop");
        repo.Commit(ownSubject, ("docs/runbook-link.txt", "https://wiki/runbook\n"));
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge branch 'main' of github.com:org/shop", "main");
        repo.Switch("main");
        repo.Git("reset", "--quiet", "--hard", "laptop");
        Assert.NotEqual(hotfix, repo.Git("rev-parse", "main^1~1"));
        return hotfix;
    }

    [Fact]
    public void A_hotfix_that_reached_main_through_a_pull_merge_is_audited()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var hotfix = HotfixBehindAPullMerge(repo, "Round half to even (INC-2026-0048) (#14)");
        // git's answer: main has the change and develop has no equal patch.
        Assert.Contains($"+ {hotfix}", repo.Git("cherry", "develop", "main"));

        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var found = Assert.Single(Hotfixes(result));
        Assert.Equal("INC-2026-0048", found.GetProperty("incidentId").GetString());
        Assert.Equal(hotfix, found.GetProperty("mainCommit").GetString());
        Assert.Equal("missing", found.GetProperty("backMerge").GetString());
        Assert.Contains($"git checkout develop && git cherry-pick -x {hotfix[..7]}", Json(result).GetProperty("findings")[0].GetProperty("message").GetString());

        // The twin: once develop has it, git and the audit agree that nothing is missing.
        repo.Switch("develop");
        repo.Git("cherry-pick", "-x", hotfix);
        Assert.StartsWith("- ", repo.Git("cherry", "develop", hotfix));
        var after = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal("patchId", Assert.Single(Hotfixes(after)).GetProperty("backMerge").GetString());
    }

    [Fact]
    public void Commits_of_one_incident_on_both_sides_of_a_pull_merge_are_two_hotfixes_not_one_rebase()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        // The one who pulled had a commit of the same incident: two hotfixes, not one two-commit rebase.
        var pulled = HotfixBehindAPullMerge(repo, "Round half to even (INC-2026-0049)", "Link the runbook (INC-2026-0049)");
        var own = repo.Git("rev-parse", "main^1");

        var result = HotfixCli.Run(repo, "audit", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var found = Hotfixes(result).ToList();
        Assert.Equal([pulled, own], found.Select(h => h.GetProperty("mainCommit").GetString()));
        Assert.All(found, h => Assert.Equal("squash", h.GetProperty("landing").GetString()));
    }

    [Fact]
    public void Dates_are_shown_in_UTC_as_since_reads_them_so_a_hotfix_late_at_night_in_Berlin_is_on_the_day_since_uses()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Commit("Round half to even (INC-2026-0050)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        var env = new Dictionary<string, string?>(GitCli.Environment)
        {
            ["GIT_AUTHOR_DATE"] = "2026-03-01T01:00:00+02:00",
            ["GIT_COMMITTER_DATE"] = "2026-03-01T01:00:00+02:00",
        };
        Assert.Equal(0, ProcessRunner.Run("git", ["commit", "--quiet", "--amend", "--no-edit"], repo.Path, env).ExitCode);
        var utc = new Dictionary<string, string?>(GitCli.Environment) { ["TZ"] = "UTC" };
        // git's answer in UTC: made on 28 February, and not since 1 March.
        Assert.Equal("2026-02-28", ProcessRunner.Run("git", ["log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d"], repo.Path, utc).StandardOutput.Trim());
        Assert.Equal(string.Empty, ProcessRunner.Run("git", ["log", "--since=2026-03-01 00:00:00 +0000", "--format=%H", "main"], repo.Path, utc).StandardOutput.Trim());

        var all = HotfixCli.Run(repo, "audit");
        Assert.Equal(1, all.ExitCode);
        Assert.Contains("(landed on main as ", all.Out);
        Assert.Contains(" on 2026-02-28) never reached develop", all.Out);
        Assert.Contains("  2026-02-28  ", all.Out);
        Assert.DoesNotContain("2026-03-01", all.Out);
        Assert.Equal(0, HotfixCli.Run(repo, "audit", "--since", "2026-03-01").ExitCode);
        Assert.Equal(1, HotfixCli.Run(repo, "audit", "--since", "2026-02-28").ExitCode);

        // A start with a time is shown with its time, in UTC, not cut to a day that says something else.
        var late = HotfixCli.Run(repo, "audit", "--since", "2026-02-28T23:30:00+02:00");
        Assert.Equal(1, late.ExitCode);
        Assert.Contains("Since:             2026-02-28 21:30:00 UTC", late.Out);
    }

    [Fact]
    public void A_partial_clone_without_the_file_contents_says_how_to_fetch_them_and_then_audits()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var squash = repo.Commit("Round half to even (INC-2026-0051)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Git("config", "uploadpack.allowFilter", "true");
        using var clones = new TempDirectory();
        var clone = clones.Combine("ci");
        GitCli.Run(clones.Path, "clone", "--quiet", "--filter=blob:none", "--no-local", "file://" + repo.Path, clone);
        // git's own view: contents of main's history are left on the server.
        Assert.Contains("\n?", "\n" + GitCli.Run(clone, "rev-list", "--objects", "--missing=print", "origin/main"));

        var partial = HotfixCli.Run(clone, "audit");
        Assert.True(partial.ExitCode == 2, partial.ToString());
        Assert.Contains("this clone is partial (--filter=blob:none from remote 'origin')", partial.Error);
        Assert.Contains("'git config --unset remote.origin.partialclonefilter && git fetch --refetch origin'", partial.Error);
        Assert.DoesNotContain("internal error", partial.Error);

        // Following the advice gives the answer a full clone gives.
        GitCli.Run(clone, "config", "--unset", "remote.origin.partialclonefilter");
        GitCli.Run(clone, "fetch", "--quiet", "--refetch", "origin");
        var full = HotfixCli.Run(clone, "audit", "--format", "json");
        Assert.Equal(1, full.ExitCode);
        var found = Assert.Single(Hotfixes(full));
        Assert.Equal(squash, found.GetProperty("mainCommit").GetString());
        Assert.Equal("missing", found.GetProperty("backMerge").GetString());
    }
}
