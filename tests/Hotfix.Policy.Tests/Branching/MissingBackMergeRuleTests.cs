using Hotfix.Policy.Checks.Audit;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Reporting;
using static Hotfix.Policy.Tests.Branching.BranchingChecks;

namespace Hotfix.Policy.Tests.Branching;

/// <summary>
/// HF0104 — "after merge to main, ALSO merge to develop" — as <c>hotfix audit</c> runs it: every hotfix on main's
/// first-parent line, and whether it reached develop by ancestry or by an equal patch.
/// </summary>
public class MissingBackMergeRuleTests
{
    /// <summary>The runbook's hotfix: a branch from main with one fix commit, merged --no-ff into main.</summary>
    private static InMemoryHistory HotfixMergedIntoMain(out string fix)
    {
        var git = HotfixFromMain(out fix);
        git.Merge("main", Branch);
        return git;
    }

    private static AuditedHotfix Audited(CheckReport report, string incident) =>
        Assert.Single(report.Section<AuditSection>()!.Audit.Hotfixes, h => h.Label == incident);

    /// <summary>The audit passes, and it found <paramref name="incident"/> on develop as the change of <paramref name="evidence"/>.</summary>
    private static AuditedHotfix PassesByPatchId(InMemoryHistory git, string incident, string evidence)
    {
        var report = Audit(git);
        Assert.Empty(report.Findings);
        var hotfix = Audited(report, incident);
        Assert.Equal(BackMergeStatus.ByPatchId, hotfix.Status);
        Assert.Equal([evidence], hotfix.Evidence.Select(c => c.Sha));
        return hotfix;
    }

    [Fact]
    public void A_hotfix_merged_into_main_and_develop_passes_by_ancestry()
    {
        var git = HotfixMergedIntoMain(out _);
        git.Merge("develop", Branch);

        var report = Audit(git);
        Assert.Empty(report.Findings);
        var hotfix = Audited(report, "INC-2026-0042");
        Assert.Equal((HotfixLanding.Merge, BackMergeStatus.ByAncestry), (hotfix.Landing, hotfix.Status));
        Assert.Equal(Branch, hotfix.Branch);
    }

    [Fact]
    public void A_hotfix_merged_into_main_only_is_a_blocking_error_with_the_command_to_merge_it_back()
    {
        var git = HotfixMergedIntoMain(out var fix);
        var merge = git.Tip("main");

        var report = Audit(git);
        var finding = Single(report, "HF0104", FindingSeverity.Error);
        Assert.True(report.IsBlocking);
        Assert.StartsWith($"INC-2026-0042 (merged into main by {Short(merge)} 'Merge branch '{Branch}' into main' on 2026-03-", finding.Message);
        Assert.Contains("never reached develop: neither its commits nor an equal patch are on develop.", finding.Message);
        Assert.EndsWith($"Merge it back: git checkout develop && git merge --no-ff {Short(fix)}", finding.Message);
        Assert.Equal([fix], Audited(report, "INC-2026-0042").Commits.Select(c => c.Sha));
    }

    [Fact]
    public void Merging_main_into_develop_brings_the_hotfix_by_ancestry()
    {
        var git = HotfixMergedIntoMain(out _);
        git.Merge("develop", "main");
        Assert.Empty(Audit(git).Findings);
        Assert.Equal(BackMergeStatus.ByAncestry, Audited(Audit(git), "INC-2026-0042").Status);
    }

    [Fact]
    public void The_hotfix_commit_cherry_picked_to_develop_passes_by_patch_id_with_the_copy_as_evidence()
    {
        var git = HotfixMergedIntoMain(out var fix);
        var copy = git.CherryPick("develop", fix, recordOrigin: true);
        PassesByPatchId(git, "INC-2026-0042", copy);
    }

    [Fact]
    public void A_different_change_on_develop_is_no_evidence()
    {
        var git = HotfixMergedIntoMain(out _);
        git.Commit("develop", "Round half up (INC-2026-0042)", "rounding-differently");
        Assert.Single(Audit(git).Findings, f => f.RuleId == "HF0104");
    }

