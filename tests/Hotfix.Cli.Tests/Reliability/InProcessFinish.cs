using Hotfix.Cli.Infrastructure;
using Hotfix.Git;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workflow;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>A first finish run through the fault-injecting ports: the same Prepare and Execute the CLI calls.</summary>
internal static class InProcessFinish
{
    public static void Run(string path, FaultInjectingPorts.Options options, Action<FaultInjectingPorts>? seen = null)
    {
        using var git = GitRepository.Open(path);
        git.GetVariable = name => HotfixCli.Identity.TryGetValue(name, out var value) ? value : null;
        var faults = new FaultInjectingPorts(git, path, options);
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        var ports = new WorkflowPorts(faults.Wrap(new PortSet().AddGit(git)), clock);
        try
        {
            var plan = HotfixFinish.Prepare(ports, HotfixPolicy.Runbook, new HotfixFinish.Request(), subject =>
                CheckRunner.Run(new CheckContext(HotfixPolicy.Runbook, subject, new CheckOptions(), ports.Ports), CliModules.All, ToolIdentity.Current));
            HotfixFinish.Execute(ports, plan);
        }
        finally
        {
            seen?.Invoke(faults);
        }
    }

    /// <summary>A copy of the fixture as a finish killed before write <paramref name="step"/> left it (in "killed").</summary>
    internal static TempDirectory KilledBefore(int step, out FinishFixture start)
    {
        var directory = new TempDirectory("hotfix-fault");
        var (repo, fixture) = FinishFixture.Create();
        using (repo)
        {
            var path = directory.Combine("repo");
            RepositoryCopy.Copy(repo.Path, path);
            Assert.Throws<SimulatedCrash>(() => InProcessFinish.Run(path, new FaultInjectingPorts.Options(step, SnapshotPath: directory.Combine("killed"))));
        }

        start = fixture;
        return directory;
    }
}
