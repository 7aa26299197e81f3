using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Findings;
using static Hotfix.Policy.Tests.Branching.BranchingChecks;

namespace Hotfix.Policy.Tests.Branching;

/// <summary>HF0103 — "always branch from main — main IS production": main moved on since the branch point.</summary>
public class BaseBehindMainRuleTests
{
    /// <summary>The HF0103 message of checking <see cref="BranchingChecks.Branch"/>: exactly one, at info.</summary>
    private static string Behind(InMemoryHistory git) => Single(Check(git), "HF0103", FindingSeverity.Info).Message;

    [Fact]
    public void A_branch_from_main_s_current_tip_is_not_behind()
    {
        var git = HotfixFromMain(out _);
        Assert.DoesNotContain(Check(git).Findings, f => f.RuleId == "HF0103");
        Assert.Equal(0, Check(git).Section<BranchSection>()!.History!.Behind);
    }

    [Fact]
    public void Main_moving_on_is_information_with_the_count_main_s_tip_and_the_branch_point()
    {
        var git = HotfixFromMain(out _);
        var branchPoint = git.Tip("main");
        git.Commit("main", "Another hotfix landed (INC-2026-0040)");
        var tip = git.Commit("main", "And a release");

        var report = Check(git);
        var finding = Single(report, "HF0103", FindingSeverity.Info);
        Assert.False(report.IsBlocking);
        Assert.StartsWith($"main ({Short(tip)}) has 2 commits that this branch does not: it moved on since the branch point {Short(branchPoint)}", finding.Message);
        Assert.EndsWith("git merge main (or git rebase main).", finding.Message);
    }

    [Fact]
    public void One_commit_behind_is_said_in_the_singular()
    {
        var git = HotfixFromMain(out _);
        git.Commit("main", "Another hotfix landed (INC-2026-0040)");
        Assert.Contains("has 1 commit that this branch does not", Behind(git));
    }

    [Fact]
    public void A_hotfix_merged_into_main_counts_with_the_commits_it_brought()
    {
        // git rev-list --count branch..main counts the merge and the merged branch's commit.
        var git = HotfixFromMain(out _);
        git.Branch("hotfix/INC-2026-0040-other", "main");
        git.Commit("hotfix/INC-2026-0040-other", "Fix the other thing");
        git.Merge("main", "hotfix/INC-2026-0040-other");

        Assert.Contains("has 2 commits that this branch does not", Behind(git));
    }

    [Fact]
    public void Bringing_main_in_clears_it()
    {
        var git = HotfixFromMain(out _);
        git.Commit("main", "Another hotfix landed (INC-2026-0040)");
        git.Merge(Branch, "main");

        var report = Check(git);
        Assert.Empty(report.Findings);
        Assert.Equal(git.Tip("main"), report.Section<BranchSection>()!.History!.BaseCommit);
    }

    [Fact]
    public void A_stale_local_main_is_compared_through_origin_main()
    {
        var git = HotfixFromMain(out _);
        git.Tracking("origin/main", "main");
        var stale = git.Tip("main");
        var fetched = git.Commit("main", "Another hotfix landed (INC-2026-0040)");
        git.Tracking("origin/main", fetched);
        git.Branch("main", stale);

        var message = Behind(git);
        Assert.StartsWith($"origin/main ({Short(fetched)}) has 1 commit that this branch does not", message);
        Assert.Contains("git merge origin/main", message);
    }
}
