using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reviews;

namespace Hotfix.Policy.Checklists;

/// <summary>
/// Ticks the PRE_DEPLOY items Hotfix can verify itself, each with how it knows: "Hotfix branch created from main" when
/// HF0102 passes on the branch's history, "Expedited code review passed" when the incident record holds a review that
/// satisfies the runbook. A person should not have to tick what the tool already checked; a tick by hand stays.
/// </summary>
internal static class ChecklistVerifiedItems
{
    public const string BranchItem = "pre.branch-from-main";
    public const string ReviewItem = "pre.review";

    /// <summary>Who the automatic ticks are by: the tool, not a person.</summary>
    public const string Verifier = "hotfix";

    /// <summary>
    /// HF0102 on the branch's history: a completion when the branch was compared with main and carries nothing from the
    /// back-merge target; null when it does not pass or cannot be told (no main, a shallow clone).
    /// </summary>
    public static ChecklistCompletion? BranchOrigin(Policies.HotfixPolicy policy, CheckSubject subject, IHistoryReader history, DateTimeOffset now)
    {
        var context = new CheckContext(policy, subject, new CheckOptions(), new PortSet().Add(history));
        var origin = BranchHistory.Of(context);
        if (origin.State != BranchHistoryState.Compared || new NotBasedOnMainRule().Evaluate(context).Any())
        {
            return null;
        }

        return new ChecklistCompletion(
            Verifier,
            now,
            $"verified: HF0102 passes — {subject.BranchName} starts from {origin.Main!.Name} at {origin.BaseCommit![..7]} and has no commit from {policy.Branches.BackMergeTarget}");
    }

    public static ChecklistEntry Apply(ChecklistEntry entry, DeploymentChecklistRequest request)
    {
        if (entry.Done is not null)
        {
            return entry;
        }

        return entry.Id switch
        {
            BranchItem when request.BranchOrigin is { } origin => entry with { Done = origin },
            ReviewItem => Review(entry, request),
            _ => entry,
        };
    }

    /// <summary>The latest recorded review ticks the item when the runbook's review rules (HF5001–HF5005) find nothing in it.</summary>
    private static ChecklistEntry Review(ChecklistEntry entry, DeploymentChecklistRequest request)
    {
        if (request.Recorded.LastOrDefault(e => e.Kind == IncidentEventKinds.Review) is not { } recorded || ReviewEvents.FromEvent(recorded) is not { } review)
        {
            return entry;
        }

        var problems = ReviewRecordValidator.Check(request.Policy, review);
        return problems.Count == 0
            ? entry with { Done = new ChecklistCompletion(recorded.By, recorded.At, "verified: review recorded in the incident record, and HF5001–HF5005 find nothing in it") }
            : entry with { Note = entry.Note + $"; not ticked: the recorded review does not satisfy the runbook ({string.Join("; ", problems.Select(p => p.ToString()))})" };
    }
}
