using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// hotfix start killed after creating its branch, during the checkout (git writes files, index, then HEAD): the rerun
/// of the same start recognises the half checkout as its own and completes it — never "stash your changes", which
/// would stash hotfix's own work and delete develop's files when popped. Changes it cannot explain are kept.
/// </summary>
public class InterruptedStartTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";
    private static readonly string[] Start = ["start", "INC-2026-0042", "fix-rounding", "--no-fetch"];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void A_start_killed_during_its_checkout_is_completed_by_the_rerun(bool filesWritten, bool indexWritten)
    {
        using var repo = KilledDuringCheckout(filesWritten, indexWritten);
        var develop = repo.Git("rev-parse", "develop");

        var rerun = HotfixCli.Run(repo, Start);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("Completed the interrupted start", rerun.Out);
        AssertOnTheNewBranch(repo);
        Assert.Equal(develop, repo.Git("rev-parse", "develop"));
        Assert.Equal("loyalty\n", repo.Git("show", "develop:src/loyalty.txt") + "\n");
    }

    [Theory]
    [InlineData("index.lock")]
    [InlineData("HEAD.lock")]
    public void A_lock_the_killed_start_left_is_named_with_its_rm_command_and_removing_it_lets_the_rerun_complete(string lockFile)
    {
        using var repo = KilledDuringCheckout(filesWritten: true, indexWritten: lockFile == "HEAD.lock");
        var full = Path.Combine(repo.Path, ".git", lockFile);
        File.WriteAllText(full, string.Empty);

        var refused = Refused.BeforeAnyWrite(repo, $"{full} exists: another git process is using this repository", Start);
        Assert.Contains($"rm {full}", refused.Error);
        Assert.DoesNotContain("hotfix did not create it", refused.Error);
        Assert.DoesNotContain("git stash", refused.Error);

        File.Delete(full);
        var rerun = HotfixCli.Run(repo, Start);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        AssertOnTheNewBranch(repo);
    }

    [Fact]
    public void The_branch_lock_a_start_killed_while_creating_it_left_is_not_called_someone_elses()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        var full = Path.Combine(repo.Path, ".git", "refs", "heads", "hotfix", "INC-2026-0042-fix-rounding.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, string.Empty);

        var refused = Refused.BeforeAnyWrite(repo, $"{full} exists: another git process is using this repository", Start);
        Assert.DoesNotContain("hotfix did not create it", refused.Error);
        Assert.Contains("an interrupted hotfix start leaves", refused.Error);
        Assert.Contains($"rm {full}", refused.Error);
    }

    [Fact]
    public void An_edit_beside_the_half_checkout_is_kept_and_the_advice_is_checkout_f_not_stash()
    {
        using var repo = KilledDuringCheckout(filesWritten: true, indexWritten: false);
        File.WriteAllText(Path.Combine(repo.Path, "src", "orders.txt"), "my edit\n");

        var refused = Refused.BeforeAnyWrite(repo, "in neither develop's state nor " + Branch + "'s", Start);
        Assert.Contains("src/orders.txt", refused.Error);
        Assert.Contains("git checkout -f " + Branch, refused.Error);
        Assert.DoesNotContain("git stash push", refused.Error);
        Assert.Equal("my edit\n", File.ReadAllText(Path.Combine(repo.Path, "src", "orders.txt")));
    }

    [Fact]
    public void A_dirty_tree_without_the_new_branch_is_still_refused_as_the_persons_changes()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        File.Delete(Path.Combine(repo.Path, "src", "loyalty.txt"));

        Refused.BeforeAnyWrite(repo, "uncommitted changes to tracked files (src/loyalty.txt); commit or stash them (git stash push)", Start);
    }

    [Fact]
    public void A_branch_with_commits_of_its_own_is_not_taken_for_an_interrupted_start()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("switch", "--quiet", "-c", Branch);
        repo.Commit("fix: rounding", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round half even")));
        repo.Switch("develop");

        Refused.BeforeAnyWrite(repo, "INC-2026-0042 already has a branch: " + Branch, Start);
    }

    /// <summary>
    /// develop checked out, the branch created at main, and the checkout to it part-way: develop's own file deleted
    /// (<paramref name="filesWritten"/>), the index written too (<paramref name="indexWritten"/>), HEAD not yet moved.
    /// </summary>
    private static TestRepository KilledDuringCheckout(bool filesWritten, bool indexWritten)
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Git("branch", Branch, "main");
        if (filesWritten)
        {
            File.Delete(Path.Combine(repo.Path, "src", "loyalty.txt"));
        }

        if (indexWritten)
        {
            repo.Git("rm", "--cached", "--quiet", "src/loyalty.txt");
        }

        return repo;
    }

    private static void AssertOnTheNewBranch(TestRepository repo)
    {
        Assert.Equal(Branch, repo.Git("symbolic-ref", "--short", "HEAD"));
        Assert.Equal(repo.Git("rev-parse", "main"), repo.Git("rev-parse", Branch));
        Assert.Equal(string.Empty, repo.Status());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(repo.Path, ".git"), "*.lock", SearchOption.AllDirectories));
    }
}
