using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// What the recorded runs and the incident status change elsewhere: check's required tests, the checklist's ticks,
/// finish's warning about testing only in dev, and the status in the timeline.
/// </summary>
public class TestEvidenceCommandTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";
    private static readonly Dictionary<string, string> Sandro = new() { ["HOTFIX_USER"] = "sandro" };

    private const string Policy = """
        {
          "tests": { "commands": { "smoke": ["true"], "regression": ["false"] } },
          "environments": [ { "name": "dev" }, { "name": "staging", "productionLike": true } ]
        }
        """;

    /// <summary>main + develop with the policy on both, and the hotfix branch with one fix; HEAD on the hotfix branch.</summary>
    private static TestRepository WithHotfix()
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Commit("Policy", ("hotfix.json", Policy));
        repo.Git("checkout", "--quiet", "develop");
        repo.Git("merge", "--quiet", "--no-edit", "main");
        repo.Git("checkout", "--quiet", "main");
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        return repo;
    }

    private static CliResult Run(TestRepository repo, params string[] args) => CliRun.Run(repo.Path, HotfixCli.Identity.Concat(Sandro).ToDictionary(), args);

    [Fact]
    public void Check_shows_which_suites_have_a_recorded_pass_for_the_incident()
    {
        using var repo = WithHotfix();
        Assert.Equal(0, Run(repo, "test", "smoke", "--env", "staging").ExitCode);
        Assert.Equal(1, Run(repo, "test", "regression", "--env", "staging").ExitCode);

        var json = JsonDocument.Parse(Run(repo, "check", "--format", "json").Out).RootElement;
        var tests = json.GetProperty("requiredTests").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("recorded"));
        Assert.True(tests["smoke"].GetProperty("passed").GetBoolean());
        Assert.Equal("staging", tests["smoke"].GetProperty("runs")[0].GetProperty("environment").GetString());
        Assert.False(tests["regression"].GetProperty("passed").GetBoolean());
        Assert.Equal(1, tests["regression"].GetProperty("runs")[0].GetProperty("exitCode").GetInt32());
        Assert.Empty(tests["integration"].GetProperty("runs").EnumerateArray());

        var text = Run(repo, "check").Out;
        Assert.Contains("recorded: passed in staging", text);
        Assert.Contains("no run recorded (hotfix test integration)", text);
    }

    [Fact]
    public void Testing_only_in_dev_is_said_by_check_checklist_and_finish_and_never_blocks()
    {
        using var repo = WithHotfix();
        Assert.Equal(0, Run(repo, "test", "smoke", "--env", "dev").ExitCode);

        Assert.Contains("ANTI_PATTERN: testing only in dev environment", Run(repo, "check").Out);
        var checklist = Run(repo, "checklist", "pre", "--no-cluster");
        Assert.True(checklist.ExitCode == 0, checklist.ToString());
        Assert.Contains("passed in dev (exit 0", checklist.Out);
        Assert.Contains("ANTI_PATTERN: testing only in dev environment: passed only outside staging", checklist.Out);

        var finish = Run(repo, "finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        Assert.Contains("hotfix: warning: ANTI_PATTERN: testing only in dev environment: the mandatory suites passed only outside a production-like environment: smoke (dev)", finish.Error);
    }

    [Fact]
    public void Finish_says_nothing_once_the_suites_passed_in_staging()
    {
        using var repo = WithHotfix();
        Assert.Equal(0, Run(repo, "test", "smoke", "--env", "dev").ExitCode);
        Assert.Equal(0, Run(repo, "test", "smoke", "--env", "staging").ExitCode);
        var finish = Run(repo, "finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        Assert.DoesNotContain("ANTI_PATTERN", finish.Error);
    }

    [Fact]
    public void The_status_is_recorded_with_who_and_when_and_shown_in_the_timeline_and_the_checklist()
    {
        using var repo = WithHotfix();
        var investigating = Run(repo, "record", "INC-2026-0042", "--status", "investigating");
        Assert.True(investigating.ExitCode == 0, investigating.ToString());
        Assert.Contains("hotfix: incident status: investigating — recorded in", investigating.Error);
        Assert.Equal(0, Run(repo, "record", "INC-2026-0042", "--status", "Mitigated", "--by", "mira").ExitCode);

        var timeline = JsonDocument.Parse(Run(repo, "record", "INC-2026-0042", "--format", "json").Out).RootElement.GetProperty("events");
        var last = timeline[timeline.GetArrayLength() - 1];
        Assert.Equal(("status", "mitigated", "mira"), (last.GetProperty("kind").GetString(), last.GetProperty("outcome").GetString(), last.GetProperty("by").GetString()));
        Assert.Equal("incident status: investigating → mitigated", last.GetProperty("summary").GetString());
        Assert.Contains("incident status: investigating → mitigated", Run(repo, "record", "INC-2026-0042").Out);

        var checklist = Run(repo, "checklist", "post", "--no-cluster", "--format", "json");
        Assert.True(checklist.ExitCode == 0, checklist.ToString());
        Assert.Contains("status mitigated", checklist.Out);
    }

    [Theory]
    [InlineData("fixed", "--status 'fixed': expected investigating or mitigated or monitoring or resolved")]
    public void A_status_that_is_not_one_of_the_four_is_bad_input(string status, string message)
    {
        using var dir = FileRecords.Workspace();
        var result = CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042", "--status", status);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"hotfix: error: {message}", result.Error);
        Assert.False(Directory.Exists(dir.Combine(".hotfix")));
    }

    [Fact]
    public void A_closed_incidents_status_no_longer_changes()
    {
        using var dir = FileRecords.Workspace();
        Directory.CreateDirectory(dir.Combine(".hotfix", "incidents"));
        File.WriteAllText(dir.Combine(".hotfix", "incidents", "INC-2026-0042.jsonl"),
            """{"schemaVersion":1,"incident":"INC-2026-0042","kind":"closed","at":"2026-03-25T11:00:00+01:00","by":"mira","summary":"incident closed"}""" + "\n");
        var result = CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042", "--status", "investigating");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("hotfix: refused: INC-2026-0042 was closed by mira", result.Error);
        Assert.Single(File.ReadAllLines(dir.Combine(".hotfix", "incidents", "INC-2026-0042.jsonl")));
    }
}
