using System.Text.Json;
using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

public class ReviewCommandTests
{
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 3, 24, 23, 30, 0, TimeSpan.FromHours(1)));
    private const string Ack = "I performed an expedited (not full) review of this hotfix.";

    private static TestRepository CompanyRepo()
    {
        var repo = TestRepository.Create();
        File.Copy(SourceTree.PathOf("samples", "policies", "hotfix.json"), Path.Combine(repo.Path, "hotfix.json"));
        return repo;
    }

    private static CliResult Run(string dir, params string[] args) => CliRun.Run(dir, null, Clock, null, args);

    [Fact]
    public void SEV1_prints_the_expedited_review_with_the_company_reviewers_and_the_due_date()
    {
        using var repo = CompanyRepo();
        var result = Run(repo.Path, "review", "--severity", "SEV1");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Reviewers:       1 — mira (incident-commander), sandro (senior-developer) or tobias (senior-developer)", result.Out);
        Assert.Contains("15 min max, review during PR creation", result.Out);
        Assert.Contains("(by 2026-03-31 for a review today)", result.Out);
        Assert.Contains($"\"{Ack}\"", result.Out);
    }

    [Fact]
    public void SEV3_gets_the_normal_process_in_json()
    {
        using var dir = new TempDirectory();
        var json = JsonDocument.Parse(Run(dir.Path, "review", "--severity", "SEV3", "--format", "json").Out).RootElement;
        Assert.Equal("normal", json.GetProperty("process").GetString());
        Assert.Equal(0, json.GetProperty("maySkip").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("followUp").ValueKind);
        Assert.Equal(5, json.GetProperty("mustCheck").GetArrayLength());
    }

    [Fact]
    public void A_record_that_breaks_the_runbook_exits_1_names_every_field_and_records_nothing()
    {
        using var repo = CompanyRepo();
        var result = Run(repo.Path, "review", "--severity", "SEV3", "--incident", "INC-2026-0042", "--reviewer", "bob",
            "--checked", "M1,M2,M3,M5", "--skipped", "S1");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("HF5001 checked: M4", result.Out);
        Assert.Contains("HF5002 skipped[0]: S1", result.Out);
        Assert.Contains("nothing was recorded", result.Error);
        Assert.False(Directory.Exists(Path.Combine(repo.Path, ".hotfix")));

        var json = JsonDocument.Parse(Run(repo.Path, "review", "--severity", "SEV1", "--reviewer", "mira", "--checked", "M1,M2,M3,M4,M5", "--format", "json").Out).RootElement;
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(["acknowledgement", "followUp"], json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()));
        Assert.Equal(["HF5003", "HF5004"], json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public void A_valid_expedited_review_is_recorded_and_shows_in_the_timeline()
    {
        using var repo = CompanyRepo();
        var result = Run(repo.Path, "review", "--severity", "SEV1", "--incident", "INC-2026-0042", "--reviewer", "sandro",
            "--checked", "M1,M2", "--checked", "M3,M4,M5", "--skipped", "Documentation updates", "--acknowledge", Ack,
            "--follow-up", "OPS-1234", "--follow-up-due", "2026-03-31");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Review record: valid", result.Out);
        var timeline = Run(repo.Path, "record", "INC-2026-0042");
        // The entry wraps under its column at 100 columns (no terminal in tests).
        Assert.Contains("SEV1 review by sandro: 5 checked, 1 skipped; follow-up\n", timeline.Out);
        Assert.Contains(new string(' ', 43) + "OPS-1234 due 2026-03-31\n", timeline.Out);
    }

    [Fact]
    public void A_review_record_file_is_validated_the_same_way()
    {
        using var repo = CompanyRepo();
        File.WriteAllText(Path.Combine(repo.Path, "review.json"), $$"""
            {
              // written by the review bot
              "severity": "SEV2",
              "reviewers": [ { "name": "tobias" } ],
              "when": "2026-03-24T22:00:00+01:00",
              "checked": ["M1", "M2", "M3", "M4", "M5"],
              "skipped": ["S2"],
              "acknowledgement": "{{Ack}}",
              "followUp": { "ticket": "OPS-9", "due": "2026-04-02" }
            }
            """);
        var late = Run(repo.Path, "review", "--record", "review.json");
        Assert.True(late.ExitCode == 1, late.ToString());
        Assert.Contains("HF5004 followUp.due: 2026-04-02 is 9 days after the review (2026-03-24)", late.Out);

        var mismatch = Run(repo.Path, "review", "--record", "review.json", "--severity", "SEV1");
        Assert.Equal(2, mismatch.ExitCode);
        Assert.Contains("--severity 'SEV1': the record 'review.json' says SEV2", mismatch.Error);

        File.WriteAllText(Path.Combine(repo.Path, "other.json"), """{ "incident": "INC-2026-0001", "severity": "SEV3", "reviewers": [ { "name": "bob" } ] }""");
        var otherIncident = Run(repo.Path, "review", "--record", "other.json", "--incident", "INC-2026-0042");
        Assert.Equal(2, otherIncident.ExitCode);
        Assert.Contains("--incident 'INC-2026-0042': the review record is for INC-2026-0001", otherIncident.Error);

        File.WriteAllText(Path.Combine(repo.Path, "review.json"), """{ "severity": "SEV2", "reviewer": "tobias" }""");
        var malformed = Run(repo.Path, "review", "--record", "review.json");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("--record 'review.json': not a review record", malformed.Error);
    }

    [Theory]
    [InlineData("review", "--severity SEV5", "--severity 'SEV5': expected one of SEV1, SEV2, SEV3, SEV4")]
    [InlineData("review", "--incident INC-2026-0042 --severity SEV1", "--incident: a review is recorded only with a reviewer")]
    [InlineData("review", "--severity SEV1 --reviewer mira --follow-up-due 31.03.2026", "--follow-up-due '31.03.2026': expected a date YYYY-MM-DD")]
    [InlineData("review", "--severity SEV1 --reviewer :role", "--reviewer ':role': expected NAME or NAME:ROLE")]
    [InlineData("review", "--reviewer mira", "--severity: missing; expected one of SEV1, SEV2, SEV3, SEV4")]
    public void Bad_review_input_exits_2(string command, string args, string message)
    {
        using var dir = new TempDirectory();
        var result = Run(dir.Path, [command, .. args.Split(' ')]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"hotfix: error: {message}", result.Error);
    }

    [Fact]
    public void Check_with_a_severity_prints_the_required_review()
    {
        using var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-fix-login", create: true);
        var json = JsonDocument.Parse(Run(repo.Path, "check", "--severity", "SEV2", "--format", "json").Out).RootElement;
        var review = json.GetProperty("review");
        Assert.Equal(("SEV2", "expedited", 30), (review.GetProperty("severity").GetString(), review.GetProperty("process").GetString(), review.GetProperty("timeboxMinutes").GetInt32()));
        Assert.Equal("2026-03-31", review.GetProperty("followUp").GetProperty("dueBy").GetString());
        Assert.False(JsonDocument.Parse(Run(repo.Path, "check", "--format", "json").Out).RootElement.TryGetProperty("review", out _));
    }
}
