using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Findings;
using static Hotfix.Policy.Tests.Branching.BranchingChecks;

namespace Hotfix.Policy.Tests.Branching;

/// <summary>
/// HF0105: a shallow clone that cannot answer gets "unknown" with how to deepen — never HF0102, HF0103 or HF0104 —
/// and a clone deep enough to answer gets the real verdict and no HF0105.
/// </summary>
public class ShallowHistoryRuleTests
{
    /// <summary>A hotfix branched from develop while main moved on: a full clone says HF0102 and HF0103.</summary>
    private static InMemoryHistory BranchedFromDevelopWhileMainMoved()
    {
        var git = InMemoryHistory.MainAndDevelop();
        git.Branch(Branch, "develop");
        git.Commit(Branch, "Round half to even");
        git.Commit("main", "Main moves on");
        return git;
    }

    [Fact]
    public void A_full_clone_decides_and_has_no_HF0105()
    {
        var report = Check(BranchedFromDevelopWhileMainMoved());
        Assert.Equal(["HF0102", "HF0103"], report.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void A_depth_one_clone_reports_unknown_with_where_history_stops_and_how_to_deepen()
    {
        var git = BranchedFromDevelopWhileMainMoved();
        string[] tips = [git.Tip(Branch), git.Tip("main"), git.Tip("develop")];
        git.Shallow(tips);
        Assert.Null(git.MergeBase(tips[0], tips[1]));

        var report = Check(git);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("HF0105", FindingSeverity.Warning), (finding.RuleId, finding.Severity));
        Assert.StartsWith("unknown whether the branch was created from main (HF0102 and HF0103 were not decided): this clone is shallow (history stops at ", finding.Message);
        Assert.All(tips, tip => Assert.Contains(Short(tip), finding.Message));
        Assert.Contains("git fetch --unshallow origin", finding.Message);
        Assert.Equal(BranchHistoryState.TooShallow, report.Section<BranchSection>()!.History!.State);
    }

    [Fact]
    public void A_clone_whose_history_stops_at_the_branch_point_is_deep_enough_to_decide()
    {
        var git = InMemoryHistory.MainAndDevelop();
        var branchPoint = git.Commit("main", "Release 1.1");
        git.Branch(Branch, "main");
        git.Commit(Branch, "Round half to even");
        git.Commit("main", "Main moves on");
        git.Shallow(branchPoint, git.Tip("develop"));

        var report = Check(git);
        Assert.Equal(["HF0103"], report.Findings.Select(f => f.RuleId));
        Assert.Contains($"since the branch point {Short(branchPoint)}", report.Findings[0].Message);
    }

    [Fact]
    public void A_shallow_audit_reports_unknown_for_the_hotfix_it_cannot_follow_and_for_older_history()
    {
        static InMemoryHistory Build(bool shallow)
        {
            var git = HotfixFromMain(out _);
            git.Merge("main", Branch);
            if (shallow)
            {
                git.Shallow(git.Tip("develop"), git.FindCommit(git.Tip("main"))!.Parents[0]);
            }

            return git;
        }

        var git = Build(shallow: true);
        var merge = git.FindCommit(git.Tip("main"))!;
        var cut = merge.Parents[0];
        var report = Audit(git);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "HF0104");
        Assert.False(report.IsBlocking);
        var messages = report.Findings.Select(f => (f.RuleId, f.Severity, f.Message)).ToList();
        Assert.All(messages, m => Assert.Equal(("HF0105", FindingSeverity.Warning), (m.RuleId, m.Severity)));
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Message.StartsWith($"unknown whether INC-2026-0042 ({merge.ShortSha} on main) reached develop: this clone is shallow", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Message.StartsWith($"unknown whether hotfixes older than {Short(cut)} (2026-03-02) reached develop — main's history ends there", StringComparison.Ordinal));

        // The same history in full: the verdict is real.
        Assert.Equal(["HF0104"], Audit(Build(shallow: false)).Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void A_shallow_audit_since_a_date_inside_its_history_decides()
    {
        var git = InMemoryHistory.MainAndDevelop();
        var branchPoint = git.Commit("main", "Release 1.1");
        git.Merge("develop", "main");
        git.Branch(Branch, "main");
        git.Commit(Branch, "Round half to even");
        var merge = git.Merge("main", Branch);
        git.Shallow(branchPoint);

        var report = Audit(git, since: git.FindCommit(merge)!.CommitTime);
        Assert.Equal(["HF0104"], report.Findings.Select(f => f.RuleId));
    }
}
