using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Branching;

/// <summary>How far the branch's relation to main could be worked out.</summary>
internal enum BranchHistoryState
{
    /// <summary>Compared with main: base, ahead and behind are exact.</summary>
    Compared,

    /// <summary>The host supplied no <see cref="IHistoryReader"/>; nothing about history was checked.</summary>
    Unavailable,

    /// <summary>Neither main nor its remote-tracking branch exists here.</summary>
    MainMissing,

    /// <summary>The branch and main share no commit at all (and the clone is complete).</summary>
    Unrelated,

    /// <summary>The clone is too shallow to decide (HF0105): every answer is unknown, none is negative.</summary>
    TooShallow,
}

/// <summary>A hotfix commit that brings the change of a commit only the back-merge target has.</summary>
/// <param name="HotfixCommit">The hotfix's commit.</param>
/// <param name="Original">The develop-only commit whose change it brings.</param>
/// <param name="SamePatch">False when the hotfix commit names <paramref name="Original"/> as its cherry-pick source but its patch differs.</param>
internal sealed record CherryPickedChange(CommitInfo HotfixCommit, CommitInfo Original, bool SamePatch = true);

/// <summary>
/// The branch against main and the back-merge target, computed once per check and shared by HF0102, HF0103, HF0105
/// and the <c>branch</c> report section: <c>git merge-base</c>, <c>git rev-list main..branch</c>,
/// <c>git rev-list branch..main --count</c>, and <c>git cherry</c>-style patch ids against develop.
/// </summary>
internal sealed class BranchHistory
{
    private BranchHistory(BranchHistoryState state)
    {
        State = state;
    }

    public BranchHistoryState State { get; private init; }

    /// <summary>The main ref compared with (local main, or origin/main when that is fresher); null when missing.</summary>
    public BranchTip? Main { get; private init; }

    /// <summary>The known tips of the back-merge target (local and remote-tracking develop).</summary>
    public IReadOnlyList<BranchTip> BackMergeTarget { get; private init; } = [];

    /// <summary><c>git merge-base branch main</c>.</summary>
    public string? BaseCommit { get; private init; }

    /// <summary>Commits on the branch that are not on main, newest first.</summary>
    public IReadOnlyList<CommitInfo> Ahead { get; private init; } = [];

    /// <summary>Commits on main that are not on the branch.</summary>
    public int Behind { get; private init; }

    /// <summary>Commits of <see cref="Ahead"/> that the back-merge target also has: they came from develop.</summary>
    public IReadOnlyList<CommitInfo> FromBackMergeTarget { get; private init; } = [];

    /// <summary>Hotfix commits that bring a develop-only change (cherry-picked from develop).</summary>
    public IReadOnlyList<CherryPickedChange> CherryPicked { get; private init; } = [];

    /// <summary>
    /// The hotfix's own commits: ahead of main and not from develop, oldest first (what to cherry-pick onto main).
    /// Merge commits are left out: cherry-picking a merge of develop would bring develop's changes back.
    /// </summary>
    public IReadOnlyList<CommitInfo> OwnCommits
    {
        get
        {
            var fromDevelop = FromBackMergeTarget.Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
            return Ahead.Where(c => !c.IsMerge && !fromDevelop.Contains(c.Sha)).Reverse().ToList();
        }
    }

    /// <summary>Shallow boundary commits, when <see cref="State"/> is <see cref="BranchHistoryState.TooShallow"/>.</summary>
    public IReadOnlyList<string> ShallowBoundary { get; private init; } = [];

    public bool IsComplete => State is BranchHistoryState.Compared or BranchHistoryState.Unrelated;

    /// <summary>The shared fact for this check.</summary>
    public static BranchHistory Of(CheckContext context) => context.Fact(Compute);

