using System.Text.Json;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// Every command a hint names — the "unknown outcome" lines, the stop after refused patches, the not-found error,
/// deploy's next steps and the team's messages — keeps the user's <c>--context</c> and <c>--kubeconfig</c>: the
/// on-call who pastes one must read the cluster the command worked on, not the current context's.
/// </summary>
public class ClusterOptionsInHintsTests
{
    private static string[] Cluster(ClusterFixture c) => ["--context", "test", "--kubeconfig", c.Kubeconfig];

    private static string Flags(ClusterFixture c) => $" --context test --kubeconfig {c.Kubeconfig}";

    private static string WritePolicy(ClusterFixture c, string url, string events)
    {
        var path = c.Dir.Combine("team-policy.json");
        File.WriteAllText(path, $$"""{ "notifications": { "webhooks": [ { "url": "{{url}}", "events": [{{events}}] } ] } }""");
        return path;
    }

    private static string Text(WebhookReceiver receiver) =>
        JsonDocument.Parse(Assert.Single(receiver.Requests).Body).RootElement.GetProperty("text").GetString()!;

    [Fact]
    public async Task The_unknown_outcome_of_a_rollback_names_hotfix_history_with_the_cluster_options_also_in_the_record()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 500 });

        var result = await c.RunAsync(["rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir, .. Cluster(c)]);

        Assert.True(result.ExitCode == 4, result.ToString());
        var hint = $"'hotfix history deployment/web -n shop{Flags(c)}'";
        Assert.Contains(hint, result.Error);
        Assert.Contains(hint, JsonDocument.Parse(c.RecordLines()[^1]).RootElement.GetProperty("outcome").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_rollback_stopped_after_three_refused_patches_names_kubectl_get_with_the_cluster_options()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.StatusWriteBeforePatch("deployments", "web", times: 3));

        var result = await c.RunAsync(["rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir, .. Cluster(c)]);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains($"(kubectl get deployment/web -n shop{Flags(c)} -w)", result.Error);
    }

    [Fact]
    public async Task A_workload_that_is_not_found_names_kubectl_get_with_the_cluster_options()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var rollback = await c.RunAsync(["rollback", "deployment/nope", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir, .. Cluster(c)]);
        var deploy = await c.RunAsync(["deploy", "deployment/nope", "-n", "shop", "--incident", "INC-2026-0042", .. Cluster(c)]);

        Assert.True(rollback.ExitCode == 2, rollback.ToString());
        Assert.Contains($"(kubectl get deployments -n shop{Flags(c)})", rollback.Error);
        Assert.True(deploy.ExitCode == 2, deploy.ToString());
        Assert.Contains($"(kubectl get deployments -n shop{Flags(c)})", deploy.Error);
    }

    [Fact]
    public async Task A_failed_deploy_names_hotfix_status_and_rollback_with_the_cluster_options_on_screen_and_to_the_team()
    {
        await using var receiver = new WebhookReceiver();
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 500 });
        var policy = WritePolicy(c, receiver.Url, "\"deploy\"");

        var result = await c.RunAsync(["deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--timeout", "30s", "--policy", policy, .. Cluster(c)]);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains($"'hotfix status deployment/web -n shop{Flags(c)}'", result.Error);
        var rollback = $"hotfix rollback deployment/web -n shop{Flags(c)} --incident INC-2026-0042";
        Assert.Contains("$ " + rollback, result.Error);
        Assert.Contains(rollback, Text(receiver));
    }

    [Fact]
    public async Task A_rollback_tells_the_team_the_forward_fix_deploy_with_the_cluster_options()
    {
        await using var receiver = new WebhookReceiver();
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var policy = WritePolicy(c, receiver.Url, "\"rollback\"");

        var result = await c.RunAsync(["rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--incident", "INC-2026-0042", "--record-dir", c.RecordDir, "--timeout", "30s", "--policy", policy, .. Cluster(c)]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"hotfix deploy deployment/web -n shop{Flags(c)} --incident INC-2026-0042", Text(receiver));
    }

    [Fact]
    public async Task History_names_the_rollback_with_the_cluster_options()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync(["history", "deployment/web", "-n", "shop", .. Cluster(c)]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"hotfix rollback deployment/web -n shop{Flags(c)} --reason", result.Out);
    }

    [Fact]
    public async Task Without_cluster_options_the_hints_name_none()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 500 });

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("'hotfix history deployment/web -n shop'", result.Error);
    }
}
