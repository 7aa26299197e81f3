using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>Hints use what the tool knows — the incident from the hotfix branch, the workload from the policy — so they can be pasted.</summary>
public class FilledInHintTests
{
    [Fact]
    public void Decide_on_a_hotfix_branch_names_its_incident_and_the_policy_s_workload()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), """{ "deployment": { "namespace": "shop" }, "components": [ { "name": "orders", "paths": ["src/**"], "workload": "deployment/orders-api" } ] }""");
        repo.Git("switch", "--quiet", "-c", "hotfix/INC-2026-0042-fix-rounding");

        var result = HotfixCli.Run(repo, "decide", "--root-cause", "unknown", "--impact", "ongoing");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hotfix rollback deployment/orders-api -n shop", result.Out);
        Assert.Contains("kubectl rollout undo deployment/orders-api -n shop", result.Out);
        Assert.Contains("hotfix record INC-2026-0042", result.Out);
        Assert.DoesNotContain("INC-YYYY-NNNN", result.Out);
        Assert.DoesNotContain("deployment/<name>", result.Out);
        Assert.False(Directory.Exists(Path.Combine(repo.Path, ".hotfix")), "a hint is not a record: only --incident records the decision");
    }

    [Fact]
    public void Off_a_hotfix_branch_and_with_several_workloads_the_placeholders_stay()
    {
        using var dir = new TempDirectory();

        var result = CliRun.Run(dir.Path, "decide", "--root-cause", "unknown", "--impact", "ongoing");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("deployment/<name>", result.Out);
        Assert.Contains("hotfix record INC-YYYY-NNNN", result.Out);
    }

    [Fact]
    public void Review_on_a_hotfix_branch_is_recorded_in_the_branch_s_incident()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("switch", "--quiet", "-c", "hotfix/INC-2026-0042-fix-rounding");

        var review = HotfixCli.Run(repo, "review", "--severity", "SEV3", "--reviewer", "bob", "--checked", "M1,M2,M3,M4,M5");
        Assert.True(review.ExitCode == 0, review.ToString());

        var timeline = HotfixCli.Run(repo, "record", "INC-2026-0042");
        Assert.True(timeline.ExitCode == 0, timeline.ToString());
        Assert.Contains("SEV3 review by bob", timeline.Out);
    }
}
