using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// <c>hotfix check --severity</c> shows, beside the review the change requires, the review recorded for the branch's
/// incident — what a CI job sees once it fetched <c>refs/hotfix/*</c> — judged by the gate <c>hotfix finish</c> applies.
/// </summary>
public class CheckRecordedReviewTests
{
    private const string Ack = "I performed an expedited (not full) review of this hotfix.";
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 3, 24, 23, 30, 0, TimeSpan.FromHours(1)));

    private static TestRepository WithHotfix()
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        return repo;
    }

    private static CliResult Run(string path, params string[] args) => CliRun.Run(path, HotfixCli.Identity, Clock, null, args);

    [Fact]
    public void Without_a_recorded_review_check_says_none_and_the_record_command_names_the_incident()
    {
        using var repo = WithHotfix();
        var result = Run(repo.Path, "check", "--severity", "SEV1");
        Assert.True(result.ExitCode <= 1, result.ToString());
        Assert.Contains("Recorded review: none for INC-2026-0042 in refs/hotfix/incidents/INC-2026-0042", result.Out);
        Assert.Contains("git fetch origin 'refs/hotfix/*:refs/hotfix/*'", result.Out);
        Assert.Contains("hotfix review --severity SEV1 --incident INC-2026-0042 --reviewer NAME:incident-commander", result.Out);
    }

    [Fact]
    public void A_clone_that_fetched_the_record_shows_the_review_and_its_verdict_in_text_and_json()
    {
        using var origin = WithHotfix();
        var review = Run(origin.Path, "review", "--severity", "SEV1", "--incident", "INC-2026-0042", "--reviewer", "sandro:senior-developer",
            "--checked", "M1,M2,M3,M4,M5", "--acknowledge", Ack, "--follow-up", "OPS-1234", "--follow-up-due", "2026-03-31");
        Assert.True(review.ExitCode == 0, review.ToString());

        // CI: a fresh clone of the branch, with the record fetched as docs/incident-record.md says.
        using var ci = new TempDirectory();
        GitCli.Run(ci.Path, "clone", "--quiet", "--branch", "hotfix/INC-2026-0042-fix-rounding", origin.Path, "clone");
        var clone = ci.Combine("clone");
        GitCli.Run(clone, "fetch", "--quiet", "origin", "main:main", "develop:develop", "refs/hotfix/*:refs/hotfix/*");

        var text = Run(clone, "check", "--severity", "SEV1");
        Assert.True(text.ExitCode <= 1, text.ToString());
        Assert.Contains("Recorded review: by sandro at 2026-03-24 23:30 +01:00 — meets the runbook (HF5001–HF5005)", text.Out);

        var json = Run(clone, "check", "--severity", "SEV1", "--format", "json");
        var recorded = JsonDocument.Parse(json.Out).RootElement.GetProperty("review").GetProperty("recorded");
        Assert.Equal("sandro", recorded.GetProperty("by").GetString());
        Assert.True(recorded.GetProperty("meetsRunbook").GetBoolean());
        Assert.Empty(recorded.GetProperty("problems").EnumerateArray());
    }
}
