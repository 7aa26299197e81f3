using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// README "Exit codes": 70 is a bug in hotfix — the message says so and asks for a rerun with --verbose, which adds
/// the stack trace to report. An adapter that throws what no adapter should stands in for the bug.
/// </summary>
public class InternalErrorExitTests
{
    [Fact]
    public void A_bug_is_exit_70_with_a_report_request_and_verbose_adds_the_stack_trace()
    {
        using var repo = TestRepository.Create();
        repo.Commit("Policy", ("hotfix.json", File.ReadAllText(SourceTree.PathOf("samples", "policies", "hotfix.json"))), ("admin-ui/login.ts", "v1\n"));
        repo.Git("branch", "develop");
        repo.Switch("hotfix/INC-2026-0042-fix-login", create: true);
        repo.Commit("Fix login", ("admin-ui/login.ts", "v2\n"));
        var adapters = new CliAdapters { WorkloadRevisions = new BuggyCluster() };

        var plain = CliRun.Run(repo.Path, null, null, adapters, "checklist", "pre");
        var verbose = CliRun.Run(repo.Path, null, null, adapters, "checklist", "pre", "--verbose");

        Assert.True(plain.ExitCode == 70, plain.ToString());
        Assert.Contains("internal error (InvalidOperationException: a simulated bug). This is a bug in hotfix; rerun with --verbose and report the output.", plain.Error);
        Assert.DoesNotContain("   at ", plain.Error);
        Assert.True(verbose.ExitCode == 70, verbose.ToString());
        Assert.Contains(nameof(BuggyCluster), verbose.Error); // the stack trace names where it was thrown
    }

    private sealed class BuggyCluster : IWorkloadRevisionReader
    {
        public string Target => "kind-test";

        public Task<WorkloadRevisionLookup> GetCurrentRevisionAsync(string workload, string? @namespace, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a simulated bug");
    }
}
