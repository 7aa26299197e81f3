using Hotfix.Policy.Policies;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reviews;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Tests.Reviews;

public class ReviewRequirementTests
{
    [Fact]
    public void SEV1_is_one_reviewer_for_15_minutes_during_PR_creation_with_the_runbook_items()
    {
        var r = ReviewRequirement.For(HotfixPolicy.Runbook, IncidentSeverity.Sev1, new DateOnly(2026, 3, 24));
        Assert.True(r.Expedited);
        Assert.Equal(1, r.Reviewers);
        Assert.Equal(15, r.TimeboxMinutes);
        Assert.True(r.DuringPrCreation);
        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], r.MustCheck.Select(i => i.Id));
        Assert.Equal("Code style / formatting nits", r.MaySkip[0].Text);
        Assert.Equal(new DateOnly(2026, 3, 31), r.FollowUpDueBy);
        Assert.Equal(["incident-commander", "senior-developer"], r.WhoMayReview.OpenRoles);
        Assert.NotNull(r.Acknowledgement);
    }

    [Fact]
    public void SEV2_is_30_minutes_and_not_during_PR_creation()
    {
        var r = ReviewRequirement.For(HotfixPolicy.Runbook, IncidentSeverity.Sev2);
        Assert.Equal((30, false), (r.TimeboxMinutes, r.DuringPrCreation));
        Assert.Null(r.FollowUpDueBy);
        Assert.Equal(7, r.FollowUpDays);
    }

    [Theory]
    [InlineData(IncidentSeverity.Sev3)]
    [InlineData(IncidentSeverity.Sev4)]
    public void SEV3_and_SEV4_get_the_normal_process_with_no_skips_follow_up_or_acknowledgement(IncidentSeverity severity)
    {
        var r = ReviewRequirement.For(HotfixPolicy.Runbook, severity, new DateOnly(2026, 3, 24));
        Assert.False(r.Expedited);
        Assert.Empty(r.MaySkip);
        Assert.Null(r.FollowUpDays);
        Assert.Null(r.Acknowledgement);
        Assert.Null(r.TimeboxMinutes);
        Assert.Equal(5, r.MustCheck.Count);
    }

    [Fact]
    public void Who_may_review_resolves_roles_to_the_policy_people()
    {
        var policy = PolicyParser.Parse("""{ "people": { "incidentCommander": "mira", "seniorDevelopers": ["sandro"] }, "review": { "approvers": ["incident-commander", "senior-developer", "oncall-lead"] } }""", "hotfix.json").Policy!;
        var who = ReviewRequirement.For(policy, IncidentSeverity.Sev1).WhoMayReview;
        Assert.Equal("mira (incident-commander), sandro (senior-developer) or oncall-lead", who.Describe());
        Assert.True(who.Allows("Mira", null));
        Assert.False(who.Allows("bob", "senior-developer"));
    }

    [Fact]
    public void The_section_prints_the_review_and_its_json_names_every_part()
    {
        var section = new ReviewSection(ReviewRequirement.For(HotfixPolicy.Runbook, IncidentSeverity.Sev1, new DateOnly(2026, 3, 24)));
        var text = RenderText(section);
        Assert.Contains("15 min max, review during PR creation", text);
        Assert.Contains("[ ] [M1] Does the fix address the root cause (not just symptoms)?", text);
        Assert.Contains("MAY_SKIP (SEV1 only; must be addressed in the follow-up)", text);
        Assert.Contains("due within 7 days (by 2026-03-31 for a review today)", text);

        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            section.WriteJson(writer);
        }

        var json = System.Text.Json.JsonDocument.Parse(buffer.ToArray()).RootElement;
        Assert.Equal("expedited", json.GetProperty("process").GetString());
        Assert.Equal(15, json.GetProperty("timeboxMinutes").GetInt32());
        Assert.Equal("M2", json.GetProperty("mustCheck")[1].GetProperty("id").GetString());
        Assert.Equal("2026-03-31", json.GetProperty("followUp").GetProperty("dueBy").GetString());
        Assert.Equal(5, json.GetProperty("maySkip").GetArrayLength());
    }

    [Fact]
    public void The_gate_finds_no_review_and_an_invalid_latest_review()
    {
        var store = new InMemoryIncidentRecordStore();
        var incident = IncidentId.Parse("INC-2026-0042");
        var none = Assert.Single(ReviewGate.Check(HotfixPolicy.Runbook, store.Read(incident)));
        Assert.Equal(RuleIds.Reviewers, none.RuleId);
        Assert.Contains("no review is recorded for INC-2026-0042", none.Message);

        var valid = new ReviewRecord
        {
            Severity = IncidentSeverity.Sev3,
            Reviewers = [new Reviewer { Name = "bob" }],
            When = new DateTimeOffset(2026, 3, 24, 10, 0, 0, TimeSpan.Zero),
            Checked = ["M1", "M2", "M3", "M4", "M5"],
        };
        store.Record(ReviewEvents.ToEvent(incident, valid, valid.When!.Value));
        Assert.Empty(ReviewGate.Check(HotfixPolicy.Runbook, store.Read(incident)));

        // The latest review counts: a later one that skips under SEV3 makes the gate fail.
        store.Record(ReviewEvents.ToEvent(incident, valid with { Skipped = ["S1"] }, valid.When!.Value.AddHours(1)));
        Assert.Equal(RuleIds.MaySkipItems, Assert.Single(ReviewGate.Check(HotfixPolicy.Runbook, store.Read(incident))).RuleId);
    }

    private static string RenderText(ReportSection section)
    {
        using var writer = new StringWriter();
        Hotfix.Policy.Reporting.Renderers.TextBlockWriter.Write(section.Blocks(), writer);
        return writer.ToString();
    }
}
