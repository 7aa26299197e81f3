using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

public class DecideCommandTests
{
    private static readonly Dictionary<string, string> Sandro = new() { ["HOTFIX_USER"] = "sandro" };

    [Fact]
    public void Never_lose_data_wins_and_the_losing_rule_is_explained()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--rollback-loses-data");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Decision: forward-fix", result.Out);
        Assert.Contains("Rule:     rollback-loses-data (precedence 1)", result.Out);
        Assert.Contains("unknown-root-cause-ongoing-impact → rollback: root cause unknown and impact ongoing; lost to rollback-loses-data", result.Out);
        Assert.Contains("Do not roll back: a rollback would lose data (never lose data).", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Json_has_the_decision_the_rule_every_match_and_the_next_steps()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--migrations-applied",
            "--services-affected", "3", "--culprit", "unknown", "--incident-age", "75", "--fix-in-sight", "no", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("rollback-all", json.GetProperty("decision").GetString());
        Assert.Equal("multiple-services-unclear-culprit", json.GetProperty("rule").GetString());
        Assert.Equal("runbook", json.GetProperty("source").GetString());
        var matched = json.GetProperty("matched").EnumerateArray().ToList();
        Assert.Equal(
            ["multiple-services-unclear-culprit", "migrations-applied", "unknown-root-cause-ongoing-impact", "active-over-an-hour-no-fix-in-sight"],
            matched.Select(m => m.GetProperty("rule").GetString()));
        Assert.All(matched, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("why").GetString())));
        Assert.Equal("forward-fix", matched[1].GetProperty("decision").GetString());
        Assert.StartsWith("lost to multiple-services-unclear-culprit", matched[1].GetProperty("lostBecause").GetString());
        var steps = json.GetProperty("nextSteps").EnumerateArray().ToList();
        Assert.Contains(steps, s => s.GetProperty("text").GetString()!.StartsWith("Roll back every recent deploy", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.GetProperty("text").GetString()!.StartsWith("Migrations are applied", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.GetProperty("commands").EnumerateArray().Any(c => c.GetString() == "kubectl rollout undo deployment/<name> -n <namespace>"));
    }

    [Fact]
    public void Where_the_runbook_is_silent_the_policy_file_decides_and_the_answer_says_so()
    {
        using var repo = TestRepository.Create();
        string[] args = ["decide", "--root-cause", "known", "--impact", "ongoing", "--fix-eta", "45", "--format", "json"];
        var byDefault = JsonDocument.Parse(CliRun.Run(repo.Path, args).Out).RootElement;
        Assert.Equal(("rollback", "policy-default", "decisions.whenRunbookSilent.ongoingImpact"),
            (byDefault.GetProperty("decision").GetString(), byDefault.GetProperty("source").GetString(), byDefault.GetProperty("basis").GetString()));

        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), """{ "decisions": { "whenRunbookSilent": { "ongoingImpact": "forward-fix" } } }""");
        var fromPolicy = CliRun.Run(Path.Combine(repo.Path), args);
        Assert.Equal("forward-fix", JsonDocument.Parse(fromPolicy.Out).RootElement.GetProperty("decision").GetString());

        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), """{ "decisions": { "whenRunbookSilent": { "ongoingImpact": "wait" } } }""");
        // An emergency command is never blocked by a broken policy: the runbook's default decides, the problem is named.
        var bad = CliRun.Run(repo.Path, args);
        Assert.True(bad.ExitCode == 0, bad.ToString());
        Assert.Equal("rollback", JsonDocument.Parse(bad.Out).RootElement.GetProperty("decision").GetString());
        Assert.Contains("POLICY IGNORED", bad.Error);
        Assert.Contains("$.decisions.whenRunbookSilent.ongoingImpact: found \"wait\"; expected one of rollback, rollback-all, forward-fix", bad.Error);
    }

    [Theory]
    [InlineData("--impact ongoing", "--root-cause: missing; expected known or unknown")]
    [InlineData("--root-cause maybe --impact ongoing", "--root-cause 'maybe': expected known or unknown")]
    [InlineData("--root-cause known --impact ongoing --fix-eta soon", "--fix-eta 'soon': expected a whole number of minutes")]
    [InlineData("--root-cause known --impact ongoing --services-affected 3", "--culprit: missing with 3 services affected; expected known or unknown")]
    [InlineData("--root-cause known --impact ongoing --services-affected 0", "--services-affected: 0 is out of range; expected a count from 1 to 10000")]
    [InlineData("--root-cause known --impact ongoing --fix-in-sight maybe", "--fix-in-sight 'maybe': expected yes or no")]
    [InlineData("--root-cause known --impact ongoing --incident INC-42", "--incident 'INC-42': not an incident id; expected INC-YYYY-NNNN")]
    public void Bad_input_exits_2_naming_the_flag_and_the_expected_form(string args, string message)
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, ["decide", .. args.Split(' ')]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"hotfix: error: {message}", result.Error.Trim().Split('\n')[0][..($"hotfix: error: {message}".Length)]);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void With_an_incident_the_decision_goes_to_the_repositorys_record_from_any_subfolder()
    {
        using var repo = TestRepository.Create();
        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), """{ "records": { "folder": "ops/incidents" } }""");
        Directory.CreateDirectory(Path.Combine(repo.Path, "src"));
        var result = CliRun.Run(Path.Combine(repo.Path, "src"), Sandro, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--incident", "INC-2026-0042");
        Assert.True(result.ExitCode == 0, result.ToString());
        // Inside a repository the record is in its git database whatever records.folder says; nothing lands in the tree.
        Assert.Contains($"decision recorded in refs/hotfix/incidents/INC-2026-0042 in {Path.Combine(repo.Path, ".git")}", result.Error);
        Assert.False(Directory.Exists(Path.Combine(repo.Path, "ops")));
        Assert.Equal("?? hotfix.json", repo.Git("status", "--porcelain", "--untracked-files=all"));
        var line = JsonDocument.Parse(repo.Git("show", "refs/hotfix/incidents/INC-2026-0042:events/" + repo.Git("ls-tree", "--name-only", "refs/hotfix/incidents/INC-2026-0042:events"))).RootElement;
        Assert.Equal("decision", line.GetProperty("kind").GetString());
        Assert.Equal("sandro", line.GetProperty("by").GetString());
        Assert.Equal("rollback", line.GetProperty("outcome").GetString());
        Assert.Equal("unknown-root-cause-ongoing-impact", line.GetProperty("details").GetProperty("rule").GetString());
    }
}
