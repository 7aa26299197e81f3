using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>Every Kubernetes command says which namespace it uses and why; a policy and a context that disagree are never settled silently.</summary>
public class NamespaceSourceTests
{
    [Fact]
    public async Task Without_n_the_kubeconfig_context_namespace_is_used_and_named()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("history", "deployment/web");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("namespace: shop (from the kubeconfig context 'test')\n", result.Error);
    }

    [Fact]
    public async Task The_flag_wins_and_says_so_even_in_json()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        File.WriteAllText(c.Dir.Combine("hotfix.json"), """{ "deployment": { "namespace": "payments" } }""");

        var result = await c.RunAsync("status", "deployment/web", "-n", "shop", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("namespace: shop (from -n/--namespace)\n", result.Error);
        Assert.DoesNotContain("warning", result.Error);
        Assert.StartsWith("{", result.Out);
    }

    [Fact]
    public async Task A_read_command_uses_the_context_when_policy_disagrees_and_says_so()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        File.WriteAllText(c.Dir.Combine("hotfix.json"), """{ "deployment": { "namespace": "payments" } }""");

        var result = await c.RunAsync("history", "deployment/web");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("namespace: shop (from the kubeconfig context 'test')\n", result.Error);
        Assert.Contains("hotfix: warning: policy deployment.namespace is 'payments' but the kubeconfig context 'test' uses 'shop'; using the context's, as kubectl would — pass -n to choose.", result.Error);
    }

    [Fact]
    public async Task Rollback_refuses_to_guess_between_policy_and_context_exit_2_and_sends_nothing()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        File.WriteAllText(c.Dir.Combine("hotfix.json"), """{ "deployment": { "namespace": "payments" } }""");

        var result = await c.RunAsync("rollback", "deployment/web", "--reason", "v3 breaks checkout");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("hotfix: error: which namespace? policy deployment.namespace is 'payments' but the kubeconfig context 'test' uses 'shop', and no -n was given; 'hotfix rollback' changes the cluster and does not guess: expected -n NAMESPACE (e.g. -n shop). Nothing was read or changed.", result.Error);
        Assert.Empty(c.Server.Requests);

        var chosen = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--record-dir", c.RecordDir);
        Assert.True(chosen.ExitCode == 0, chosen.ToString());
        Assert.Single(c.Server.Writes());
    }

    [Fact]
    public async Task Policy_namespace_applies_when_the_context_sets_none()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var kubeconfig = c.Dir.Combine("no-ns-kubeconfig");
        File.WriteAllText(kubeconfig, File.ReadAllText(c.Kubeconfig).Replace("namespace: shop", string.Empty, StringComparison.Ordinal));
        File.WriteAllText(c.Dir.Combine("hotfix.json"), """{ "deployment": { "namespace": "shop" } }""");

        var result = await c.RunAsync("history", "deployment/web", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("namespace: shop (from policy deployment.namespace)\n", result.Error);
    }
}
