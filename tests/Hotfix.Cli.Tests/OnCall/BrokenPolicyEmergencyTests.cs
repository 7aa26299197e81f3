using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>A broken hotfix.json never blocks the commands an incident needs; the commands that judge by it still refuse.</summary>
public class BrokenPolicyEmergencyTests
{
    private const string Broken = """{ "deployment": { "namespace": shop } }""";

    [Fact]
    public async Task Rollback_dry_run_status_and_history_go_on_with_the_runbook_defaults_and_name_the_problem()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        File.WriteAllText(c.Dir.Combine("hotfix.json"), Broken);

        foreach (var args in new[] { new[] { "rollback", "deployment/web", "-n", "shop", "--dry-run" }, ["status", "deployment/web", "-n", "shop"], ["history", "deployment/web", "-n", "shop"] })
        {
            var result = await c.RunAsync(args);

            Assert.True(result.ExitCode == 0, string.Join(' ', args) + "\n" + result);
            Assert.Contains("hotfix: WARNING: POLICY IGNORED — policy file '" + c.Dir.Combine("hotfix.json") + "' is not valid (1 problem", result.Error);
            Assert.Contains("found malformed JSON", result.Error);
            Assert.Contains($"'hotfix {args[0]}' goes on with the runbook's defaults", result.Error);
        }
    }

    [Fact]
    public void Decide_and_record_work_with_the_defaults_and_warn()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("hotfix.json"), Broken);

        var decide = CliRun.Run(dir.Path, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--incident", "INC-2026-0042", "--by", "sandro");
        Assert.True(decide.ExitCode == 0, decide.ToString());
        Assert.Contains("Decision: rollback", decide.Out);
        Assert.Contains("POLICY IGNORED", decide.Error);

        var record = CliRun.Run(dir.Path, "record", "INC-2026-0042");
        Assert.True(record.ExitCode == 0, record.ToString());
        Assert.Contains("POLICY IGNORED", record.Error);
        Assert.Contains("rollback", record.Out);
    }

    [Fact]
    public void Check_and_finish_still_refuse_a_broken_policy_with_exit_2()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("switch", "-c", "hotfix/INC-2026-0042-fix");
        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), Broken);

        foreach (var command in new[] { "check", "finish" })
        {
            var result = HotfixCli.Run(repo, command);
            Assert.True(result.ExitCode == 2, command + "\n" + result);
            Assert.Contains("hotfix.json' is not valid (1 problem", result.Error);
            Assert.DoesNotContain("POLICY IGNORED", result.Error);
        }
    }
}
