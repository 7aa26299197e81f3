using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>ForeignChanges and SyncToHead: a checkout between two trees, resumed from any mix of them, never over someone's edit.</summary>
public class InterruptedCheckoutTests
{
    /// <summary>HEAD attached to develop while index and files are still main's (what finish has before its checkout).</summary>
    private static (TestRepository Repo, string Main) AttachedToDevelopWithMainsFiles()
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Commit("develop: drop the readme, add web", ("README.md", null), ("web/app/index.txt", "web\n"));
        repo.Switch("main");
        repo.Git("symbolic-ref", "HEAD", "refs/heads/develop");
        return (repo, repo.Git("rev-parse", "main"));
    }

    [Fact]
    public void Sync_brings_index_and_files_to_head_adding_and_deleting_as_git_switch_would()
    {
        var (repo, main) = AttachedToDevelopWithMainsFiles();
        using var _ = repo;
        Assert.NotEqual(string.Empty, repo.Status());
        using var git = GitRepository.Open(repo.Path);
        Assert.Empty(git.ForeignChanges(main, repo.Head));
        git.SyncToHead(main);
        Assert.Equal(string.Empty, repo.Status());
        Assert.False(File.Exists(Path.Combine(repo.Path, "README.md")));
        Assert.Equal("web\n", File.ReadAllText(Path.Combine(repo.Path, "web", "app", "index.txt")));
        Assert.Equal(string.Empty, repo.Git("diff-index", "--cached", "HEAD"));

        git.SyncToHead(main);
        Assert.Equal(string.Empty, repo.Status());
    }

    [Fact]
    public void Any_mix_of_the_two_states_per_path_is_recognised_and_completed()
    {
        var (repo, main) = AttachedToDevelopWithMainsFiles();
        using var _ = repo;
        repo.Git("checkout", "develop", "--", "src/loyalty.txt");
        repo.WriteFile("web/app/index.txt", "web\n");
        File.Delete(Path.Combine(repo.Path, "README.md"));
        using var git = GitRepository.Open(repo.Path);
        Assert.Empty(git.ForeignChanges(main, repo.Head));
        git.SyncToHead(main);
        Assert.Equal(string.Empty, repo.Status());
    }

    [Fact]
    public void An_edit_in_neither_state_is_named_and_nothing_is_written()
    {
        var (repo, main) = AttachedToDevelopWithMainsFiles();
        using var _ = repo;
        repo.WriteFile("src/orders.txt", "my edit\n");
        var index = repo.Git("ls-files", "--stage");
        using var git = GitRepository.Open(repo.Path);
        Assert.Equal(["src/orders.txt"], git.ForeignChanges(main, repo.Head));
        var e = Assert.Throws<HotfixOperationException>(() => git.SyncToHead(main));
        Assert.Contains("src/orders.txt", e.Message);
        Assert.Equal("my edit\n", File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt")));
        Assert.Equal(index, repo.Git("ls-files", "--stage"));
        Assert.True(File.Exists(Path.Combine(repo.Path, "README.md")));
    }

    [Fact]
    public void An_untracked_file_where_the_new_tree_has_a_different_one_is_someones()
    {
        var (repo, main) = AttachedToDevelopWithMainsFiles();
        using var _ = repo;
        repo.WriteFile("web/app/index.txt", "my own notes\n");
        using var git = GitRepository.Open(repo.Path);
        Assert.Equal(["web/app/index.txt"], git.ForeignChanges(main, repo.Head));
    }

    /// <summary>
    /// Killed right after a file was swapped in: the path has the new content and the old one is left under the
    /// temporary name (WholeFiles.Replace's exchange). That is this checkout's own state, and the rerun clears it.
    /// </summary>
    [Fact]
    public void A_kill_after_a_swap_leaves_the_old_content_beside_the_path_and_the_rerun_clears_it()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var oldOrders = File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt"));
        repo.Switch("develop");
        repo.Commit("develop: change orders", ("src/orders.txt", "orders on develop\n"));
        repo.Switch("main");
        var main = repo.Git("rev-parse", "main");
        repo.Git("symbolic-ref", "HEAD", "refs/heads/develop");
        repo.WriteFile("src/orders.txt", "orders on develop\n");
        var leftover = Path.Combine(repo.Path, "src", "orders.txt.hotfix-finish.tmp");
        File.WriteAllText(leftover, oldOrders);

        using var git = GitRepository.Open(repo.Path);
        Assert.Empty(git.ForeignChanges(main, repo.Head));
        git.SyncToHead(main);

        Assert.Equal(string.Empty, repo.Status());
        Assert.False(File.Exists(leftover));
        Assert.Equal("orders on develop\n", File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt")));
        Assert.Equal(string.Empty, repo.Git("diff-index", "--cached", "HEAD"));
    }
}
