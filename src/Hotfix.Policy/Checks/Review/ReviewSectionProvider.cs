using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reviews;

namespace Hotfix.Policy.Checks.Review;

/// <summary>The review the change requires, when the caller says the incident's severity; nothing otherwise.</summary>
internal sealed class ReviewSectionProvider : IReportSectionProvider
{
    public ReportSection? Build(CheckContext context)
    {
        if (context.Options.Severity is not { } severity)
        {
            return null;
        }

        DateOnly? today = context.Time is { } time ? DateOnly.FromDateTime(time.GetLocalNow().DateTime) : null;
        // With the incident record (in CI: fetched from refs/hotfix/*), the review recorded for the branch's incident too.
        var recorded = SubjectIncident.RecordOf(context) is { } record ? RecordedReview.Of(context.Policy, record) : null;
        return new ReviewSection(ReviewRequirement.For(context.Policy, severity, today), recorded);
    }
}
