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
}
