using Hotfix.Policy.Findings;
using Hotfix.Policy.History;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Branching;

/// <summary>HF0102 — "RULE: hotfix branches from main (production), NEVER from develop".</summary>
internal sealed class NotBasedOnMainRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.NotBasedOnMain);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var history = BranchHistory.Of(context);
        var branches = context.Policy.Branches;
        switch (history.State)
        {
            case BranchHistoryState.MainMissing:
                yield return Rule.CreateFinding(
                    $"cannot tell whether the branch was created from {branches.Main}: neither '{branches.Main}' nor " +
                    $"'{branches.Remote}/{branches.Main}' exists in this clone. Fetch it ({FetchCommands.Branch(branches.Remote, branches.Main)}) " +
                    $"and check again{OtherProductionName(context)}.") with { Severity = FindingSeverity.Warning };
                yield break;
            case BranchHistoryState.Unrelated:
                yield return Rule.CreateFinding(
                    $"the branch shares no history with {history.Main!.Name}: none of its {history.Ahead.Count} commits descends " +
                    $"from production. Create the hotfix from {branches.Main}: hotfix start INC-YYYY-NNNN short-description.");
                yield break;
            case not BranchHistoryState.Compared:
                // Unavailable (no history port) or too shallow: HF0105 says "unknown"; never a verdict here.
                yield break;
        }

        var main = history.Main!.Name;
        if (history.BackMergeTarget.Count == 0)
        {
            // CI often fetches only the branch and main; silence here would read as "not from develop".
            yield return Rule.CreateFinding(
                $"could check only part: the branch shares history with {main}, but whether it contains commits or changes " +
                $"from {branches.BackMergeTarget} was not checked — neither '{branches.BackMergeTarget}' nor " +
                $"'{branches.Remote}/{branches.BackMergeTarget}' exists in this clone. Fetch it " +
                $"({FetchCommands.Branch(branches.Remote, branches.BackMergeTarget)}) and check again.") with { Severity = FindingSeverity.Warning };
            yield break;
        }

        var develop = history.BackMergeTarget[0].Name;
        if (history.FromBackMergeTarget.Count > 0)
        {
            var own = history.OwnCommits;
            var fix = own.Count == 0
                ? $"Recreate it from {branches.Main}: hotfix start INC-YYYY-NNNN short-description."
                : $"Recreate it from {branches.Main} with only the fix: git switch -c <new-hotfix-branch> {main} && git cherry-pick {string.Join(' ', own.Select(c => c.ShortSha))}";
            yield return Rule.CreateFinding(
                $"the branch contains {CommitLists.Count(history.FromBackMergeTarget.Count, "commit")} from {develop} that " +
                $"{(history.FromBackMergeTarget.Count == 1 ? "is" : "are")} not on {main} — it was branched from {develop} or " +
                $"{develop} was merged into it, so unreleased work would ship with the fix: " +
                $"{CommitLists.Describe(history.FromBackMergeTarget)}. {fix}");
        }

        foreach (var pick in history.CherryPicked)
        {
            yield return Rule.CreateFinding(
                $"commit {pick.HotfixCommit.ShortSha} '{CommitLists.Printable(pick.HotfixCommit.Subject)}' repeats " +
                $"{develop}-only commit {pick.Original.ShortSha} '{CommitLists.Printable(pick.Original.Subject)}' " +
                (pick.SamePatch ? "(same patch id): " : "(its 'cherry picked from commit' line names it; the patch differs, as after a conflicted pick): ") +
                $"an unreleased change from {develop} was cherry-picked into the hotfix. Drop it " +
                $"(git rebase -i {history.BaseCommit![..7]}) unless the fix truly needs it, and then say why in the pull request.");
        }
    }

    /// <summary>A repository whose production branch is <c>master</c> gets told where to say so, not to fetch a main it has not.</summary>
    private static string OtherProductionName(CheckContext context)
    {
        var branches = context.Policy.Branches;
        const string master = "master";
        return branches.Main != master && context.Ports.Find<IHistoryReader>() is { } history
            && BranchTips.Freshest(history, master, branches.Remote) is { } found
            ? $"; or, if '{found.Name}' is production, set branches.main to \"{master}\" in hotfix.json"
            : string.Empty;
    }
}
