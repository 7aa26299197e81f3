using System.Text.Json;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary>
/// <c>hotfix checklist</c> asks the cluster (found like kubectl finds it) which revision each changed workload runs,
/// so the PRE_DEPLOY item "Rollback plan documented (which revision to undo to)" names it.
/// </summary>
public class ChecklistClusterTests
{
    private const string Policy = """
        { "deployment": { "namespace": "shop" },
          "components": [ { "name": "web", "paths": ["web/"], "image": "web", "workload": "deployment/web" } ] }
        """;

    private static TestRepository WebHotfix()
    {
        var repo = TestRepository.Create();
        repo.Commit("Service", ("hotfix.json", Policy), ("web/app.js", "v1\n"));
        repo.Switch("hotfix/INC-2026-0042-fix-web", create: true);
        repo.Commit("Fix", ("web/app.js", "v2\n"));
        return repo;
    }

    private static JsonElement RollbackPlanItem(CliResult result) =>
        JsonDocument.Parse(result.Out).RootElement.GetProperty("phases")[0].GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == "pre.rollback-plan");

    [Fact]
    public async Task The_rollback_plan_names_the_revision_the_cluster_runs_now()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        using var repo = WebHotfix();

        var result = await Task.Run(() => CliRun.Run(repo.Path, c.Variables, "checklist", "pre", "--format", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("kubectl rollout undo deployment/web -n shop --to-revision=3", RollbackPlanItem(result).GetProperty("commands")[0].GetString());
        var web = JsonDocument.Parse(result.Out).RootElement.GetProperty("components")[0];
        Assert.Equal(3, web.GetProperty("currentRevision").GetInt64());
        Assert.DoesNotContain(c.Server.Requests, r => r.Method is "PATCH" or "POST" or "PUT" or "DELETE");
    }

    [Fact]
    public async Task No_cluster_keeps_the_item_for_a_person_to_fill_in()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        using var repo = WebHotfix();

        var result = await Task.Run(() => CliRun.Run(repo.Path, c.Variables, "checklist", "pre", "--format", "json", "--no-cluster"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("fill in the revision", RollbackPlanItem(result).GetProperty("note").GetString());
        Assert.Empty(c.Server.Requests);
    }

    [Fact]
    public async Task A_cluster_that_fails_leaves_the_revision_unknown_and_says_why()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "GET", PathContains = "/deployments/web", Status = 500 });
        using var repo = WebHotfix();

        var result = await Task.Run(() => CliRun.Run(repo.Path, c.Variables, "checklist", "pre", "--format", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var web = JsonDocument.Parse(result.Out).RootElement.GetProperty("components")[0];
        Assert.Equal(JsonValueKind.Null, web.GetProperty("currentRevision").ValueKind);
        Assert.Contains("deployment/web", RollbackPlanItem(result).GetProperty("note").GetString());
    }
}
