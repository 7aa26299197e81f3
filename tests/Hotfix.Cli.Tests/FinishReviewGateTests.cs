using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// <c>hotfix finish</c> holds the hotfix to the review recorded for its incident — the same validators as
/// <c>hotfix review</c> (HF5001–HF5005) — before the first ref moves.
/// </summary>
public class FinishReviewGateTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";
    private const string Ack = "I performed an expedited (not full) review of this hotfix.";
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 3, 24, 23, 30, 0, TimeSpan.FromHours(1)));

    private static TestRepository WithHotfix(string? policy = null)
    {
        var repo = HotfixRepositories.MainAndDevelop();
        if (policy is not null)
        {
            repo.Commit("Policy", ("hotfix.json", policy));
            repo.Git("checkout", "--quiet", "develop");
            repo.Git("merge", "--quiet", "--no-edit", "main");
            repo.Git("checkout", "--quiet", "main");
        }

        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        return repo;
    }

    private static CliResult Run(TestRepository repo, params string[] args) => CliRun.Run(repo.Path, HotfixCli.Identity, Clock, null, args);

    private static CliResult Review(TestRepository repo, params string[] checks) =>
        Run(repo, ["review", "--severity", "SEV1", "--incident", "INC-2026-0042", "--reviewer", "sandro:senior-developer",
            .. checks, "--acknowledge", Ack, "--follow-up", "OPS-1234", "--follow-up-due", "2026-03-31"]);

    [Fact]
    public void A_valid_recorded_review_lets_finish_merge()
    {
        using var repo = WithHotfix();
        Assert.Equal(0, Review(repo, "--checked", "M1,M2,M3,M4,M5").ExitCode);

        var result = Run(repo, "finish");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, repo.TryGit("merge-base", "--is-ancestor", repo.Git("rev-parse", "main^2"), "develop").ExitCode);
        Assert.DoesNotContain("HF5005", result.Error);
    }

    [Fact]
    public void A_recorded_review_that_breaks_the_runbook_blocks_finish_and_nothing_moves()
    {
        using var repo = WithHotfix();
        // Recorded as it happened (the CLI refuses invalid records, a host may not): M4 was never checked.
        var record = Path.Combine(repo.Path, "review.json");
        File.WriteAllText(record, $$"""
            { "incident": "INC-2026-0042", "severity": "SEV1", "reviewers": [ { "name": "sandro", "role": "senior-developer" } ],
              "when": "2026-03-24T23:30:00+01:00", "checked": ["M1", "M2", "M3", "M5"], "skipped": [],
              "acknowledgement": "{{Ack}}", "followUp": { "ticket": "OPS-1234", "due": "2026-03-31" } }
            """);
        RecordReviewAsAHostWould(repo, record);
        var refs = repo.RefsAndHead();

        var result = Run(repo, "finish");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HF5001", result.Out);
        Assert.Contains("finish refused", result.Error);
        Assert.Equal(refs, repo.RefsAndHead());
    }

    [Fact]
    public void Without_a_recorded_review_finish_merges_and_says_none_is_recorded()
    {
        using var repo = WithHotfix();

        var result = Run(repo, "finish");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("HF5005 no review is recorded for INC-2026-0042", result.Error);
        Assert.Contains("policy review.requireRecord is false", result.Error);
    }

    [Fact]
    public void When_the_policy_requires_a_recorded_review_finish_refuses_without_one()
    {
        using var repo = WithHotfix("""{ "review": { "requireRecord": true } }""");
        var refs = repo.RefsAndHead();

        var result = Run(repo, "finish");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HF5005", result.Out);
        Assert.Equal(refs, repo.RefsAndHead());

        Assert.Equal(0, Review(repo, "--checked", "M1,M2,M3,M4,M5").ExitCode);
        Assert.True(Run(repo, "finish").ExitCode == 0);
    }

    /// <summary>Appends the review entry through the library, bypassing the CLI's own validation, as a chat-ops host might.</summary>
    private static void RecordReviewAsAHostWould(TestRepository repo, string recordFile)
    {
        var review = Hotfix.Policy.Reviews.ReviewJson.Parse(File.ReadAllText(recordFile), recordFile);
        var store = new Hotfix.Git.GitIncidentRecordStore(repo.Path);
        store.Append(Hotfix.Policy.Reviews.ReviewEvents.ToEvent(IncidentId.Parse("INC-2026-0042"), review, Clock.Now));
    }
}
