using Hotfix.Policy.Policies;
using Hotfix.Policy.Reviews;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Tests.Reviews;

public class ReviewRecordValidatorTests
{
    private static readonly DateTimeOffset When = new(2026, 3, 24, 23, 30, 0, TimeSpan.FromHours(1));

    /// <summary>The sample company: mira is the incident commander, sandro and tobias are senior developers.</summary>
    private static readonly HotfixPolicy Company = PolicyParser.Parse(
        """{ "people": { "incidentCommander": "mira", "seniorDevelopers": ["sandro", "tobias"] } }""", "hotfix.json").Policy!;

    private static ReviewRecord ValidSev1() => new()
    {
        Severity = IncidentSeverity.Sev1,
        Reviewers = [new Reviewer { Name = "mira" }],
        When = When,
        Checked = ["M1", "M2", "M3", "M4", "M5"],
        Skipped = ["S1", "S3"],
        Acknowledgement = HotfixPolicy.Runbook.Review.Acknowledgement,
        FollowUp = new FollowUpTicket { Ticket = "OPS-1234", Due = new DateOnly(2026, 3, 31) },
    };

    private static ReviewProblem Single(ReviewRecord record, HotfixPolicy? policy = null) =>
        Assert.Single(ReviewRecordValidator.Check(policy ?? Company, record));

    [Fact]
    public void A_complete_expedited_review_is_valid()
    {
        Assert.Empty(ReviewRecordValidator.Check(Company, ValidSev1()));
    }

    [Fact]
    public void Items_may_be_named_by_their_text_in_any_case_and_spacing()
    {
        var record = ValidSev1() with
        {
            Checked = ["m1", "  does it introduce ANY security risk?   (injection, auth bypass, data exposure) ", "M3", "M4", "M5"],
            Skipped = ["Documentation updates"],
        };
        Assert.Empty(ReviewRecordValidator.Check(Company, record));
    }

