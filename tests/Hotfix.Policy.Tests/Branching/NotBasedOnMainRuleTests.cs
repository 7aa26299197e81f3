using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Findings;
using static Hotfix.Policy.Tests.Branching.BranchingChecks;

namespace Hotfix.Policy.Tests.Branching;

/// <summary>HF0102 — "hotfix branches from main (production), NEVER from develop" — over an in-memory history.</summary>
public class NotBasedOnMainRuleTests
{
    [Fact]
    public void A_branch_from_main_with_its_fix_passes_and_its_one_commit_is_its_own()
    {
        var git = HotfixFromMain(out var fix);
        var report = Check(git);
        Assert.Empty(report.Findings);
        var history = report.Section<BranchSection>()!.History!;
        Assert.Equal(BranchHistoryState.Compared, history.State);
        Assert.Equal(git.Tip("main"), history.BaseCommit);
        Assert.Equal([fix], history.OwnCommits.Select(c => c.Sha));
        Assert.Empty(history.FromBackMergeTarget);
    }

    [Fact]
    public void A_branch_from_develop_is_a_blocking_error_that_lists_develop_s_commit_and_how_to_recreate_it()
    {
        var git = InMemoryHistory.MainAndDevelop();
        var loyalty = git.Tip("develop");
        git.Branch(Branch, "develop");
        var fix = git.Commit(Branch, "Round half to even");

        var report = Check(git);
        var finding = Single(report, "HF0102", FindingSeverity.Error);
        Assert.True(report.IsBlocking);
        Assert.StartsWith(
            $"the branch contains 1 commit from develop that is not on main — it was branched from develop or develop was merged into it",
            finding.Message);
        Assert.Contains($": {Short(loyalty)} Add loyalty discounts. ", finding.Message);
        Assert.EndsWith($"git switch -c <new-hotfix-branch> main && git cherry-pick {Short(fix)}", finding.Message);
    }

    [Fact]
    public void Every_develop_commit_is_counted_and_the_hotfix_s_own_commits_are_cherry_picked_oldest_first()
    {
        var git = InMemoryHistory.MainAndDevelop();
        var loyalty = git.Tip("develop");
        var giftCards = git.Commit("develop", "Add gift cards");
        git.Branch(Branch, "develop");
        var first = git.Commit(Branch, "Round half to even");
        var then = git.Commit(Branch, "Test the rounding");

        var finding = Single(Check(git), "HF0102", FindingSeverity.Error);
        Assert.StartsWith("the branch contains 2 commits from develop that are not on main", finding.Message);
        Assert.Contains($": {Short(giftCards)} Add gift cards; {Short(loyalty)} Add loyalty discounts. ", finding.Message);
        Assert.EndsWith($"git cherry-pick {Short(first)} {Short(then)}", finding.Message);
    }

    [Fact]
    public void Merging_develop_into_the_hotfix_is_an_error_listing_develop_s_commit()
    {
        var git = HotfixFromMain(out _);
        var loyalty = git.Tip("develop");
        git.Merge(Branch, "develop", "Merge develop into the hotfix");

        var finding = Single(Check(git), "HF0102", FindingSeverity.Error);
        Assert.StartsWith("the branch contains 1 commit from develop that is not on main", finding.Message);
        Assert.Contains($"{Short(loyalty)} Add loyalty discounts", finding.Message);
    }

    // Was a bug: the advice named the merge commit too; git refuses to cherry-pick a merge without -m, and with -m 1
    // it brings develop's changes back.
    [Fact]
    public void Merging_develop_into_the_hotfix_advises_cherry_picking_only_the_fix()
    {
        var git = HotfixFromMain(out var fix);
        git.Merge(Branch, "develop", "Merge develop into the hotfix");

        var finding = Single(Check(git), "HF0102", FindingSeverity.Error);
        Assert.EndsWith($"git switch -c <new-hotfix-branch> main && git cherry-pick {Short(fix)}", finding.Message);
    }

    [Fact]
    public void A_change_cherry_picked_from_develop_is_an_error_naming_both_commits_and_the_branch_point()
    {
        var git = HotfixFromMain(out _);
        var original = git.Tip("develop");
        var copy = git.CherryPick(Branch, "develop");

        var finding = Single(Check(git), "HF0102", FindingSeverity.Error);
        Assert.StartsWith(
            $"commit {Short(copy)} 'Add loyalty discounts' repeats develop-only commit {Short(original)} 'Add loyalty discounts' (same patch id)",
            finding.Message);
        Assert.Contains($"git rebase -i {Short(git.Tip("main"))}", finding.Message);
    }

    [Fact]
    public void The_hotfix_forward_ported_to_develop_is_not_a_cherry_pick_from_develop()
    {
        var git = HotfixFromMain(out var fix);
        git.CherryPick("develop", fix);
        Assert.Empty(Check(git).Findings);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_copy_dated_before_its_develop_source_is_reported_only_when_it_names_the_source(bool recordOrigin)
    {
        // develop's commit carries a later date than the copy (clock skew): by date it looks forward-ported.
        var git = InMemoryHistory.MainAndDevelop();
        git.NextCommitAt(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var original = git.Commit("develop", "Add gift cards");
        git.Branch(Branch, "main");
        git.NextCommitAt(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var copy = git.CherryPick(Branch, original, recordOrigin);

        var findings = Check(git).Findings.Where(f => f.RuleId == "HF0102").Select(f => f.Message).ToList();
        if (recordOrigin)
        {
            Assert.StartsWith($"commit {Short(copy)} 'Add gift cards' repeats develop-only commit {Short(original)}", Assert.Single(findings));
        }
        else
        {
            Assert.Empty(findings);
        }
    }

    [Fact]
    public void After_a_back_merge_the_hotfix_s_commits_on_develop_stay_its_own()
    {
        // hotfix finish stopped after merging into develop: develop has the fix through a merge's second parent.
        var git = HotfixFromMain(out _);
        git.Merge("develop", Branch);
        Assert.Empty(Check(git).Findings);
    }

    [Fact]
    public void A_branch_with_no_history_in_common_with_main_is_an_error()
    {
        var git = InMemoryHistory.MainAndDevelop();
        git.Commit(Branch, "Round half to even");
        git.Commit(Branch, "Test the rounding");

        var finding = Single(Check(git), "HF0102", FindingSeverity.Error);
        Assert.StartsWith("the branch shares no history with main: none of its 2 commits descends from production", finding.Message);
        Assert.Equal(BranchHistoryState.Unrelated, Check(git).Section<BranchSection>()!.History!.State);
    }

    [Fact]
    public void Without_main_it_warns_that_it_could_not_check_and_says_what_to_fetch()
    {
        var git = HotfixFromMain(out _);
        git.DeleteBranch("main");

        var finding = Single(Check(git), "HF0102", FindingSeverity.Warning);
        Assert.Contains("neither 'main' nor 'origin/main' exists in this clone. Fetch it (git fetch origin main:refs/remotes/origin/main)", finding.Message);
    }

    [Fact]
    public void A_ci_checkout_with_only_remote_tracking_branches_names_them()
    {
        var git = InMemoryHistory.MainAndDevelop();
        git.Tracking("origin/main", "main");
        git.Tracking("origin/develop", "develop");
        git.Branch(Branch, "develop");
        git.Commit(Branch, "Round half to even");
        git.DeleteBranch("main");
        git.DeleteBranch("develop");

        var finding = Single(Check(git), "HF0102", FindingSeverity.Error);
        Assert.StartsWith("the branch contains 1 commit from origin/develop that is not on origin/main", finding.Message);
    }
}
