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
        Assert.Equal("move main", writes[FinishWrites.MoveMain - 1]);
        Assert.Equal("move develop", writes[FinishWrites.MoveDevelop - 1]);
        Assert.Equal("attach HEAD to develop", writes[FinishWrites.AttachHead - 1]);
        Assert.Equal("check out HEAD's tree", writes[FinishWrites.CheckOut - 1]);
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

        var log = new ConvergenceLog(start);
        for (var step = 1; step <= total; step++)
        {
            using var run = new TempDirectory("hotfix-fault");
            var path = run.Combine("repo");
            RepositoryCopy.Copy(template.Path, path);
            var snapshot = run.Combine("killed");
            string died = string.Empty;
            var crash = Assert.Throws<SimulatedCrash>(() => InProcessFinish.Run(path, new FaultInjectingPorts.Options(step, holdingLock, snapshot), f => died = f.Writes[^1]));
            Assert.Equal(step, crash.Step);
            var rerun = HotfixCli.Run(snapshot, "finish");
            log.Check(snapshot, $"killed before write {step} ({died}){(holdingLock ? " holding its lock" : string.Empty)}", rerun.ExitCode, rerun.ToString());
        }

        log.AssertNone();
    }

    private static string Copy(TestRepository template, out TempDirectory directory)
    {
        directory = new TempDirectory("hotfix-fault");
        var path = directory.Combine("repo");
        RepositoryCopy.Copy(template.Path, path);
        return path;
    }
}
