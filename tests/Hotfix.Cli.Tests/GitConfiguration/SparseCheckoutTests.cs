using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.GitConfiguration;

/// <summary>
/// A cone-mode sparse checkout (ordinary index): files outside the cone are absent by design, their index entries carry
/// the skip-worktree bit. git status is clean there, so start and finish proceed, and finish's checkout keeps them out.
/// </summary>
public class SparseCheckoutTests
{
    private const string Branch = "hotfix/INC-2026-0215-fix-sparse";

    /// <summary>main and develop each with a file under docs/ the other lacks; only src/ checked out; HEAD on main.</summary>
    private static TestRepository SparseMainAndDevelop()
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Commit("Operator guide", ("docs/guide.md", "guide\n"));
        repo.Switch("develop");
        repo.Commit("Developer notes", ("docs/develop.md", "notes\n"));
        repo.Switch("main");
        repo.Git("sparse-checkout", "set", "--cone", "src");
        return repo;
    }

    [Fact]
    public void Start_and_finish_proceed_and_the_left_out_files_stay_out()
    {
        using var repo = SparseMainAndDevelop();
        Assert.Equal(string.Empty, repo.Status());
        Assert.False(File.Exists(Path.Combine(repo.Path, "docs", "guide.md")));

        var start = HotfixCli.Run(repo, "start", "INC-2026-0215", "fix-sparse");
        Assert.True(start.ExitCode == 0, start.ToString());
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));

        var finish = HotfixCli.Run(repo, "finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        Assert.Equal("develop", repo.CurrentBranch);
        Assert.Equal(string.Empty, repo.Status());
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));
        Assert.Equal("src", repo.Git("sparse-checkout", "list"));

        // Both docs files are in develop's tree and index, skipped (S), and neither was written.
        Assert.Equal("S docs/develop.md\nS docs/guide.md", repo.Git("ls-files", "-t", "--", "docs"));
        Assert.False(Directory.Exists(Path.Combine(repo.Path, "docs")), "finish wrote files outside the sparse checkout");
        Assert.Equal(HotfixRepositories.OrdersWith("round", "round-half-even"), File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt")));
        Assert.True(File.Exists(Path.Combine(repo.Path, "src", "loyalty.txt")));
        Assert.Equal(string.Empty, repo.Git("diff", "HEAD", "--stat"));
    }

    [Fact]
    public void A_deleted_file_inside_the_cone_still_stops_finish()
    {
        using var repo = SparseMainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        File.Delete(Path.Combine(repo.Path, "src", "orders.txt"));
        var before = repo.RefsAndHead();

        var finish = HotfixCli.Run(repo, "finish");
        Assert.Equal(3, finish.ExitCode);
        Assert.Contains("uncommitted changes to tracked files (src/orders.txt)", finish.Error);
        Assert.DoesNotContain("docs/", finish.Error);
        Assert.Equal(before, repo.RefsAndHead());
    }
}
