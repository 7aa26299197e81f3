using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>Opening repositories and reading HEAD, cross-checked with the git CLI.</summary>
public class GitRepositoryTests
{
    [Fact]
    public void Reads_the_branch_head_as_git_does()
    {
        using var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-fix", create: true);
        var sha = repo.Commit("Fix", ("a.txt", "a"));

        using var git = GitRepository.Open(repo.Path);
        var head = git.Head;
        Assert.Equal(HeadKind.Branch, head.Kind);
        Assert.Equal(repo.Git("rev-parse", "--abbrev-ref", "HEAD"), head.BranchName);
        Assert.Equal(sha, head.CommitSha);
        Assert.Equal(Path.GetFullPath(repo.Git("rev-parse", "--show-toplevel")), git.Root);
    }

    [Fact]
    public void Opens_from_a_subfolder_like_git()
    {
        using var repo = TestRepository.Create();
        repo.Commit("Add", ("src/Orders/Order.cs", "class Order {}"));
        using var git = GitRepository.Open(Path.Combine(repo.Path, "src", "Orders"));
        Assert.Equal(repo.Git("rev-parse", "--show-toplevel"), git.Root);
    }

    [Fact]
    public void Reads_a_detached_head()
    {
        using var repo = TestRepository.Create();
        var first = repo.Head;
        repo.Commit("Second", ("b.txt", "b"));
        repo.Git("checkout", "--quiet", "--detach", first);

        using var git = GitRepository.Open(repo.Path);
        Assert.Equal(HeadKind.Detached, git.Head.Kind);
        Assert.Null(git.Head.BranchName);
        Assert.Equal(first, git.Head.CommitSha);
        Assert.Equal("HEAD", repo.Git("rev-parse", "--abbrev-ref", "HEAD"));
    }

    [Fact]
    public void Reads_an_unborn_head()
    {
        using var repo = TestRepository.Create(withInitialCommit: false);
        using var git = GitRepository.Open(repo.Path);
        Assert.Equal(HeadKind.Unborn, git.Head.Kind);
        Assert.Equal("main", git.Head.BranchName);
        Assert.Null(git.Head.CommitSha);
        Assert.NotEqual(0, repo.TryGit("rev-parse", "--verify", "HEAD").ExitCode);
    }

    [Fact]
    public void Finds_local_then_remote_tracking_branches()
    {
        using var origin = TestRepository.Create();
        origin.Switch("develop", create: true);
        var developTip = origin.Commit("Develop work", ("d.txt", "d"));
        origin.Switch("main");

        using var clones = new TempDirectory();
        var clonePath = clones.Combine("clone");
        GitCli.Run(clones.Path, "clone", "--quiet", origin.Path, clonePath);

        using var git = GitRepository.Open(clonePath);
        var main = git.FindBranch("main", "origin")!;
        Assert.False(main.IsRemote);
        Assert.Equal("refs/heads/main", main.CanonicalName);

        var develop = git.FindBranch("develop", "origin")!;
        Assert.True(develop.IsRemote);
        Assert.Equal("origin/develop", develop.Name);
        Assert.Equal(developTip, develop.TipSha);
        Assert.Equal(GitCli.Run(clonePath, "rev-parse", "origin/develop"), develop.TipSha);

        Assert.Null(git.FindBranch("release", "origin"));
    }

    [Fact]
    public void A_folder_outside_any_repository_is_bad_input()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<HotfixInputException>(() => GitRepository.Open(dir.Path));
        Assert.Contains($"--repo '{dir.Path}' is not inside a git repository", e.Message);
        Assert.Contains("expected a folder of a git working tree", e.Message);
    }

    [Fact]
    public void A_host_given_a_folder_outside_any_repository_is_not_told_about_a_command_line_option()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<HotfixInputException>(() => HotfixEngine.CreateBuilder().UseGitRepository(dir.Path));
        Assert.Contains($"repository '{dir.Path}' is not inside a git repository", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--repo", e.Message, StringComparison.Ordinal);

        // The command run without --repo is still told it can name one.
        var cli = Assert.Throws<HotfixInputException>(() => GitRepository.Open(dir.Path, "current directory"));
        Assert.Contains("pass --repo PATH", cli.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_bad_input()
    {
        var e = Assert.Throws<HotfixInputException>(() => GitRepository.Open("/no/such/folder", "--repo"));
        Assert.Equal("--repo '/no/such/folder': no such folder; expected the path of a git working tree.", e.Message);
    }

    [Fact]
    public void A_bare_repository_is_bad_input()
    {
        using var dir = new TempDirectory();
        GitCli.Run(dir.Path, "init", "--quiet", "--bare", "service.git");
        var bare = dir.Combine("service.git");
        Assert.Equal("true", GitCli.Run(bare, "rev-parse", "--is-bare-repository"));
        var e = Assert.Throws<HotfixInputException>(() => GitRepository.Open(bare));
        Assert.Contains("is a bare repository", e.Message);
        Assert.Contains("git clone", e.Message);
    }
}
