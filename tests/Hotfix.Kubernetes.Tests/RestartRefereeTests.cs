using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Kubernetes.Tests;

/// <summary>
/// kubectl as the referee of <c>hotfix deploy</c>'s restart: <c>kubectl rollout restart</c> on one test API server and
/// our plan and apply at kubectl's instant on an identical one leave the same workload, send the same patch (ours
/// adds only the precondition) and give the same history; kubectl's refusal of a paused Deployment is ours.
/// </summary>
public class RestartRefereeTests
{
    [KubectlFact]
    public Task Deployment_restart_is_kubectls() => AssertRestartLikeKubectl("deployments", "deployment/web");

    [KubectlFact]
    public Task Statefulset_restart_is_kubectls() => AssertRestartLikeKubectl("statefulsets", "statefulset/db");

    [KubectlFact]
    public Task Daemonset_restart_is_kubectls() => AssertRestartLikeKubectl("daemonsets", "daemonset/agent");

    private static async Task AssertRestartLikeKubectl(string resource, string target)
    {
        await using var twin = await Twin.StartAsync(c =>
        {
            c.Create(Workloads.Deployment("web", "registry.example/web:v1"));
            c.Create(Workloads.StatefulSet("db", "registry.example/db:v1"));
            c.Create(Workloads.DaemonSet("agent", "registry.example/agent:v1"));
        });
        Assert.True(WorkloadRef.TryParse(target, "shop", out var workload));

        var kubectl = twin.Kubectl("rollout", "restart", target, "-n", "shop");
        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.EndsWith(" restarted", kubectl.StandardOutput.Trim(), StringComparison.Ordinal);
        var theirs = JsonNode.Parse(twin.ForKubectl.Requests.Single(r => r.Method == "PATCH").Body)!.AsObject();
        var kubectlStamp = Stamp(theirs["spec"]!["template"]!);
        Assert.True(DateTimeOffset.TryParse(kubectlStamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var kubectlAt), theirs.ToJsonString());

        // Our restart at kubectl's instant: the stamp hashes into the new ReplicaSet's and ControllerRevision's names,
        // so with two clocks a second apart the objects differ in those names (a flaky comparison seen in CI).
        var plan = await twin.Controller.PlanRestartAsync(workload, kubectlAt, default);
        await twin.Controller.ApplyRestartAsync(plan, default);
        Assert.True(plan.IsReady);
        Assert.Equal(kubectlStamp, plan.RestartedAt);

        // The same patch: kubectl's two-way strategic merge of the stamp; ours adds metadata.resourceVersion only.
        var ours = JsonNode.Parse(twin.ForUs.Requests.Single(r => r.Method == "PATCH").Body)!.AsObject();
        Assert.Equal(plan.ResourceVersion, ours["metadata"]!["resourceVersion"]!.GetValue<string>());
        ours.Remove("metadata");
        Assert.Equal(Twin.Canonical(theirs), Twin.Canonical(ours));

        // The same object, and the same history, once the controllers settled.
        twin.AssertSameObjects(resource);
        using var kubectlSide = new KubernetesWorkloadController(new k8s.KubernetesClientConfiguration { Host = twin.ForKubectl.Uri.ToString(), AccessToken = "test-token" }, "kubectl-side");
        var expected = await kubectlSide.GetHistoryAsync(workload, default);
        var actual = await twin.Controller.GetHistoryAsync(workload, default);
        Assert.Equal(expected.CurrentRevision, actual.CurrentRevision);
        Assert.Equal(expected.Revisions.Select(r => r.Revision), actual.Revisions.Select(r => r.Revision));
        Assert.Equal(plan.FromRevision + 1, actual.CurrentRevision);
    }

    [KubectlFact]
    public async Task Kubectl_and_we_refuse_a_paused_deployment_alike_and_nothing_is_written()
    {
        await using var twin = await Twin.StartAsync(c =>
        {
            c.ThreeRevisions();
            c.SetPaused("shop", "web", true);
        });

        var kubectl = twin.Kubectl("rollout", "restart", "deployment/web", "-n", "shop");
        var plan = await twin.Controller.PlanRestartAsync(new WorkloadRef(WorkloadKind.Deployment, "web", "shop"), DateTimeOffset.UtcNow, default);

        Assert.NotEqual(0, kubectl.ExitCode);
        Assert.False(plan.IsReady);
        Assert.Contains(plan.Refusal!, kubectl.StandardError);
        Assert.Empty(twin.ForKubectl.Writes());
        Assert.Empty(twin.ForUs.Writes());
    }

    private static string? Stamp(JsonNode template) => template["metadata"]?["annotations"]?[KubernetesKeys.RestartedAt]?.GetValue<string>();
}
