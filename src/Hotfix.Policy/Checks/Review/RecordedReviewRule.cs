using Hotfix.Policy.Findings;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reviews;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Review;

/// <summary>
/// Before a hotfix is merged (<c>hotfix finish</c>): the review recorded for its incident must satisfy the runbook
/// (HF5001–HF5005 from <see cref="ReviewGate"/>, the same validators host apps use). A missing record blocks only when
/// policy <c>review.requireRecord</c> is true; otherwise it is reported as info, because reviews on the code host count.
/// </summary>
internal sealed class RecordedReviewRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.Reviewers);

    /// <summary>The review validator's ids: the recorded review is judged by the same rules as <c>hotfix review</c>.</summary>
    public IReadOnlyList<string> Emits => ReviewRecordValidator.Emits;

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        if (SubjectIncident.RecordOf(context) is not { } record)
        {
            return [];
        }

        var findings = ReviewGate.Check(context.Policy, record);
        var noReviewRecorded = !record.OfKind(IncidentEventKinds.Review).Any();
        return noReviewRecorded && !context.Policy.Review.RequireRecord
            ? findings.Select(f => f with
            {
                Severity = FindingSeverity.Info,
                Message = f.Message + " (not required before finish: policy review.requireRecord is false)",
            })
            : findings;
    }
}

/// <summary>The checks <c>hotfix finish</c> adds to <c>hotfix check</c>'s before it merges.</summary>
internal sealed class FinishReviewModule : ICheckModule
{
    public string Name => "finish-review";

    public IReadOnlyList<Type> RequiredPorts { get; } = [typeof(IIncidentRecordStore)];

    public IReadOnlyList<ICheckRule> Rules { get; } = [new RecordedReviewRule()];

    public IReadOnlyList<IReportSectionProvider> Sections { get; } = [];
}
