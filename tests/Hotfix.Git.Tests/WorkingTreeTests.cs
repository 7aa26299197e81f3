using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>IWorkingTree against git status and git symbolic-ref.</summary>
public class WorkingTreeTests
{
    [Fact]
    public void Status_reports_staged_and_modified_tracked_files_but_not_untracked_ones()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.WriteFile("src/orders.txt", "changed\n");
        repo.WriteFile("README.md", "staged\n");
        repo.Git("add", "README.md");
        repo.WriteFile("notes.txt", "untracked\n");
        using var git = GitRepository.Open(repo.Path);
        var status = git.Status();
        Assert.Equal(["README.md"], status.Staged);
        Assert.Equal(["src/orders.txt"], status.Modified);
        Assert.Null(status.OperationInProgress);
        Assert.False(status.IsClean);
        Assert.Equal("M  README.md\n M src/orders.txt\n?? notes.txt", repo.Status());
    }

    [Fact]
    public void Untracked_files_alone_leave_the_tree_clean_as_in_git()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.WriteFile("notes.txt", "untracked\n");
        using var git = GitRepository.Open(repo.Path);
        Assert.True(git.Status().IsClean);
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=no"));
    }

    [Fact]
    public void An_unfinished_merge_is_an_operation_in_progress()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Commit("Main edit", ("src/orders.txt", HotfixRepositories.OrdersWith("tax", "tax-main")));
        repo.Switch("develop");
        repo.Commit("Develop edit", ("src/orders.txt", HotfixRepositories.OrdersWith("tax", "tax-develop")));
        Assert.NotEqual(0, repo.TryGit("merge", "main").ExitCode);
        using var git = GitRepository.Open(repo.Path);
        var status = git.Status();
        Assert.Equal("a merge", status.OperationInProgress);
        Assert.Equal(["src/orders.txt"], status.Conflicted);
        Assert.StartsWith("UU src/orders.txt", repo.Status());
    }

    [Fact]
    public void Untracked_files_in_the_way_of_a_checkout_are_named()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.WriteFile("src/loyalty.txt", "mine\n");
        repo.WriteFile("elsewhere.txt", "harmless\n");
        using var git = GitRepository.Open(repo.Path);
        var develop = repo.Git("rev-parse", "develop");
        Assert.Equal(["src/loyalty.txt"], git.UntrackedFilesInTheWay(develop));
        Assert.Equal(["src/loyalty.txt"], git.UntrackedFilesInTheWay(repo.Git("rev-parse", "develop^{tree}")));
        var checkout = repo.TryGit("checkout", "develop");
        Assert.NotEqual(0, checkout.ExitCode);
        Assert.Contains("untracked working tree files would be overwritten", checkout.StandardError);
    }

    [Fact]
    public void Detached_checkout_then_attach_is_git_switch()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        var develop = repo.Git("rev-parse", "develop");
        git.CheckOutDetached(develop);
        Assert.NotEqual(0, repo.TryGit("symbolic-ref", "-q", "HEAD").ExitCode);
        Assert.Equal(develop, repo.Head);
        git.AttachHead("develop");
        Assert.Equal("refs/heads/develop", repo.Git("symbolic-ref", "HEAD"));
        Assert.Equal(string.Empty, repo.Status());
        Assert.True(File.Exists(Path.Combine(repo.Path, "src", "loyalty.txt")));
        git.SwitchTo("main");
        Assert.Equal("main", repo.CurrentBranch);
        Assert.False(File.Exists(Path.Combine(repo.Path, "src", "loyalty.txt")));
        Assert.Equal(string.Empty, repo.Status());
    }

    [Fact]
    public void A_checkout_that_would_overwrite_a_local_change_refuses_and_changes_nothing()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Commit("Develop edits orders", ("src/orders.txt", HotfixRepositories.OrdersWith("tax", "tax-develop")));
        repo.Switch("main");
        repo.WriteFile("src/orders.txt", "my unsaved work\n");
        var before = repo.RefsAndHead();
        using var git = GitRepository.Open(repo.Path);
        var e = Assert.Throws<HotfixOperationException>(() => git.CheckOutDetached(repo.Git("rev-parse", "develop")));
        Assert.Equal("HEAD, the index and the working tree were not changed", e.State);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal("my unsaved work\n", File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt")));
        Assert.Equal(" M src/orders.txt", repo.Status());
    }
}