    [Fact]
    public void A_skipped_must_check_item_is_HF5001_naming_the_field()
    {
        var problems = ReviewRecordValidator.Check(Company, ValidSev1() with { Checked = ["M1", "M3", "M4", "M5"], Skipped = ["S1", "M2"] });
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(RuleIds.MustCheckItems, p.RuleId));
        Assert.Equal("checked", problems[0].Field);
        Assert.Contains("M2 \"Does it introduce any security risk? (injection, auth bypass, data exposure)\" is not checked", problems[0].Message);
        Assert.Equal("skipped[1]", problems[1].Field);
        Assert.Contains("is a MUST_CHECK item: it can never be skipped", problems[1].Message);
    }

    [Fact]
    public void An_unchecked_must_check_item_is_HF5001_even_when_nothing_is_skipped()
    {
        var problem = Single(ValidSev1() with { Checked = ["M1", "M2", "M3", "M4"], Skipped = [] });
        Assert.Equal((RuleIds.MustCheckItems, "checked"), (problem.RuleId, problem.Field));
        Assert.Contains("M5", problem.Message);
    }

    [Theory]
    [InlineData(IncidentSeverity.Sev3)]
    [InlineData(IncidentSeverity.Sev4)]
    public void Skipping_outside_SEV1_and_SEV2_is_HF5002(IncidentSeverity severity)
    {
        var record = ValidSev1() with { Severity = severity, Reviewers = [new Reviewer { Name = "bob" }], Acknowledgement = null, FollowUp = null };
        var problems = ReviewRecordValidator.Check(Company, record);
        Assert.Equal(["skipped[0]", "skipped[1]"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(RuleIds.MaySkipItems, p.RuleId));
        Assert.Contains("MAY_SKIP applies during SEV1/SEV2 only", problems[0].Message);

        // Without skips, a normal review needs neither acknowledgement nor follow-up, and anyone may review.
        Assert.Empty(ReviewRecordValidator.Check(Company, record with { Skipped = [] }));
    }

    [Fact]
    public void SEV2_may_skip_too()
    {
        Assert.Empty(ReviewRecordValidator.Check(Company, ValidSev1() with { Severity = IncidentSeverity.Sev2, Reviewers = [new Reviewer { Name = "tobias" }] }));
    }

    [Fact]
    public void An_unknown_item_is_named_with_the_expected_form()
    {
        var problem = Single(ValidSev1() with { Skipped = ["S9"] });
        Assert.Equal(("skipped[0]", RuleIds.MaySkipItems), (problem.Field, problem.RuleId));
        Assert.Equal("'S9' is not a review item; expected an item id (M1–M5, S1–S5) or the item's text", problem.Message);
    }

    [Fact]
    public void An_item_both_checked_and_skipped_is_a_problem()
    {
        var problem = Single(ValidSev1() with { Checked = ["M1", "M2", "M3", "M4", "M5", "S1"], Skipped = ["S1"] });
        Assert.Equal(("skipped[0]", RuleIds.MaySkipItems), (problem.Field, problem.RuleId));
        Assert.Contains("both checked and skipped", problem.Message);
    }

    [Fact]
    public void A_missing_or_different_acknowledgement_is_HF5003()
    {
        var missing = Single(ValidSev1() with { Acknowledgement = null });
        Assert.Equal(("acknowledgement", RuleIds.ReviewAcknowledgement), (missing.Field, missing.RuleId));
        Assert.Contains("word for word: \"I performed an expedited (not full) review of this hotfix.\"", missing.Message);

        var vague = Single(ValidSev1() with { Acknowledgement = "LGTM" });
        Assert.Equal(RuleIds.ReviewAcknowledgement, vague.RuleId);

        Assert.Empty(ReviewRecordValidator.Check(Company, ValidSev1() with { Acknowledgement = "i performed an EXPEDITED (not full) review of this hotfix" }));
    }

    [Fact]
    public void A_missing_follow_up_ticket_is_HF5004()
    {
        var problem = Single(ValidSev1() with { FollowUp = null });
        Assert.Equal(("followUp", RuleIds.FollowUpTicket), (problem.Field, problem.RuleId));
        var noTicket = Single(ValidSev1() with { FollowUp = new FollowUpTicket { Due = new DateOnly(2026, 3, 30) } });
        Assert.Equal("followUp.ticket", noTicket.Field);
        var noDue = Single(ValidSev1() with { FollowUp = new FollowUpTicket { Ticket = "OPS-1" } });
        Assert.Equal("followUp.due", noDue.Field);
    }

    [Theory]
    [InlineData(2026, 3, 31, true)]
    [InlineData(2026, 4, 1, false)]
    [InlineData(2026, 3, 24, true)]
    [InlineData(2026, 3, 23, false)]
    public void The_follow_up_is_due_within_seven_days_of_the_review_day(int y, int m, int d, bool valid)
    {
        var problems = ReviewRecordValidator.Check(Company, ValidSev1() with { FollowUp = new FollowUpTicket { Ticket = "OPS-1", Due = new DateOnly(y, m, d) } });
        Assert.Equal(valid, problems.Count == 0);
        if (!valid)
        {
            Assert.Equal(("followUp.due", RuleIds.FollowUpTicket), (problems[0].Field, problems[0].RuleId));
        }
    }

    [Fact]
    public void A_late_follow_up_says_by_how_much_and_the_policy_key()
    {
        var policy = PolicyParser.Parse("""{ "review": { "followUpDays": 3 } }""", "hotfix.json").Policy!;
        var record = ValidSev1() with { Reviewers = [new Reviewer { Name = "x", Role = "senior-developer" }] };
        var problem = Single(record, policy);
        Assert.Equal("2026-03-31 is 7 days after the review (2026-03-24); expected 2026-03-27 or earlier (within 3 days, policy review.followUpDays)", problem.Message);
    }

    [Fact]
    public void Reviewers_must_be_allowed_by_the_policy_HF5005()
    {
        var stranger = Single(ValidSev1() with { Reviewers = [new Reviewer { Name = "bob" }] });
        Assert.Equal(("reviewers[0]", RuleIds.Reviewers), (stranger.Field, stranger.RuleId));
        Assert.Contains("expected mira (incident-commander), sandro (senior-developer) or tobias (senior-developer)", stranger.Message);

        var none = Single(ValidSev1() with { Reviewers = [] });
        Assert.Equal(("reviewers", RuleIds.Reviewers), (none.Field, none.RuleId));
        Assert.Contains("hotfixes MUST still be reviewed", none.Message);
    }

    [Fact]
    public void Without_named_people_a_reviewer_must_state_an_allowed_role()
    {
        var runbook = HotfixPolicy.Runbook;
        Assert.Single(ReviewRecordValidator.Check(runbook, ValidSev1() with { Reviewers = [new Reviewer { Name = "mira" }] }));
        Assert.Empty(ReviewRecordValidator.Check(runbook, ValidSev1() with { Reviewers = [new Reviewer { Name = "mira", Role = "incident-commander" }] }));
        Assert.Single(ReviewRecordValidator.Check(runbook, ValidSev1() with { Reviewers = [new Reviewer { Name = "mira", Role = "intern" }] }));
    }

    [Fact]
    public void The_reviewer_count_comes_from_the_policy()
    {
        var policy = PolicyParser.Parse(
            """{ "people": { "seniorDevelopers": ["sandro", "tobias"] }, "review": { "severities": { "SEV2": { "reviewers": 2 } } } }""", "hotfix.json").Policy!;
        var record = ValidSev1() with { Severity = IncidentSeverity.Sev2, Reviewers = [new Reviewer { Name = "sandro" }] };
        var problem = Single(record, policy);
        Assert.Equal(("reviewers", RuleIds.Reviewers), (problem.Field, problem.RuleId));
        Assert.Contains("needs 2 (policy review.severities.SEV2.reviewers)", problem.Message);
        Assert.Empty(ReviewRecordValidator.Check(policy, record with { Reviewers = [new Reviewer { Name = "sandro" }, new Reviewer { Name = "tobias" }] }));
        Assert.Single(ReviewRecordValidator.Check(policy, record with { Reviewers = [new Reviewer { Name = "sandro" }, new Reviewer { Name = "SANDRO" }] }));
    }

    [Fact]
    public void A_record_without_severity_or_time_says_which_field()
    {
        var noSeverity = Single(ValidSev1() with { Severity = null });
        Assert.Equal("severity", noSeverity.Field);
        var problems = ReviewRecordValidator.Check(Company, ValidSev1() with { When = null });
        Assert.Equal(["when"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Problems_become_findings_of_their_rule()
    {
        var finding = Single(ValidSev1() with { Acknowledgement = null }).ToFinding();
        Assert.Equal(RuleIds.ReviewAcknowledgement, finding.RuleId);
        Assert.True(finding.IsBlocking);
        Assert.StartsWith("review record acknowledgement: missing", finding.Message);
    }

    [Fact]
    public void Records_round_trip_through_json_and_bad_json_names_the_source()
    {
        var record = ValidSev1() with { Incident = IncidentId.Parse("INC-2026-0042") };
        var json = ReviewJson.Serialize(record);
        Assert.Contains("\"severity\": \"SEV1\"", json);
        Assert.Contains("\"due\": \"2026-03-31\"", json);
        var back = ReviewJson.Parse(json, "review.json");
        Assert.Equal(record.Checked, back.Checked);
        Assert.Equal(record.FollowUp, back.FollowUp);
        Assert.Equal(record.Incident, back.Incident);
        Assert.Equal(record.Severity, back.Severity);

        var e = Assert.Throws<HotfixInputException>(() => ReviewJson.Parse("""{ "severity": "SEV9" }""", "review.json"));
        Assert.StartsWith("review.json: not a review record ($.severity", e.Message);
        Assert.Throws<HotfixInputException>(() => ReviewJson.Parse("""{ "reviewer": "mira" }""", "review.json"));
    }
}
