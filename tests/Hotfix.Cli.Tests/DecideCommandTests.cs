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

    /// <summary>
    /// A policy test command keeps "{feature}" until hotfix test fills it: pasted as printed it greps for a name no test
    /// has, and mocha reports 0 passing and exits 0. The next steps give the recorded form, which refuses without
    /// --feature; without a policy command, the runbook's RUN line with the placeholder outside quotes.
    /// </summary>
    [Fact]
    public void The_mandatory_tests_step_gives_commands_that_cannot_pass_without_a_feature()
    {
        using var repo = TestRepository.Create();
        string[] args = ["decide", "--root-cause", "known", "--impact", "ongoing", "--fix-eta", "15", "--format", "json"];
        var withoutPolicy = Tests(CliRun.Run(repo.Path, args));
        Assert.StartsWith("Run the mandatory tests (smoke, regression, integration): policy tests.commands has no command for smoke, regression, integration", withoutPolicy.Text);
        Assert.Equal(["npm run test -- --grep <feature> --bail", "npm run test:integration -- --grep <feature>"], withoutPolicy.Commands);

        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), """
            { "tests": { "commands": { "smoke": "npm run test -- --grep \"{feature}\" --bail", "regression": ["npm", "run", "reg"], "integration": "npm run test:integration -- --grep \"{feature}\"" } },
              "environments": [ { "name": "dev" }, { "name": "staging", "productionLike": true } ] }
            """);
        var withPolicy = Tests(CliRun.Run(repo.Path, args));
        Assert.Equal("Run the mandatory tests (smoke, regression, integration):", withPolicy.Text);
        Assert.Equal(
            ["hotfix test smoke --feature <feature> --env staging", "hotfix test regression --env staging", "hotfix test integration --feature <feature> --env staging"],
            withPolicy.Commands);
        Assert.DoesNotContain("{feature}", CliRun.Run(repo.Path, args[..^2]).Out);
    }

    [Fact]
    public void The_rollback_is_documented_with_a_note_not_by_showing_the_record()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "decide", "--root-cause", "unknown", "--impact", "ongoing");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("$ hotfix record INC-YYYY-NNNN --note \"rolled back: <reason>; verified: <what was checked>\"\n", result.Out);
    }

    /// <summary>test --timeout takes 10m; decide's minutes take the same duration forms, and plain numbers stay minutes.</summary>
    [Theory]
    [InlineData("--fix-eta", "20m", "20")]
    [InlineData("--incident-age", "90m", "90")]
    [InlineData("--incident-age", "1h30m", "90")]
    [InlineData("--fix-eta", "1h", "60")]
    public void Minutes_take_the_duration_forms_test_timeout_takes(string option, string duration, string minutes)
    {
        using var dir = new TempDirectory();
        string[] args = ["decide", "--root-cause", "known", "--impact", "ongoing", "--fix-in-sight", "no", "--format", "json"];
        var written = CliRun.Run(dir.Path, [.. args, option, duration]);
        var plain = CliRun.Run(dir.Path, [.. args, option, minutes]);
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(plain.Out, written.Out);
    }

    private static (string Text, List<string?> Commands) Tests(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var step = JsonDocument.Parse(result.Out).RootElement.GetProperty("nextSteps").EnumerateArray()
            .Single(s => s.GetProperty("text").GetString()!.StartsWith("Run the mandatory tests", StringComparison.Ordinal));
        return (step.GetProperty("text").GetString()!, step.GetProperty("commands").EnumerateArray().Select(c => c.GetString()).ToList());
    }

    [Theory]
    [InlineData("--impact ongoing", "--root-cause: missing; expected known or unknown")]
    [InlineData("--root-cause maybe --impact ongoing", "--root-cause 'maybe': expected known or unknown")]
    [InlineData("--root-cause known --impact ongoing --fix-eta soon", "--fix-eta 'soon': expected a whole number of minutes")]
    [InlineData("--root-cause known --impact ongoing --fix-eta 1m30s", "--fix-eta '1m30s': expected a whole number of minutes (0 or more), or a duration in whole minutes such as 90m or 1h30m")]
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
