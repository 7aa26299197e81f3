using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>Lock files finish did not take are never removed: exit 3 naming the file, and the rerun after its removal converges.</summary>
public class FinishLockTests
{
    [Theory]
    [InlineData("refs/heads/develop.lock")]
    [InlineData("refs/heads/main.lock")]
    [InlineData("index.lock")]
    [InlineData("HEAD.lock")]
    public void A_lock_someone_else_holds_stops_finish_before_any_write_and_is_kept(string lockFile)
    {
        var (repo, start) = FinishFixture.Create();
        using var _ = repo;
        var full = Path.Combine(repo.Path, ".git", lockFile);
        File.WriteAllText(full, string.Empty);
        Refused.BeforeAnyWrite(repo, $"{full} exists: another git process is using this repository", "finish");
        Assert.True(File.Exists(full));
        Assert.DoesNotContain(Converged.Leftovers(repo.Path), f => !f.EndsWith(lockFile, StringComparison.Ordinal));

        File.Delete(full);
        Converged.AfterOnePlainRerun(repo.Path, start, "after the foreign lock was removed");
    }

    [Fact]
    public void A_temporary_journal_of_a_finish_killed_before_it_claimed_the_journal_is_cleared_by_the_rerun()
    {
        // The kill campaign hits this instant: the temporary journal is written, the journal not yet claimed.
        var (repo, start) = FinishFixture.Create();
        using var _ = repo;
        File.WriteAllText(Path.Combine(repo.Path, ".git", "hotfix-finish.json.999999.tmp"), "{}");
        Converged.AfterOnePlainRerun(repo.Path, start, "after a kill before the journal was claimed");
    }

    [Fact]
    public void A_lock_older_than_the_killed_step_is_someone_elses_and_is_kept()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.MoveDevelop, out var start);
        var path = killed.Combine("killed");
        var lockFile = Path.Combine(path, ".git", "refs", "heads", "develop.lock");
        File.WriteAllText(lockFile, string.Empty);
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow.AddHours(-1));
        AssertKeptThenConverges(path, lockFile, start);
    }

    [Fact]
    public void A_lock_of_a_step_the_killed_run_never_reached_is_someone_elses_and_is_kept()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.MoveMain, out var start);
        var path = killed.Combine("killed");
        var lockFile = Path.Combine(path, ".git", "index.lock");
        File.WriteAllText(lockFile, string.Empty);
        AssertKeptThenConverges(path, lockFile, start);
    }

    private static void AssertKeptThenConverges(string path, string lockFile, FinishFixture start)
    {
        var before = GitCli.Run(path, "show-ref", "--head");
        var refused = HotfixCli.Run(path, "finish");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains($"{lockFile} exists", refused.Error);
        Assert.True(File.Exists(lockFile));
        Assert.Equal(before, GitCli.Run(path, "show-ref", "--head"));

        var again = HotfixCli.Run(path, "finish");
        Assert.Equal(3, again.ExitCode);

        File.Delete(lockFile);
        Converged.AfterOnePlainRerun(path, start, "after the foreign lock was removed");
    }
}
