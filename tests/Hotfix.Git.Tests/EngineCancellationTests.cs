using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// A host (a bot answering a webhook, a service with a request deadline) cancels a check the way it cancels any .NET
/// call: the check stops with <see cref="OperationCanceledException"/> and the engine answers the next call.
/// </summary>
public class EngineCancellationTests
{
    [Fact]
    public void A_check_whose_token_is_cancelled_stops_and_the_engine_checks_again_afterwards()
    {
        using var repo = TestRepository.Create();
        repo.Git("branch", "develop");
        repo.Switch("hotfix/INC-2026-0042-fix-totals", create: true);
        repo.Commit("Fix the totals", ("src/totals.txt", "fixed"));
        using var hotfix = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().Build();

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var stopped = Assert.ThrowsAny<OperationCanceledException>(() => hotfix.Check(cancellationToken: cancelled.Token));
        Assert.Equal(cancelled.Token, stopped.CancellationToken);

        var report = hotfix.Check(new CheckRequest { Branch = "hotfix/INC-2026-0042-fix-totals" }, CancellationToken.None);
        Assert.Equal("hotfix/INC-2026-0042-fix-totals", report.Subject.BranchName);
        Assert.NotEmpty(report.Sections);
    }
}
