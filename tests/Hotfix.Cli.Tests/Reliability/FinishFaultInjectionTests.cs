using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// hotfix finish dies before each of its writes in turn (every N, in-process, through <see cref="FaultInjectingPorts"/>),
/// with and without the lock file that write holds; one plain <c>hotfix finish</c> in the copy it left must converge.
/// </summary>
public class FinishFaultInjectionTests
{
    [Fact]
    public void A_finish_without_faults_makes_the_writes_the_campaign_kills_at()
    {
        var (repo, start) = FinishFixture.Create();
        using var _ = repo;
        var writes = new List<string>();
        InProcessFinish.Run(repo.Path, new FaultInjectingPorts.Options(), faults => writes.AddRange(faults.Writes));
        Converged.Assert(repo.Path, start, "no fault");
        Assert.Equal(
            ["begin journal", "record MovingMain", "move main", "record MovingBackMergeTarget", "move develop", "record AttachingHead", "attach HEAD to develop", "record CheckingOut", "check out HEAD's tree", "record DeletingBranch", $"delete {FinishFixture.Branch}", "end journal"],
            writes);
    }

    [Fact]
    public void Killed_before_any_write_one_plain_rerun_converges() => Campaign(holdingLock: false);

    [Fact]
    public void Killed_holding_the_lock_of_any_write_one_plain_rerun_clears_it_and_converges() => Campaign(holdingLock: true);

    private static void Campaign(bool holdingLock)
    {
        var (template, start) = FinishFixture.Create();
        using var _ = template;
        var total = 0;
        InProcessFinish.Run(Copy(template, out var counting), new FaultInjectingPorts.Options(), faults => total = faults.Writes.Count);
        counting.Dispose();
        Assert.True(total >= 12, $"a finish makes {total} writes");

        var failures = new List<string>();
        for (var step = 1; step <= total; step++)
        {
            using var run = new TempDirectory("hotfix-fault");
            var path = run.Combine("repo");
            RepositoryCopy.Copy(template.Path, path);
            var snapshot = run.Combine("killed");
            string died = string.Empty;
            var crash = Assert.Throws<SimulatedCrash>(() => InProcessFinish.Run(path, new FaultInjectingPorts.Options(step, holdingLock, snapshot), f => died = f.Writes[^1]));
            Assert.Equal(step, crash.Step);
            var context = $"killed before write {step} ({died}){(holdingLock ? " holding its lock" : string.Empty)}";
            var rerun = HotfixCli.Run(snapshot, "finish");
            if (rerun.ExitCode != 0)
            {
                failures.Add($"{context}: rerun {rerun}");
                continue;
            }

            try
            {
                Converged.Assert(snapshot, start, context);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string Copy(TestRepository template, out TempDirectory directory)
    {
        directory = new TempDirectory("hotfix-fault");
        var path = directory.Combine("repo");
        RepositoryCopy.Copy(template.Path, path);
        return path;
    }
}
