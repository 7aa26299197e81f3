using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>CheckedOutElsewhere against git worktree: the main tree and linked trees, seen from either side.</summary>
public class WorktreeAwarenessTests
{
    [Fact]
    public void Finds_the_other_tree_a_branch_is_checked_out_in_from_either_side()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var linked = Path.Combine(Path.GetDirectoryName(repo.Path)!, "develop-tree");
        repo.Git("worktree", "add", "--quiet", linked, "develop");

        using (var main = GitRepository.Open(repo.Path))
        {
            Assert.Equal(linked, main.CheckedOutElsewhere("develop"));
            Assert.Null(main.CheckedOutElsewhere("main"));
        }

        using (var fromLinked = GitRepository.Open(linked))
        {
            Assert.Equal(repo.Path, fromLinked.CheckedOutElsewhere("main"));
            Assert.Null(fromLinked.CheckedOutElsewhere("develop"));
        }

        // git agrees: it refuses to check out develop a second time.
        Assert.Contains("is already", repo.TryGit("switch", "develop").StandardError);
    }

    [Fact]
    public void A_repository_without_linked_trees_has_nothing_elsewhere()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        Assert.Null(git.CheckedOutElsewhere("main"));
        Assert.Null(git.CheckedOutElsewhere("develop"));
    }
}
