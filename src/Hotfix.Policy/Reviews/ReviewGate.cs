using Hotfix.Policy.Findings;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Records;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Reviews;

/// <summary>
/// "hotfixes MUST still be reviewed": the incident's latest review record, checked against the policy, as findings.
/// <c>hotfix finish</c> calls this before merging; hosts can too. No review at all is an HF5005 finding.
/// </summary>
internal static class ReviewGate
{
    public static IReadOnlyList<Finding> Check(HotfixPolicy policy, IncidentRecord record)
    {
        var latest = record.OfKind(IncidentEventKinds.Review).LastOrDefault();
        if (latest is null)
        {
            return
            [
                RuleCatalogue.Get(RuleIds.Reviewers).CreateFinding(
                    $"no review is recorded for {record.Incident} ({record.Location}): hotfixes MUST still be reviewed. "
                    + $"Record it with: hotfix review --severity SEVn --incident {record.Incident} --reviewer {new AllowedReviewers(policy).ReviewerForm()} …"),
            ];
        }

        if (ReviewEvents.FromEvent(latest) is not { } review)
        {
            return [RuleCatalogue.Get(RuleIds.Reviewers).CreateFinding($"the latest review entry of {record.Incident} ({latest.At:u}) holds no readable review record")];
        }

        return ReviewRecordValidator.Check(policy, review).Select(p => p.ToFinding()).ToList();
    }
}
