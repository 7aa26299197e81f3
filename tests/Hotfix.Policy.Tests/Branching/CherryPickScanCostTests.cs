using Hotfix.Policy.Checks.Branching;
using static Hotfix.Policy.Tests.Branching.BranchingChecks;

namespace Hotfix.Policy.Tests.Branching;

/// <summary>
/// The cherry-pick scan (HF0102's develop-only changes) diffs the hotfix's commits only when develop has a commit to
/// compare them with; the answer is the same either way.
/// </summary>
public class CherryPickScanCostTests
{
    [Fact]
    public void Without_develop_no_commit_is_diffed()
    {
        var git = new InMemoryHistory();
        git.Commit("main", "Initial import", "orders");
        git.Branch(Branch, "main");
        git.Commit(Branch, "Round half to even", "rounding");
        git.Commit(Branch, "Test the rounding", "rounding-test");

        var history = Check(git).Section<BranchSection>()!.History!;
        Assert.Equal(BranchHistoryState.Compared, history.State);
        Assert.Equal(2, history.OwnCommits.Count);
        Assert.Empty(history.CherryPicked);
        Assert.Equal(0, git.PatchIdsComputed);
    }

    [Fact]
    public void With_develop_already_on_main_no_commit_is_diffed()
    {
        var git = HotfixFromMain(out _);
        git.Merge("main", "develop");

        Assert.Empty(Check(git).Section<BranchSection>()!.History!.CherryPicked);
        Assert.Equal(0, git.PatchIdsComputed);
    }

    [Fact]
    public void With_a_develop_only_commit_the_hotfix_commits_are_compared_and_a_cherry_pick_is_found()
    {
        var git = InMemoryHistory.MainAndDevelop();
        var original = git.Commit("develop", "Fix rounding on develop", "rounding");
        git.Branch(Branch, "main");
        var copy = git.Commit(Branch, "Fix rounding", "rounding");

        var picked = Assert.Single(Check(git).Section<BranchSection>()!.History!.CherryPicked);
        Assert.Equal(copy, picked.HotfixCommit.Sha);
        Assert.Equal(original, picked.Original.Sha);
        Assert.True(git.PatchIdsComputed > 0);
    }
}
