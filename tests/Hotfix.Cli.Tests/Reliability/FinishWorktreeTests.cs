using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>Branches checked out in another worktree are refused before any write, as git does; a linked worktree itself can finish.</summary>
public class FinishWorktreeTests
{
    [Fact]
    public void Develop_checked_out_in_another_worktree_is_refused_before_any_write()
    {
        var (repo, _) = FinishFixture.Create();
        using var __ = repo;
        var other = Path.Combine(Path.GetDirectoryName(repo.Path)!, "develop-tree");
        repo.Git("worktree", "add", "--quiet", other, "develop");
        Refused.BeforeAnyWrite(repo, $"develop is checked out in another working tree ({other})", "finish");
        Assert.Equal(string.Empty, GitCli.Run(other, "status", "--porcelain"));
        Assert.Empty(Converged.Leftovers(repo.Path));
    }

    [Fact]
    public void The_hotfix_branch_checked_out_in_another_worktree_is_refused_before_any_write()
    {
        var (repo, _) = FinishFixture.Create();
        using var __ = repo;
        repo.Switch("main");
        var other = Path.Combine(Path.GetDirectoryName(repo.Path)!, "fix-tree");
        repo.Git("worktree", "add", "--quiet", other, FinishFixture.Branch);
        Refused.BeforeAnyWrite(repo, $"{FinishFixture.Branch} is checked out in another working tree ({other})", "finish", "--branch", FinishFixture.Branch);

        var kept = HotfixCli.Run(repo, "finish", "--branch", FinishFixture.Branch, "--keep-branch");
        Assert.True(kept.ExitCode == 0, kept.ToString());
        Assert.Equal(string.Empty, GitCli.Run(other, "status", "--porcelain"));
        Assert.Equal("develop", repo.CurrentBranch);
    }

    [Fact]
    public void A_finish_run_inside_a_linked_worktree_completes_there()
    {
        var (repo, start) = FinishFixture.Create();
        using var __ = repo;
        repo.Git("checkout", "--quiet", "--detach");
        var linked = Path.Combine(Path.GetDirectoryName(repo.Path)!, "fix-tree");
        repo.Git("worktree", "add", "--quiet", linked, FinishFixture.Branch);

        Converged.AfterOnePlainRerun(linked, start, "finished in a linked worktree");
    }
}