    private static BranchHistory Compute(CheckContext context)
    {
        if (context.Ports.Find<IHistoryReader>() is not { } history)
        {
            return new BranchHistory(BranchHistoryState.Unavailable);
        }

        var branches = context.Policy.Branches;
        var tip = context.Subject.CommitSha;
        var main = MainBranch.Of(context).Tip;
        var develop = BranchTips.All(history, branches.BackMergeTarget, branches.Remote);
        if (main is null)
        {
            return new BranchHistory(BranchHistoryState.MainMissing) { BackMergeTarget = develop };
        }

        var mergeBase = history.MergeBase(tip, main.TipSha);
        if (!ShallowHistory.CanDecide(history, tip, main.TipSha, mergeBase))
        {
            return new BranchHistory(BranchHistoryState.TooShallow)
            {
                Main = main,
                BackMergeTarget = develop,
                ShallowBoundary = history.ShallowBoundary,
            };
        }

        var ahead = history.ListCommits(tip, [main.TipSha]);
        var fromDevelop = CommitsFromDevelop(history, ahead, develop, main, tip);
        var own = ahead.Select(c => c.Sha).Except(fromDevelop.Select(c => c.Sha), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return new BranchHistory(mergeBase is null ? BranchHistoryState.Unrelated : BranchHistoryState.Compared)
        {
            Main = main,
            BackMergeTarget = develop,
            BaseCommit = mergeBase,
            Ahead = ahead,
            Behind = history.CountCommits(main.TipSha, [tip]),
            FromBackMergeTarget = fromDevelop,
            CherryPicked = FindCherryPicks(history, ahead.Where(c => own.Contains(c.Sha)).ToList(), develop, main, tip),
        };
    }

    /// <summary>
    /// The commits of <paramref name="ahead"/> that came from develop — not merely commits develop also has: after a
    /// back-merge (a partial finish) develop has the hotfix's own commits too. A shared commit came from develop when
    /// the branch contains a commit of develop's first-parent line (develop's own history: its commits and its merges
    /// of feature branches); everything that commit reaches is develop's. A back-merge brings the hotfix in through a
    /// merge's second parent, which the branch never contains, so its commits stay the hotfix's own.
    /// </summary>
    private static List<CommitInfo> CommitsFromDevelop(
        IHistoryReader history, IReadOnlyList<CommitInfo> ahead, IReadOnlyList<BranchTip> develop, BranchTip main, string tip)
    {
        var shared = ahead.Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
        shared.ExceptWith(history.ListCommits(tip, [main.TipSha, .. develop.Select(d => d.TipSha)]).Select(c => c.Sha));
        if (shared.Count == 0)
        {
            return [];
        }

        // Shared commits are no older than the oldest of them; develop's first-parent line below that (with a day of
        // slack for clock skew) cannot contain one, so the walk stops there instead of reading all of develop.
        var oldest = ahead.Where(c => shared.Contains(c.Sha)).Min(c => c.CommitTime).AddDays(-1);
        var fromDevelop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in develop)
        {
            foreach (var commit in history.FirstParentHistory(target.TipSha))
            {
                if (shared.Contains(commit.Sha))
                {
                    fromDevelop.UnionWith(history.ListCommits(commit.Sha, [main.TipSha]).Select(c => c.Sha).Where(shared.Contains));
                    break;
                }

                if (commit.CommitTime < oldest)
                {
                    break;
                }
            }
        }

        return ahead.Where(c => fromDevelop.Contains(c.Sha)).ToList();
    }

    /// <summary>
    /// Own hotfix commits that bring a develop-only commit's change. By patch id: a develop commit that is newer than
    /// the hotfix commit is the hotfix forward-ported to develop (fine), so only develop commits committed first count
    /// — or any the hotfix commit names in its "(cherry picked from commit …)" line. A develop commit that itself says
    /// it is a cherry-picked copy never counts as the original: it is the hotfix forward-ported with -x before a
    /// rebase or an amend gave the hotfix commit a later date (a copy of develop's own work leaves that work on develop
    /// too, where it is found as the original). By name: a hotfix commit that names a develop-only commit as its
    /// source brought that work even when the patches differ (a conflicted pick resolved to develop's side).
    /// </summary>
    private static List<CherryPickedChange> FindCherryPicks(
        IHistoryReader history, IReadOnlyList<CommitInfo> own, IReadOnlyList<BranchTip> develop, BranchTip main, string tip)
    {
        var ownCommits = own.Where(c => !c.IsMerge).ToDictionary(c => c.Sha, StringComparer.Ordinal);
        var found = NamedDevelopSources(history, ownCommits.Values, develop, main, tip);
        var reported = found.Select(f => (f.HotfixCommit.Sha, f.Original.Sha)).ToHashSet();
        // The matcher diffs the hotfix's commits only when asked: with no develop commit to compare, nothing is diffed.
        var matcher = new PatchMatcher(history, ownCommits.Values.Select(Change.Of));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in develop)
        {
            foreach (var candidate in history.EnumerateCommits(target.TipSha, [main.TipSha, tip]))
            {
                if (matcher.IsEmpty)
                {
                    return found;
                }

                if (candidate.IsMerge || !seen.Add(candidate.Sha))
                {
                    continue;
                }

                foreach (var match in matcher.Matches(Change.Of(candidate)))
                {
                    var copy = ownCommits[match.To];
                    var namedAsSource = CherryPickTrailers.Names(copy.Message, candidate.Sha);
                    var original = candidate.CommitTime <= copy.CommitTime && !CherryPickTrailers.IsCopy(candidate.Message);
                    if ((namedAsSource || original) && reported.Add((copy.Sha, candidate.Sha)))
                    {
                        found.Add(new CherryPickedChange(copy, candidate));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Hotfix commits whose "(cherry picked from commit …)" line names a commit only develop has.</summary>
    private static List<CherryPickedChange> NamedDevelopSources(
        IHistoryReader history, IEnumerable<CommitInfo> own, IReadOnlyList<BranchTip> develop, BranchTip main, string tip)
    {
        var found = new List<CherryPickedChange>();
        foreach (var copy in own)
        {
            foreach (var source in CherryPickTrailers.Sources(copy.Message).Distinct(StringComparer.Ordinal))
            {
                if (history.FindCommit(source) is { } original
                    && develop.Any(d => history.IsAncestor(source, d.TipSha))
                    && !history.IsAncestor(source, main.TipSha)
                    && !history.IsAncestor(source, tip))
                {
                    var samePatch = history.PatchId(Change.Of(copy).From, copy.Sha) is { } id && id == history.PatchId(Change.Of(original).From, source);
                    found.Add(new CherryPickedChange(copy, original, samePatch));
                }
            }
        }

        return found;
    }
}