    [Fact]
    public void A_squash_merge_is_found_by_its_incident_id_and_a_cherry_pick_to_develop_counts_by_patch_id()
    {
        var git = InMemoryHistory.MainAndDevelop();
        var squash = git.Commit("main", "Round half to even (INC-2026-0043) (#12)", "rounding");

        var missing = Single(Audit(git), "HF0104", FindingSeverity.Error);
        Assert.StartsWith($"INC-2026-0043 (landed on main as {Short(squash)} 'Round half to even (INC-2026-0043) (#12)'", missing.Message);
        Assert.EndsWith($"git checkout develop && git cherry-pick -x {Short(squash)}", missing.Message);

        var copy = git.CherryPick("develop", squash, recordOrigin: true);
        Assert.Equal(HotfixLanding.Squash, PassesByPatchId(git, "INC-2026-0043", copy).Landing);
    }

    [Fact]
    public void A_squash_on_main_with_the_branch_merged_into_develop_counts_by_the_branch_s_whole_change()
    {
        var git = InMemoryHistory.MainAndDevelop();
        const string twoSteps = "hotfix/INC-2026-0044-two-steps";
        git.Branch(twoSteps, "main");
        git.Commit(twoSteps, "Step one", "rounding");
        git.Commit(twoSteps, "Step two", "tax");
        git.Commit("main", "Fix rounding and tax (INC-2026-0044)", "rounding", "tax");
        var backMerge = git.Merge("develop", twoSteps);
        Assert.False(git.IsAncestor("main", "develop"));
        PassesByPatchId(git, "INC-2026-0044", backMerge);
    }

    [Fact]
    public void A_rebase_merge_is_one_hotfix_and_a_partial_cherry_pick_names_the_missing_commit()
    {
        var git = InMemoryHistory.MainAndDevelop();
        var first = git.Commit("main", "Round half to even (INC-2026-0045)");
        var second = git.Commit("main", "Test the rounding (INC-2026-0045)");
        git.CherryPick("develop", first);

        var report = Audit(git);
        var finding = Single(report, "HF0104", FindingSeverity.Error);
        Assert.StartsWith($"INC-2026-0045 (landed on main as 2 commits ending at {Short(second)}", finding.Message);
        Assert.Contains($"never fully reached develop: develop has 1 commit as an equal patch ({Short(first)} = ", finding.Message);
        Assert.Contains($" on develop), but not {Short(second)} Test the rounding (INC-2026-0045). The next release", finding.Message);
        // Only what develop lacks: git stops on a pick of a change it already has ("now empty").
        Assert.EndsWith($"git checkout develop && git cherry-pick -x {Short(second)}", finding.Message);
        Assert.Equal([second], Audited(report, "INC-2026-0045").MissingCommits.Select(c => c.Sha));

        git.CherryPick("develop", second);
        Assert.Empty(Audit(git).Findings);
    }

    [Fact]
    public void Merges_that_are_not_hotfixes_are_not_audited()
    {
        var git = InMemoryHistory.MainAndDevelop();
        git.Branch("release/1.2", "develop");
        git.Commit("release/1.2", "Bump version");
        git.Merge("main", "release/1.2");
        git.Merge("main", "develop");

        var report = Audit(git);
        Assert.Empty(report.Findings);
        Assert.Empty(report.Section<AuditSection>()!.Audit.Hotfixes);
    }

    [Fact]
    public void Since_leaves_out_hotfixes_that_reached_main_before_it()
    {
        var git = HotfixMergedIntoMain(out _);
        var landed = git.FindCommit(git.Tip("main"))!.CommitTime;
        for (var i = 0; i < 5; i++)
        {
            git.Commit("main", $"Release work {i}");
        }

        Assert.Single(Audit(git, since: landed).Findings, f => f.RuleId == "HF0104");
        Assert.Empty(Audit(git, since: landed.AddMinutes(1)).Findings);
    }
}
