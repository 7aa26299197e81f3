using Hotfix.Policy.History;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>Shallow clones: the boundary git records, and when ancestry can still be decided.</summary>
public class ShallowCloneTests
{
    [Fact]
    public void The_shallow_boundary_is_git_s_and_an_unconnected_branch_is_undecidable()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("hotfix/INC-2026-0042-fix", create: true);
        repo.Commit("Fix", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("main");
        repo.Commit("Main 2", ("a.txt", "a\n"));
        repo.Commit("Main 3", ("b.txt", "b\n"));

        using var clones = new TempDirectory();
        var clone = clones.Combine("shallow");
        GitCli.Run(clones.Path, "clone", "--quiet", "--depth", "1", "--no-single-branch", "file://" + repo.Path, clone);
        Assert.Equal("true", GitCli.Run(clone, "rev-parse", "--is-shallow-repository"));

        using var git = GitRepository.Open(clone);
        var boundary = File.ReadAllLines(Path.Combine(clone, ".git", "shallow")).Order().ToList();
        Assert.Equal(boundary, git.ShallowBoundary.Order());

        var main = GitCli.Run(clone, "rev-parse", "origin/main");
        var hotfix = GitCli.Run(clone, "rev-parse", "origin/hotfix/INC-2026-0042-fix");
        var mergeBase = git.MergeBase(hotfix, main);
        Assert.Null(mergeBase);
        Assert.NotEqual(0, GitCli.Try(clone, "merge-base", hotfix, main).ExitCode);
        Assert.False(ShallowHistory.CanDecide(git, hotfix, main, mergeBase));
    }

    [Fact]
    public void A_deep_enough_clone_decides_even_though_it_is_shallow()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        for (var i = 0; i < 4; i++)
        {
            repo.Commit($"Old history {i}", ($"old{i}.txt", "x\n"));
        }

        repo.Switch("hotfix/INC-2026-0042-fix", create: true);
        repo.Commit("Fix", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("main");
        repo.Commit("Main moves on", ("a.txt", "a\n"));

        using var clones = new TempDirectory();
        var clone = clones.Combine("shallow");
        GitCli.Run(clones.Path, "clone", "--quiet", "--depth", "3", "--no-single-branch", "file://" + repo.Path, clone);
        using var git = GitRepository.Open(clone);
        Assert.NotEmpty(git.ShallowBoundary);
        var main = GitCli.Run(clone, "rev-parse", "origin/main");
        var hotfix = GitCli.Run(clone, "rev-parse", "origin/hotfix/INC-2026-0042-fix");
        var mergeBase = git.MergeBase(hotfix, main);
        Assert.Equal(GitCli.Run(clone, "merge-base", hotfix, main), mergeBase);
        Assert.True(ShallowHistory.CanDecide(git, hotfix, main, mergeBase));
        Assert.Equal(int.Parse(GitCli.Run(clone, "rev-list", "--count", main, "^" + hotfix)), git.CountCommits(main, [hotfix]));
    }

    [Fact]
    public void A_linked_worktree_of_a_shallow_clone_sees_the_boundary_its_main_tree_sees()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("hotfix/INC-2026-0042-fix", create: true);
        repo.Commit("Fix", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("main");
        repo.Commit("Main 2", ("a.txt", "a\n"));

        using var clones = new TempDirectory();
        var clone = clones.Combine("shallow");
        var linked = clones.Combine("linked");
        GitCli.Run(clones.Path, "clone", "--quiet", "--depth", "1", "--no-single-branch", "file://" + repo.Path, clone);
        GitCli.Run(clone, "worktree", "add", "--quiet", linked, "hotfix/INC-2026-0042-fix");
        var main = GitCli.Run(clone, "rev-parse", "origin/main");
        var hotfix = GitCli.Run(clone, "rev-parse", "origin/hotfix/INC-2026-0042-fix");

        using var mainTree = GitRepository.Open(clone);
        using var git = GitRepository.Open(linked);
        Assert.NotEmpty(mainTree.ShallowBoundary);
        Assert.Equal(mainTree.ShallowBoundary.Order(), git.ShallowBoundary.Order());
        // libgit2 alone would walk past the boundary here and fail "object not found".
        Assert.Null(git.MergeBase(hotfix, main));
        Assert.False(ShallowHistory.CanDecide(git, hotfix, main, null));
        Assert.Equal(mainTree.CountCommits(hotfix, [main]), git.CountCommits(hotfix, [main]));
        Assert.Equal(mainTree.FirstParentHistory(main).Select(c => c.Sha), git.FirstParentHistory(main).Select(c => c.Sha));
        Assert.Equal(hotfix, git.Head.CommitSha);
    }
}
