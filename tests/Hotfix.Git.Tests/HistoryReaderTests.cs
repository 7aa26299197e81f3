using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>IHistoryReader against the git CLI: merge-base, rev-list, log --first-parent, patch-id.</summary>
public class HistoryReaderTests
{
    private static TestRepository BranchedRepository()
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("hotfix/INC-2026-0042-fix", create: true);
        repo.Commit("Fix rounding", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Commit("Test rounding", ("tests/rounding.txt", "test\n"));
        repo.Switch("main");
        repo.Commit("Main moves on", ("docs/readme.txt", "docs\n"));
        return repo;
    }

    [Fact]
    public void Merge_base_matches_git()
    {
        using var repo = BranchedRepository();
        using var git = GitRepository.Open(repo.Path);
        var hotfix = repo.Git("rev-parse", "hotfix/INC-2026-0042-fix");
        var main = repo.Git("rev-parse", "main");
        Assert.Equal(repo.Git("merge-base", hotfix, main), git.MergeBase(hotfix, main));
        Assert.Equal(repo.Git("merge-base", "develop", hotfix), git.MergeBase(repo.Git("rev-parse", "develop"), hotfix));
    }

    [Fact]
    public void Merge_bases_ancestry_and_their_memo_match_git_in_a_criss_cross_history_asked_both_ways()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("x", create: true);
        repo.Commit("X1", ("x.txt", "1\n"));
        repo.Switch("main");
        repo.Switch("y", create: true);
        repo.Commit("Y1", ("y.txt", "1\n"));
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Y2: merge x", "x~0");
        repo.Switch("x");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "X2: merge y's first commit", "y~1");
        repo.Commit("X3", ("x.txt", "3\n"));
        var x = repo.Git("rev-parse", "x");
        var y = repo.Git("rev-parse", "y");
        var all = repo.Git("merge-base", "--all", x, y).Split('\n').Order().ToList();
        Assert.Equal(2, all.Count);

        using var git = GitRepository.Open(repo.Path);
        var commits = repo.Git("rev-list", "--all").Split('\n');
        for (var round = 0; round < 2; round++)
        {
            // The second round is answered from the memo, in the other order of each pair as well.
            Assert.Equal(repo.Git("merge-base", x, y), git.MergeBase(x, y));
            Assert.Equal(repo.Git("merge-base", y, x), git.MergeBase(y, x));
            Assert.Equal(all, git.MergeBasesOf(x, y).Order());
            Assert.Equal(all, git.MergeBasesOf(y, x).Order());
            foreach (var a in commits)
            {
                foreach (var d in commits)
                {
                    Assert.True(repo.TryGit("merge-base", "--is-ancestor", a, d).ExitCode == 0 == git.IsAncestor(a, d), $"is {a} an ancestor of {d}?");
                }
            }
        }
    }

    [Fact]
    public void Unrelated_histories_have_no_merge_base()
    {
        using var repo = BranchedRepository();
        repo.Git("switch", "--quiet", "--orphan", "other");
        var other = repo.Commit("Unrelated", ("x.txt", "x"));
        using var git = GitRepository.Open(repo.Path);
        Assert.NotEqual(0, repo.TryGit("merge-base", other, "main").ExitCode);
        Assert.Null(git.MergeBase(other, repo.Git("rev-parse", "main")));
    }

    [Fact]
    public void List_and_count_match_rev_list()
    {
        using var repo = BranchedRepository();
        using var git = GitRepository.Open(repo.Path);
        var hotfix = repo.Git("rev-parse", "hotfix/INC-2026-0042-fix");
        var main = repo.Git("rev-parse", "main");
        var develop = repo.Git("rev-parse", "develop");

        var ahead = git.ListCommits(hotfix, [main]);
        Assert.Equal(repo.Git("rev-list", hotfix, "^" + main).Split('\n'), ahead.Select(c => c.Sha));
        Assert.Equal(["Test rounding", "Fix rounding"], ahead.Select(c => c.Subject));
        Assert.Equal(int.Parse(repo.Git("rev-list", "--count", main, "^" + hotfix)), git.CountCommits(main, [hotfix]));
        Assert.Equal(int.Parse(repo.Git("rev-list", "--count", develop, "^" + main, "^" + hotfix)), git.CountCommits(develop, [main, hotfix]));
        Assert.Single(git.ListCommits(hotfix, [main], limit: 1));
    }

    [Fact]
    public void Reachable_set_and_lazy_enumeration_match_rev_list()
    {
        using var repo = BranchedRepository();
        using var git = GitRepository.Open(repo.Path);
        var develop = repo.Git("rev-parse", "develop");
        var main = repo.Git("rev-parse", "main");
        Assert.Equal(repo.Git("rev-list", "develop").Split('\n').Order(), git.ReachableFrom(develop).Order());
        Assert.Equal(repo.Git("rev-list", "--date-order", "develop", "^main").Split('\n'), git.EnumerateCommits(develop, [main]).Select(c => c.Sha));
        Assert.Equal(repo.Git("rev-list", "--date-order", "main").Split('\n').Take(2), git.EnumerateCommits(main, []).Take(2).Select(c => c.Sha));
    }

    [Fact]
    public void Changed_paths_and_entry_ids_match_git_diff_and_rev_parse()
    {
        using var repo = BranchedRepository();
        repo.Switch("develop");
        var before = repo.Head;
        var after = repo.Commit("Several files", ("src/orders.txt", null), ("src/new.txt", "n\n"), ("src/loyalty.txt", "changed\n"));
        using var git = GitRepository.Open(repo.Path);
        Assert.Equal(repo.Git("diff", "--name-only", "--no-renames", before, after).Split('\n').Order(StringComparer.Ordinal), git.ChangedPaths(before, after));
        Assert.Equal(repo.Git("ls-tree", "-r", "--name-only", before).Split('\n').Order(StringComparer.Ordinal), git.ChangedPaths(null, before));
        Assert.Equal(repo.Git("rev-parse", after + ":src/new.txt"), git.EntryId(after, "src/new.txt"));
        Assert.Equal(repo.Git("rev-parse", after + ":src"), git.EntryId(after, "src"));
        Assert.Null(git.EntryId(after, "src/orders.txt"));
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "--quiet", after + ":src/orders.txt").ExitCode);
    }

    [Fact]
    public void First_parent_history_matches_git_log_first_parent()
    {
        using var repo = BranchedRepository();
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge hotfix", "hotfix/INC-2026-0042-fix");
        using var git = GitRepository.Open(repo.Path);
        var expected = repo.Git("log", "--first-parent", "--format=%H", "main").Split('\n');
        var actual = git.FirstParentHistory(repo.Git("rev-parse", "main")).ToList();
        Assert.Equal(expected, actual.Select(c => c.Sha));
        Assert.True(actual[0].IsMerge);
        Assert.Equal(repo.Git("rev-parse", "main^2"), actual[0].Parents[1]);
        Assert.Equal(repo.Git("log", "-1", "--format=%cI", "main"), actual[0].CommitTime.ToString("yyyy-MM-ddTHH:mm:sszzz"));
    }

    [Fact]
    public void Is_ancestor_matches_merge_base_is_ancestor()
    {
        using var repo = BranchedRepository();
        using var git = GitRepository.Open(repo.Path);
        string Sha(string rev) => repo.Git("rev-parse", rev);
        foreach (var (a, d) in new[] { ("main~1", "main"), ("main", "main"), ("main", "main~1"), ("hotfix/INC-2026-0042-fix", "main"), ("develop", "main") })
        {
            var expected = repo.TryGit("merge-base", "--is-ancestor", a, d).ExitCode == 0;
            Assert.True(expected == git.IsAncestor(Sha(a), Sha(d)), $"{a} ancestor of {d}: git says {expected}");
        }
    }

    /// <summary>
    /// Changed paths skip identical subtrees instead of walking every file; this pins the cases that walk has to get
    /// right: whole subtrees appearing and going away, a file replaced by a folder of the same name, a mode change,
    /// nested folders — against git diff, and the patch ids (now diffed over exactly those paths) against git patch-id.
    /// </summary>
    [Fact]
    public void Changed_paths_and_patch_ids_across_subtrees_type_and_mode_changes_match_git()
    {
        using var repo = BranchedRepository();
        repo.Switch("develop");
        var before = repo.Commit("Layout", ("deep/a/b/one.txt", "1\n"), ("deep/a/two.txt", "2\n"), ("deep/keep/k.txt", "k\n"), ("swap", "file\n"), ("tool.sh", "echo\n"));
        var after = repo.Commit(
            "Reshape",
            ("deep/a/b/one.txt", null),
            ("swap", null),
            ("swap/inner.txt", "now a folder\n"),
            ("fresh/x/y/z.txt", "new subtree\n"),
            ("deep/a/two.txt", "two\n"));
        using var git = GitRepository.Open(repo.Path);
        foreach (var (from, to) in new[] { (before, after), (after, before), (repo.Git("rev-parse", "main"), after) })
        {
            var expected = repo.Git("diff", "--name-only", "--no-renames", from, to).Split('\n').Order(StringComparer.Ordinal);
            Assert.Equal(expected, git.ChangedPaths(from, to));
            var diff = repo.Git("diff", "--no-renames", "--full-index", "--binary", from, to);
            var patchId = ProcessRunner.Run("git", ["patch-id", "--stable"], repo.Path, GitCli.Environment, standardInput: diff + "\n").StandardOutput.Split(' ')[0];
            Assert.Equal(patchId, git.PatchId(from, to));
        }

        Assert.Null(git.PatchId(after, after));

        // A mode-only change: git diff lists it, and it is a change of its own for cherry detection. (Its patch id is
        // git cherry's, which hashes "---a/ +++b/" for it; git patch-id's text parser sees no such lines in the patch.)
        repo.Git("update-index", "--chmod=+x", "tool.sh");
        var executable = repo.Commit("Make the tool executable");
        Assert.Equal(["tool.sh"], git.ChangedPaths(after, executable));
        Assert.Equal("tool.sh", repo.Git("diff", "--name-only", after, executable));
        Assert.NotNull(git.PatchId(after, executable));
        Assert.NotEqual(git.PatchId(after, executable), git.PatchId(executable, after));
    }

    [Fact]
    public void Patch_ids_equal_git_patch_id_stable()
    {
        using var repo = BranchedRepository();
        repo.Switch("develop");
        repo.Commit("Mixed change", ("src/loyalty.txt", "loyalty\ntiers\n"), ("src/orders.txt", null), ("src/new.txt", "no newline at the end"));
        using var git = GitRepository.Open(repo.Path);
        foreach (var rev in new[] { "hotfix/INC-2026-0042-fix~1", "hotfix/INC-2026-0042-fix", "develop", "main" })
        {
            var sha = repo.Git("rev-parse", rev);
            var diff = repo.Git("show", "--no-renames", "--full-index", "--binary", "--format=", sha);
            var expected = ProcessRunner.Run("git", ["patch-id", "--stable"], repo.Path, GitCli.Environment, standardInput: diff + "\n").StandardOutput.Split(' ')[0];
            Assert.True(expected == git.PatchId(repo.Git("rev-parse", rev + "^"), sha), $"patch id of {rev}");
        }
    }

    [Fact]
    public void Binary_changes_are_equal_only_when_their_content_is_as_in_git_cherry()
    {
        // libgit2's own git_diff_patchid hashes every binary change of a file alike; git hashes both blob ids.
        using var repo = TestRepository.Create();
        repo.Commit("Logo", ("logo.bin", "\0old"));
        repo.Switch("a", create: true);
        repo.Commit("Logo A", ("logo.bin", "\0AAA"), ("notes.txt", "a\n"));
        repo.Switch("main");
        repo.Switch("b", create: true);
        repo.Commit("Logo B", ("logo.bin", "\0BBB"), ("notes.txt", "a\n"));
        repo.Switch("main");
        repo.Git("cherry-pick", "a");
        using var git = GitRepository.Open(repo.Path);
        string Sha(string rev) => repo.Git("rev-parse", rev);
        string? Id(string rev) => git.PatchId(Sha(rev + "^"), Sha(rev));
        Assert.NotEqual(Id("a"), Id("b"));
        Assert.Equal(Id("a"), Id("main"));
        Assert.StartsWith("- ", repo.Git("cherry", "main", "a"));
        Assert.StartsWith("+ ", repo.Git("cherry", "main", "b"));
    }

    [Fact]
    public void A_cherry_pick_has_the_patch_id_of_its_original_as_git_cherry_says()
    {
        using var repo = BranchedRepository();
        repo.Switch("develop");
        repo.Git("cherry-pick", "hotfix/INC-2026-0042-fix~1");
        using var git = GitRepository.Open(repo.Path);
        string Sha(string rev) => repo.Git("rev-parse", rev);
        // git cherry marks with '-' the hotfix commits develop already has as an equivalent change.
        var cherry = repo.Git("cherry", "develop", "hotfix/INC-2026-0042-fix");
        Assert.Contains("- " + Sha("hotfix/INC-2026-0042-fix~1"), cherry);
        Assert.Contains("+ " + Sha("hotfix/INC-2026-0042-fix"), cherry);
        Assert.Equal(git.PatchId(Sha("develop~1"), Sha("develop")), git.PatchId(Sha("hotfix/INC-2026-0042-fix~2"), Sha("hotfix/INC-2026-0042-fix~1")));
        Assert.NotEqual(Sha("develop"), Sha("hotfix/INC-2026-0042-fix~1"));
    }

    [Fact]
    public void An_empty_change_has_no_patch_id_and_a_root_commit_has_one()
    {
        using var repo = TestRepository.Create();
        var root = repo.Head;
        var empty = repo.Commit("Empty");
        using var git = GitRepository.Open(repo.Path);
        Assert.Null(git.PatchId(root, empty));
        var diff = repo.Git("show", "--no-renames", "--full-index", "--format=", root);
        var expected = ProcessRunner.Run("git", ["patch-id", "--stable"], repo.Path, GitCli.Environment, standardInput: diff + "\n").StandardOutput.Split(' ')[0];
        Assert.Equal(expected, git.PatchId(null, root));
    }

    [Fact]
    public void Find_commit_reads_branches_and_shas_and_rejects_unknown_names()
    {
        using var repo = BranchedRepository();
        using var git = GitRepository.Open(repo.Path);
        Assert.Equal(repo.Git("rev-parse", "main"), git.FindCommit("refs/heads/main")!.Sha);
        Assert.Equal("Main moves on", git.FindCommit(repo.Git("rev-parse", "main"))!.Subject);
        Assert.Null(git.FindCommit("refs/heads/nope"));
        Assert.Null(git.FindCommit("refs/remotes/origin/main"));
        Assert.Empty(git.ShallowBoundary);
        Assert.Equal("false", repo.Git("rev-parse", "--is-shallow-repository"));
    }
}
