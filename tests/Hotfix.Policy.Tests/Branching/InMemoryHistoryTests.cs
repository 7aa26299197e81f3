using static Hotfix.Policy.Tests.Branching.BranchingChecks;

namespace Hotfix.Policy.Tests.Branching;

/// <summary>The in-memory history answers as git does for the shapes the rule tests build.</summary>
public class InMemoryHistoryTests
{
    [Fact]
    public void Rev_list_is_newest_first_but_never_lists_a_parent_before_its_child()
    {
        var git = InMemoryHistory.MainAndDevelop();
        var loyalty = git.Tip("develop");
        git.NextCommitAt(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var late = git.Commit("develop", "Dated late");
        git.NextCommitAt(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var skewed = git.Commit("develop", "Dated before its parent");

        Assert.Equal([skewed, late, loyalty], git.ListCommits("develop", ["main"]).Select(c => c.Sha));
        Assert.Equal(3, git.CountCommits("develop", ["main"]));
        Assert.Equal([skewed, late], git.ListCommits("develop", ["main"], limit: 2).Select(c => c.Sha));
    }

    [Fact]
    public void Merge_base_ancestry_and_first_parent_history_follow_the_graph()
    {
        var git = HotfixFromMain(out var fix);
        var branchPoint = git.Tip("main");
        git.Commit("main", "Main moves on");
        var merge = git.Merge("main", Branch);

        Assert.Equal(branchPoint, git.MergeBase(fix, "develop"));
        Assert.Equal(fix, git.MergeBase(Branch, "main"));
        Assert.True(git.IsAncestor(fix, "main"));
        Assert.False(git.IsAncestor(fix, "develop"));
        Assert.Equal(3, git.FirstParentHistory("main").Count());
        Assert.Equal(merge, git.FindCommit("refs/heads/main")!.Sha);
        Assert.Null(git.FindCommit("refs/remotes/origin/main"));
    }

    [Fact]
    public void A_cherry_pick_has_the_patch_id_of_its_original_and_a_branch_s_change_is_all_its_commits()
    {
        var git = HotfixFromMain(out var fix);
        var second = git.Commit(Branch, "Test the rounding");
        var copy = git.CherryPick("develop", fix);
        var other = git.Commit("develop", "Round half up");

        Assert.Equal(git.PatchId(git.Tip("main"), fix), git.PatchId(git.FindCommit(copy)!.Parents[0], copy));
        Assert.NotEqual(git.PatchId(git.Tip("main"), fix), git.PatchId(copy, other));
        Assert.Equal(2, git.ChangedPaths(git.Tip("main"), second).Count);
        Assert.Null(git.PatchId(fix, fix));
        Assert.NotNull(git.EntryId(copy, git.ChangedPaths(git.Tip("main"), fix)[0]));
        Assert.Null(git.EntryId(git.Tip("main"), git.ChangedPaths(git.Tip("main"), fix)[0]));
    }

    [Fact]
    public void A_shallow_clone_has_no_parents_past_its_boundary_and_none_of_the_commits_beyond()
    {
        var git = HotfixFromMain(out var fix);
        var initial = git.Tip("main");
        var moved = git.Commit("main", "Main moves on");
        git.Shallow(fix, "develop", moved);

        Assert.Empty(git.FindCommit(fix)!.Parents);
        Assert.Equal(fix, Assert.Single(git.ReachableFrom(Branch)));
        Assert.Null(git.MergeBase(Branch, "main"));
        Assert.Null(git.FindCommit(initial));
        Assert.Equal([moved], git.FirstParentHistory("main").Select(c => c.Sha));
        Assert.Equal([fix, git.Tip("develop"), moved], git.ShallowBoundary);
    }
}
