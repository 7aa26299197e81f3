using Hotfix.Policy.Branching;
using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// The back-merge audit: every hotfix on main's first-parent line (merges of hotfix branches; squash or rebase merges
/// whose message carries an incident id) and whether its changes reached the back-merge target — by ancestry
/// (<c>git merge-base --is-ancestor</c>) or, for squashes and cherry-picks, by patch id (<c>git cherry</c>).
/// </summary>
internal sealed class HotfixAudit
{
    /// <summary>
    /// History is walked newest first; once this many consecutive first-parent commits are older than --since, the
    /// walk stops (merge commits can carry slightly out-of-order dates, as git log --since also allows for).
    /// </summary>
    private const int OlderCommitsBeforeStop = 5;

    private HotfixAudit(BranchTip main, BranchTip backMergeTarget, DateTimeOffset? since)
    {
        Main = main;
        BackMergeTarget = backMergeTarget;
        Since = since;
    }

    public BranchTip Main { get; }

    public BranchTip BackMergeTarget { get; }

    public DateTimeOffset? Since { get; }

    /// <summary>Hotfixes found, newest first.</summary>
    public IReadOnlyList<AuditedHotfix> Hotfixes { get; private set; } = [];

    /// <summary>First-parent commits of main that were read.</summary>
    public int ScannedCommits { get; private set; }

    /// <summary>Set when main's history ended at a shallow boundary inside the audited period: older hotfixes were not seen.</summary>
    public CommitInfo? ShallowCutOff { get; private set; }

    /// <summary>Runs the audit for the subject's repository (the result is shared by the audit's rules and section).</summary>
    public static HotfixAudit Of(CheckContext context, DateTimeOffset? since) => context.Fact(c => Run(c, since));

    private static HotfixAudit Run(CheckContext context, DateTimeOffset? since)
    {
        var history = context.Ports.Require<IHistoryReader>();
        var branches = context.Policy.Branches;
        var main = ResolveMain(history, context.Policy);
        var develop = BranchTips.Freshest(history, branches.BackMergeTarget, branches.Remote)
            ?? throw new HotfixInputException(
                $"back-merge target '{branches.BackMergeTarget}' (policy branches.backMergeTarget) does not exist here, neither locally nor as {branches.Remote}/{branches.BackMergeTarget}; expected the branch hotfixes are merged back into ({FetchCommands.Branch(branches.Remote, branches.BackMergeTarget)}, or set branches.backMergeTarget in hotfix.json).");

        var audit = new HotfixAudit(main, develop, since);
        var found = FindHotfixes(history, branches, develop.Name, audit, since);
        var checker = new BackMergeChecker(history, develop.TipSha, main.TipSha);
        audit.Hotfixes = found.Select(checker.Judge).ToList();
        return audit;
    }

    /// <summary>The main the audit reads: local main, or origin/main when that is fresher; an input error when neither exists.</summary>
    public static BranchTip ResolveMain(IHistoryReader history, Policies.HotfixPolicy policy)
    {
        var branches = policy.Branches;
        if (!history.HasCommits)
        {
            throw new HotfixInputException($"this repository has no commits yet, so there is no history to audit; expected a clone of the project with its '{branches.Main}' and '{branches.BackMergeTarget}' branches (or --repo DIR pointing at one).");
        }

        return BranchTips.Freshest(history, branches.Main, branches.Remote)
            ?? throw new HotfixInputException(
                $"main branch '{branches.Main}' (policy branches.main) does not exist here, neither locally nor as {branches.Remote}/{branches.Main}; expected the production branch ({FetchCommands.Branch(branches.Remote, branches.Main)}, or set branches.main in hotfix.json).");
    }

    private static List<FoundHotfix> FindHotfixes(IHistoryReader history, Policies.BranchPolicy branches, string developName, HotfixAudit audit, DateTimeOffset? since)
    {
        var naming = branches.Naming;
        string[] mainNames = [branches.Main, $"{branches.Remote}/{branches.Main}"];
        var found = new List<FoundHotfix>();
        var boundary = history.ShallowBoundary.ToHashSet(StringComparer.Ordinal);
        var older = 0;
        CommitInfo? last = null;
        List<CommitInfo>? group = null;
        IncidentId? groupIncident = null;

        void CloseGroup()
        {
            if (group is { Count: > 0 })
            {
                found.Add(new FoundHotfix(group[0], groupIncident, null, group.Count == 1 ? HotfixLanding.Squash : HotfixLanding.Rebase, group));
            }

            group = null;
            groupIncident = null;
        }

        foreach (var commit in MainLine.Walk(history, audit.Main.TipSha, mainNames))
        {
            audit.ScannedCommits++;
            // Commits of the same incident form one hotfix only while each is the parent of the one before; the walk
            // goes on to the other side of a pull merge, and they would not.
            if (group is [.., var previous] && previous.Parents.FirstOrDefault() != commit.Sha)
            {
                CloseGroup();
            }

            last = commit;
            if (since is { } start && commit.CommitTime < start)
            {
                CloseGroup();
                if (++older >= OlderCommitsBeforeStop)
                {
                    break;
                }

                continue;
            }

            older = 0;
            if (commit.IsMerge)
            {
                CloseGroup();
                var branch = MergeMessages.MergedBranch(commit.Subject);
                var incident = FirstIncident(commit.Message) ?? FirstIncident(branch);
                var isHotfixBranch = branch is not null && branch.StartsWith(naming.Prefix, StringComparison.Ordinal);
                var isOtherFix = branch is not null && !MainMerges.IsReleaseLine(branch, branches);
                if (branch != developName && !MainLine.IsMergeOfItself(commit, mainNames) && (isHotfixBranch || isOtherFix || incident is not null))
                {
                    found.Add(new FoundHotfix(commit, incident, branch, HotfixLanding.Merge, null));
                }

                continue;
            }

            var id = IsUndoOfHotfix(history, commit) ? null : FirstIncident(commit.Message);
            if (id is null || (group is not null && groupIncident != id))
            {
                CloseGroup();
            }

            if (id is not null)
            {
                group ??= [];
                groupIncident = id;
                group.Add(commit);
            }
        }

        CloseGroup();
        if (last is not null && boundary.Contains(last.Sha) && (since is null || last.CommitTime >= since))
        {
            audit.ShallowCutOff = last;
        }

        return found;
    }

    /// <summary>
    /// A <c>git revert</c> of a commit that carries the same incident id (the hotfix's merge or squash, reverted because
    /// it broke something) takes the hotfix off main: it repeats the id only by quoting the reverted subject, and is not
    /// a hotfix of its own to merge back. A revert of other work that names an incident is one, and stays.
    /// </summary>
    private static bool IsUndoOfHotfix(IHistoryReader history, CommitInfo commit) =>
        RevertLines.Find(commit.Message) is { Sha: { Length: >= 40 } named }
        && FirstIncident(commit.Message) is { } id
        && history.FindCommit(named[..(named.Length >= 64 ? 64 : 40)]) is { } reverted
        && IncidentId.FindAll(reverted.Message).Contains(id);

    private static IncidentId? FirstIncident(string? text) => IncidentId.FindAll(text) is [var first, ..] ? first : null;

    /// <summary>A hotfix as found on main, before the verdict.</summary>
    internal sealed record FoundHotfix(CommitInfo MainCommit, IncidentId? Incident, string? Branch, HotfixLanding Landing, IReadOnlyList<CommitInfo>? Group);
}
