using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>In-memory merges against git merge-tree --write-tree (git 2.38+), which also writes no ref or file.</summary>
public class MergeEngineTests
{
    private static TestRepository WithHotfix(string line, string replacement)
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("hotfix/INC-2026-0042-fix", create: true);
        repo.Commit("Fix", ("src/orders.txt", HotfixRepositories.OrdersWith(line, replacement)));
        repo.Switch("main");
        return repo;
    }

    [Fact]
    public void A_clean_merge_gives_the_tree_git_merge_tree_gives_and_changes_nothing()
    {
        using var repo = WithHotfix("round", "round-half-even");
        repo.Switch("develop");
        repo.Commit("Develop edits another line", ("src/orders.txt", HotfixRepositories.OrdersWith("receipt", "receipt-v2")));
        var before = repo.RefsAndHead();
        using var git = GitRepository.Open(repo.Path);
        var develop = repo.Git("rev-parse", "develop");
        var hotfix = repo.Git("rev-parse", "hotfix/INC-2026-0042-fix");
        var preview = git.PreviewMerge(develop, hotfix);
        Assert.False(preview.HasConflicts);
        Assert.Equal(repo.Git("merge-tree", "--write-tree", develop, hotfix), preview.TreeId);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal(string.Empty, repo.Status());
    }

    [Theory]
    [InlineData("disjoint files")]
    [InlineData("their deletion")]
    [InlineData("same file, other lines")]
    [InlineData("new folder beside ours")]
    [InlineData("the same change on both sides")]
    public void Every_kind_of_clean_merge_gives_git_s_tree(string kind)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("hotfix/INC-2026-0042-fix", create: true);
        switch (kind)
        {
            case "disjoint files":
                // Disjoint from develop's paths: merged by rewriting only the trees on these paths.
                repo.Commit("Fix", ("README.md", "# Service v2\n"), ("src/deep/new/file.txt", "n\n"));
                break;
            case "their deletion":
                repo.Commit("Remove", ("README.md", null));
                break;
            case "same file, other lines":
                repo.Commit("Fix", ("src/loyalty.txt", "loyalty\n"), ("src/orders.txt", HotfixRepositories.OrdersWith("total", "total-fixed")));
                break;
            case "the same change on both sides":
                repo.Commit("Fix", ("docs/a.txt", "a\n"), ("README.md", "# Service v2\n"));
                break;
            default:
                repo.Commit("Fix", ("src/orders/extra.txt", "x\n"));
                break;
        }

        repo.Switch("develop");
        repo.Commit("Develop moves on", ("src/loyalty.txt", "loyalty\ntiers\n"), ("src/orders.txt", HotfixRepositories.OrdersWith("receipt", "receipt-v2")), ("docs/a.txt", "a\n"));
        using var git = GitRepository.Open(repo.Path);
        var develop = repo.Git("rev-parse", "develop");
        var hotfix = repo.Git("rev-parse", "hotfix/INC-2026-0042-fix");
        var preview = git.PreviewMerge(develop, hotfix);
        var gitSays = repo.TryGit("merge-tree", "--write-tree", develop, hotfix);
        Assert.True(gitSays.ExitCode == 0 == !preview.HasConflicts, $"{kind}: git says\n{gitSays}\nwe say {string.Join(", ", preview.ConflictingPaths)}");
        if (gitSays.ExitCode == 0)
        {
            Assert.Equal(gitSays.StandardOutput.Trim(), preview.TreeId);
        }
    }

    [Fact]
    public void A_file_against_a_folder_is_left_to_the_full_merge_and_conflicts_as_in_git()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("hotfix/INC-2026-0042-fix", create: true);
        repo.Commit("A file named like a folder", ("src/reports", "file\n"));
        repo.Switch("develop");
        repo.Commit("A folder", ("src/reports/q1.txt", "q1\n"));
        using var git = GitRepository.Open(repo.Path);
        var preview = git.PreviewMerge(repo.Git("rev-parse", "develop"), repo.Git("rev-parse", "hotfix/INC-2026-0042-fix"));
        Assert.True(preview.HasConflicts);
        Assert.Equal(1, repo.TryGit("merge-tree", "--write-tree", "develop", "hotfix/INC-2026-0042-fix").ExitCode);
    }

    [Fact]
    public void Conflicts_are_listed_as_git_merge_tree_lists_them()
    {
        using var repo = WithHotfix("tax", "tax-hotfix");
        repo.Switch("develop");
        repo.Commit("Develop edits the same line", ("src/orders.txt", HotfixRepositories.OrdersWith("tax", "tax-develop")), ("src/loyalty.txt", "x\n"));
        using var git = GitRepository.Open(repo.Path);
        var develop = repo.Git("rev-parse", "develop");
        var hotfix = repo.Git("rev-parse", "hotfix/INC-2026-0042-fix");
        var preview = git.PreviewMerge(develop, hotfix);
        Assert.True(preview.HasConflicts);
        Assert.Equal(["src/orders.txt"], preview.ConflictingPaths);
        var gitSays = repo.TryGit("merge-tree", "--write-tree", "--name-only", develop, hotfix);
        Assert.Equal(1, gitSays.ExitCode);
        Assert.Contains("src/orders.txt", gitSays.StandardOutput.Split('\n').Skip(1));
    }

    [Fact]
    public void A_merge_commit_has_both_parents_the_message_and_the_identity()
    {
        using var repo = WithHotfix("round", "round-half-even");
        using var git = GitRepository.Open(repo.Path);
        git.GetVariable = name => name switch
        {
            "GIT_COMMITTER_NAME" => "Mira Commander",
            "GIT_COMMITTER_EMAIL" => "mira@example.com",
            _ => null,
        };
        var main = repo.Git("rev-parse", "main");
        var hotfix = repo.Git("rev-parse", "hotfix/INC-2026-0042-fix");
        var preview = git.PreviewMerge(main, hotfix);
        var identity = git.Identity!;
        Assert.Equal(new CommitIdentity("Mira Commander", "mira@example.com"), identity);
        var sha = git.CreateMergeCommit(preview, "Merge branch 'hotfix/INC-2026-0042-fix' into main\n\nIncident: INC-2026-0042", identity, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal($"{sha} {main} {hotfix}", repo.Git("rev-list", "--parents", "-n", "1", sha));
        Assert.Equal("Merge branch 'hotfix/INC-2026-0042-fix' into main\n\nIncident: INC-2026-0042", repo.Git("log", "-1", "--format=%B", sha).TrimEnd());
        Assert.Equal("Mira Commander <mira@example.com> 2026-03-01T12:00:00+00:00", repo.Git("log", "-1", "--format=%cn <%ce> %cI", sha));
        Assert.Equal(preview.TreeId, repo.Git("rev-parse", sha + "^{tree}"));
        Assert.Equal(main, repo.Git("rev-parse", "main"));
    }

    [Fact]
    public void Without_a_configured_identity_there_is_none()
    {
        using var repo = WithHotfix("round", "round-half-even");
        using var git = GitRepository.Open(repo.Path);
        git.GetVariable = _ => null;
        // LibGit2Sharp also reads the user's global configuration; only assert when this machine has none.
        if (repo.TryGit("config", "--global", "user.name").ExitCode != 0 && git.Native.Config.Get<string>("user.name") is null)
        {
            Assert.Null(git.Identity);
        }

        repo.Git("config", "user.name", "Local Name");
        repo.Git("config", "user.email", "local@example.com");
        using var reopened = GitRepository.Open(repo.Path);
        reopened.GetVariable = _ => null;
        Assert.Equal(new CommitIdentity("Local Name", "local@example.com"), reopened.Identity);
    }

    [Theory]
    [InlineData("Subject", "Subject\n")]
    [InlineData("Subject  \n\n\n\nBody line   \n\n", "Subject\n\nBody line\n")]
    [InlineData("\n\nSubject\r\n\r\nBody", "Subject\n\nBody\n")]
    public void Messages_get_git_s_whitespace_cleanup(string message, string expected)
    {
        Assert.Equal(expected, GitRepository.CleanUp(message));
        using var repo = TestRepository.Create();
        var result = ProcessRunner.Run("git", ["stripspace"], repo.Path, GitCli.Environment, standardInput: message);
        Assert.Equal(expected, result.StandardOutput);
    }
}
