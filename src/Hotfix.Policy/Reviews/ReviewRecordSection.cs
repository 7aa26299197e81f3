using System.Text.Json;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Reviews;

/// <summary>The verdict on a review record: valid, or every problem with its field and rule; and where it was recorded.</summary>
internal sealed class ReviewRecordSection(ReviewRecord record, IReadOnlyList<ReviewProblem> problems, string? recordedIn) : ReportSection
{
    public IReadOnlyList<ReviewProblem> Problems { get; } = problems;

    public bool IsValid => Problems.Count == 0;

    public override string Key => "reviewRecord";

    public override string Title => IsValid ? "Review record: valid" : $"Review record: {Problems.Count} problem(s) — not recorded";

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("valid", IsValid);
        writer.WritePropertyName("record");
        JsonSerializer.Serialize(writer, record, ReviewJsonContext.Default.ReviewRecord);
        writer.WriteStartArray("problems");
        foreach (var p in Problems)
        {
            writer.WriteStartObject();
            writer.WriteString("field", p.Field);
            writer.WriteString("ruleId", p.RuleId);
            writer.WriteString("message", p.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (recordedIn is null)
        {
            writer.WriteNull("recordedIn");
        }
        else
        {
            writer.WriteString("recordedIn", recordedIn);
        }

        writer.WriteEndObject();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        document.Facts(
            ("Severity", record.Severity is { } s ? IncidentSeverities.Name(s) : "missing"),
            ("Reviewers", record.Reviewers.Count == 0 ? "none" : string.Join(", ", record.Reviewers)),
            ("Checked", string.Join(", ", record.Checked)),
            ("Skipped", record.Skipped.Count == 0 ? "nothing" : string.Join(", ", record.Skipped)),
            ("Recorded", recordedIn ?? (IsValid ? "no (give --incident INC-YYYY-NNNN to record it)" : "no")));
        if (!IsValid)
        {
            document.List(Problems.Select(p => p.ToString()));
        }
    }
}
