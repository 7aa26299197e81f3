using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Reviews;

/// <summary>
/// The <c>review</c> section: the review a hotfix of this severity requires. <c>hotfix review --severity</c> prints it
/// alone; <c>hotfix check --severity</c> adds it to the check report.
/// </summary>
internal sealed class ReviewSection(ReviewRequirement requirement, RecordedReview? recorded = null) : ReportSection
{
    public ReviewRequirement Requirement { get; } = requirement;

    /// <summary>The review recorded for the hotfix's incident; null when no incident or no record store is known.</summary>
    public RecordedReview? Recorded { get; } = recorded;

    public override string Key => "review";

    public override string Title => $"Review ({Requirement.Severity.Name()}: {(Requirement.Expedited ? "expedited" : "normal process")})";

    public override void WriteJson(Utf8JsonWriter writer)
    {
        var r = Requirement;
        var json = new ReviewRequirementJson(
            r.Severity.Name(),
            r.Process,
            r.Reviewers,
            r.Expedited ? new WhoMayReviewJson(r.WhoMayReview.People.Select(p => new PersonJson(p.Name, p.Role)).ToList(), r.WhoMayReview.OpenRoles, r.WhoMayReview.Describe()) : null,
            r.TimeboxMinutes,
            r.DuringPrCreation,
            r.MustCheck.Select(i => new ItemJson(i.Id, i.Text)).ToList(),
            r.MaySkip.Select(i => new ItemJson(i.Id, i.Text)).ToList(),
            r.FollowUpDays is { } days ? new FollowUpJson(days, r.FollowUpDueBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
            r.Acknowledgement,
            Recorded is { } rec ? new RecordedReviewJson(rec.Incident.ToString(), rec.Location, rec.By, rec.At, rec.By is not null && rec.Problems.Count == 0, rec.Problems) : null);
        JsonSerializer.Serialize(writer, json, ReviewRequirementJsonContext.Default.ReviewRequirementJson);
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        var r = Requirement;
        var severity = r.Severity.Name();
        if (!r.Expedited)
        {
            document.Facts(
                ("Process", $"normal review process (IF: SEV3/SEV4 THEN: normal review process)"),
                ("Reviewers", r.Reviewers?.ToString(CultureInfo.InvariantCulture) ?? "as your normal process requires"),
                ("May skip", "nothing: MAY_SKIP applies during SEV1/SEV2 only"));
            DescribeRecorded(document);
            document.Heading("MUST_CHECK (non-negotiable)");
            document.Checklist(r.MustCheck.Select(i => new ChecklistItem($"[{i.Id}] {i.Text}")));
            return;
        }

        document.Facts(
            ("Process", "expedited review"),
            ("Reviewers", $"{r.Reviewers} — {r.WhoMayReview.Describe()}"),
            ("Time box", $"{r.TimeboxMinutes} min max" + (r.DuringPrCreation ? ", review during PR creation" : string.Empty)),
            ("Follow-up", $"ticket for the full review, due within {r.FollowUpDays} days" + (r.FollowUpDueBy is { } due ? $" (by {due:yyyy-MM-dd} for a review today)" : string.Empty)),
            ("Acknowledgement", $"the reviewer states, word for word: \"{r.Acknowledgement}\""));
        DescribeRecorded(document);
        document.Heading("MUST_CHECK (non-negotiable even under time pressure)");
        document.Checklist(r.MustCheck.Select(i => new ChecklistItem($"[{i.Id}] {i.Text}")));
        document.Heading($"MAY_SKIP ({severity} only; must be addressed in the follow-up)");
        document.List(r.MaySkip.Select(i => $"[{i.Id}] {i.Text}"));
        document.Heading("Record the review");
        document.Commands(
        [
            $"hotfix review --severity {severity} --incident {Recorded?.Incident.ToString() ?? "INC-YYYY-NNNN"} --reviewer {(r.Expedited ? r.WhoMayReview.ReviewerForm() : "NAME")} --checked {string.Join(',', r.MustCheck.Select(i => i.Id))} "
            + $"--skipped S1,… --acknowledge \"{r.Acknowledgement}\" --follow-up TICKET --follow-up-due YYYY-MM-DD",
        ]);
    }

    private void DescribeRecorded(ReportDocumentBuilder document)
    {
        if (Recorded is { } recorded)
        {
            document.Facts(("Recorded review", recorded.Describe()));
        }
    }
}

internal sealed record RecordedReviewJson(string Incident, string Location, string? By, DateTimeOffset? At, bool MeetsRunbook, IReadOnlyList<string> Problems);

internal sealed record ReviewRequirementJson(
    string Severity,
    string Process,
    int? Reviewers,
    WhoMayReviewJson? WhoMayReview,
    int? TimeboxMinutes,
    bool DuringPrCreation,
    IReadOnlyList<ItemJson> MustCheck,
    IReadOnlyList<ItemJson> MaySkip,
    FollowUpJson? FollowUp,
    string? Acknowledgement,
    RecordedReviewJson? Recorded);

internal sealed record WhoMayReviewJson(IReadOnlyList<PersonJson> People, IReadOnlyList<string> OpenRoles, string Text);

internal sealed record PersonJson(string Name, string? Role);

internal sealed record ItemJson(string Id, string Text);

internal sealed record FollowUpJson(int WithinDays, string? DueBy);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ReviewRequirementJson))]
internal sealed partial class ReviewRequirementJsonContext : JsonSerializerContext;
