using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.GitConfiguration;

/// <summary>
/// With <c>commit.gpgsign</c>, finish's merge commits are signed as git merge signs them (git verifies them: %G? = G),
/// and a signature that cannot be made stops finish before anything moves.
/// </summary>
public sealed class SignedMergeTests : IDisposable
{
    private const string Branch = "hotfix/INC-2026-0207-fix-signing";
    private readonly TestKeyring keyring = new();

    public void Dispose() => keyring.Dispose();

    private static TestRepository WithHotfix()
    {
        var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        return repo;
    }

    [Fact]
    public void Merges_are_signed_when_the_user_signs_commits_and_the_plan_says_so()
    {
        using var repo = WithHotfix();
        var key = keyring.NewKey();
        keyring.SignWith(repo, key);

        var plan = HotfixCli.Run(repo, "finish", "--dry-run");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains($"into main with --no-ff, signed (commit.gpgsign; gpg.format openpgp, user.signingkey {key})", plan.Out);

        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("G", repo.Git("log", "-1", "--format=%G?", "main"));
        Assert.Equal("G", repo.Git("log", "-1", "--format=%G?", "develop"));
        Assert.Contains("Incident: INC-2026-0207", repo.Git("log", "-1", "--format=%B", "main"));
        Assert.Equal($"{repo.Git("rev-parse", "main")} {repo.Git("rev-parse", "main~1")} {repo.Git("rev-parse", "main^2")}", repo.Git("rev-list", "--parents", "-n", "1", "main"));
        Assert.Equal(string.Empty, repo.Status());
    }

    [Fact]
    public void A_signature_that_cannot_be_made_stops_finish_before_anything_moves()
    {
        using var repo = WithHotfix();
        keyring.SignWith(repo, "0000000000000000000000000000000000000000");
        var before = repo.RefsAndHead();

        var plan = HotfixCli.Run(repo, "finish", "--dry-run");
        Assert.Equal(3, plan.ExitCode);
        var result = HotfixCli.Run(repo, "finish");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot sign the merge commits (commit.gpgsign is true): git commit-tree -S failed", result.Error);
        Assert.Contains("nothing was changed", result.Error);
        Assert.Equal(before, repo.RefsAndHead());
        Assert.Equal(string.Empty, repo.Status());
    }

    [Fact]
    public void Without_commit_gpgsign_merges_are_not_signed_and_the_plan_says_nothing_of_it()
    {
        using var repo = WithHotfix();
        repo.Git("config", "user.signingkey", "0000000000000000000000000000000000000000");

        var plan = HotfixCli.Run(repo, "finish", "--dry-run");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.DoesNotContain("signed", plan.Out);
        var result = HotfixCli.Run(repo, "finish");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("N", repo.Git("log", "-1", "--format=%G?", "main"));
    }
}
