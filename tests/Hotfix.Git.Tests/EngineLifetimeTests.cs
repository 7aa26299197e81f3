using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// A host's engine over a real repository: the repository handle it owns lives exactly as long as the engine, and a
/// host that gets the lifetime wrong is told so by an exception, never by its process crashing in libgit2.
/// </summary>
public class EngineLifetimeTests
{
    private static TestRepository HotfixBranch()
    {
        var repo = TestRepository.Create();
        repo.Git("branch", "develop");
        repo.Switch("hotfix/INC-2026-0042-fix-totals", create: true);
        repo.Commit("Fix the totals", ("src/totals.txt", "fixed"));
        return repo;
    }

    [Fact]
    public void A_disposed_engine_refuses_to_check_instead_of_reading_a_released_repository()
    {
        using var repo = HotfixBranch();
        var hotfix = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().Build();
        Assert.Equal("hotfix/INC-2026-0042-fix-totals", hotfix.Check().Subject.BranchName);

        hotfix.Dispose();
        hotfix.Dispose();

        Assert.Throws<ObjectDisposedException>(() => hotfix.Check());
        Assert.Throws<ObjectDisposedException>(() => hotfix.ResolveSubject("hotfix/INC-2026-0042-fix-totals"));
    }

    [Fact]
    public void A_builder_builds_one_engine_so_no_engine_reads_a_repository_another_released()
    {
        using var repo = HotfixBranch();
        var builder = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks();
        using var hotfix = builder.Build();

        var e = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("CreateBuilder()", e.Message, StringComparison.Ordinal);
        Assert.Equal("hotfix/INC-2026-0042-fix-totals", hotfix.Check().Subject.BranchName);
    }

    [Fact]
    public void A_builder_whose_build_failed_cannot_build_over_the_repository_it_released()
    {
        using var repo = HotfixBranch();
        var builder = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).UsePolicyJson("""{ "nonsense": 1 }""", "team.json").AddCoreChecks();
        Assert.Throws<HotfixPolicyException>(() => builder.Build());

        builder.UsePolicy(Hotfix.Policy.Policies.HotfixPolicy.Runbook);
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void Many_engines_built_and_disposed_each_check_their_own_repository()
    {
        using var repo = HotfixBranch();
        for (var i = 0; i < 20; i++)
        {
            using var hotfix = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().Build();
            Assert.Equal("hotfix/INC-2026-0042-fix-totals", hotfix.Check().Subject.BranchName);
        }
    }
}
