using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Kubernetes.Tests;

/// <summary>What the adapter does beyond kubectl: the precondition, watch resumption and polling, restart, pods.</summary>
public class AdapterTests
{
    private static readonly WorkloadRef Web = new(WorkloadKind.Deployment, "web", "shop");

    private static KubernetesWorkloadController Connect(KubeApiServer server, WatchOptions? options = null) =>
        new(new k8s.KubernetesClientConfiguration { Host = server.Uri.ToString() }, "test",
            options ?? new WatchOptions { PollInterval = TimeSpan.FromMilliseconds(50) });

    [Fact]
    public async Task A_change_made_after_the_plan_makes_the_patch_fail_instead_of_being_overwritten()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        using var controller = Connect(server);
        var plan = await controller.PlanRollbackAsync(Web, 0, default);

        server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4-concurrent");
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.ApplyRollbackAsync(plan, default));

        Assert.Equal(ApiFailureKind.Conflict, error.Kind);
        Assert.Equal(422, error.StatusCode);
        Assert.Contains("testing value /metadata/resourceVersion failed", error.Message);
        Assert.False(error.WriteOutcomeUnknown);
        Assert.Single(server.Requests, r => r.Method == "PATCH");
        Assert.Equal("registry.example/web:v4-concurrent", server.Cluster.Get("deployments", "shop", "web")!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_statefulset_changed_after_the_plan_gets_a_409_from_the_resource_version_in_the_patch()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.Create(Workloads.StatefulSet("db", "registry.example/db:v1"));
        server.Cluster.SetImage("statefulsets", "shop", "db", "registry.example/db:v2");
        using var controller = Connect(server);
        var db = new WorkloadRef(WorkloadKind.StatefulSet, "db", "shop");
        var plan = await controller.PlanRollbackAsync(db, 0, default);

        server.Cluster.SetImage("statefulsets", "shop", "db", "registry.example/db:v3");
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.ApplyRollbackAsync(plan, default));

        Assert.Equal(ApiFailureKind.Conflict, error.Kind);
        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public async Task A_watch_the_server_refuses_falls_back_to_polling()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        server.AddFault(new Fault { Method = "GET", PathContains = "/deployments", Watch = true, Status = 405, Message = "watch is not allowed" });
        server.Cluster.Controller.Held = true;
        server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4", settle: false);
        using var controller = Connect(server);

        var waiting = controller.WaitForRolloutAsync(Web, TimeSpan.FromSeconds(30), wait: true, null, default);
        await server.WaitForRequestAsync(r => r.IsWatch);
        server.Cluster.Controller.Held = false;
        var result = await waiting;

        Assert.Equal(RolloutVerdict.Complete, result.Status.Verdict);
        Assert.True(result.FellBackToPolling);
        Assert.Single(server.Requests, r => r.IsWatch);
        Assert.True(server.Requests.Count(r => r.Path.EndsWith("/deployments", StringComparison.Ordinal) && !r.IsWatch) >= 2);
    }

    [Fact]
    public async Task A_watch_that_keeps_dropping_without_events_falls_back_to_polling()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        server.DropWatchAfterEvents = 0;
        server.Cluster.Controller.Held = true;
        server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4", settle: false);
        using var controller = Connect(server, new WatchOptions { PollInterval = TimeSpan.FromMilliseconds(50), EmptyDropsBeforePolling = 2 });

        var waiting = controller.WaitForRolloutAsync(Web, TimeSpan.FromSeconds(30), wait: true, null, default);
        await server.WaitForRequestAsync(r => r.IsWatch, count: 2);
        await server.WaitForRequestAsync(r => r.Path.EndsWith("/deployments", StringComparison.Ordinal) && !r.IsWatch, count: 4);
        server.Cluster.Controller.Held = false;
        var result = await waiting;

        Assert.Equal(RolloutVerdict.Complete, result.Status.Verdict);
        Assert.True(result.FellBackToPolling);
        Assert.Equal(2, result.WatchResumes);
    }

    [Fact]
    public async Task A_dropped_watch_is_resumed_from_a_fresh_list()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        server.DropWatchAfterEvents = 1;
        server.WatchDropsLeft = 2;
        server.Cluster.Controller.Held = true;
        server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4", settle: false);
        using var controller = Connect(server);
        var seen = new List<string>();

        var waiting = controller.WaitForRolloutAsync(Web, TimeSpan.FromSeconds(30), wait: true, s => seen.Add(s.Message), default);
        await server.WaitForRequestAsync(r => r.IsWatch);
        server.Cluster.Controller.Held = false;
        var result = await waiting;

        Assert.Equal(RolloutVerdict.Complete, result.Status.Verdict);
        Assert.False(result.FellBackToPolling);
        Assert.True(result.WatchResumes >= 1);
        // Each resumption starts from a fresh LIST (then a new watch, unless that LIST already shows the end).
        Assert.True(server.Requests.Count(r => r.Path.EndsWith("/deployments", StringComparison.Ordinal) && !r.IsWatch) >= 1 + result.WatchResumes);
        Assert.Equal("deployment \"web\" successfully rolled out", seen[^1]);
    }

    [Fact]
    public async Task A_500_during_the_wait_is_an_error_not_a_retry()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        server.AddFault(new Fault { Method = "GET", PathContains = "/deployments", Watch = false, Status = 500 });
        using var controller = Connect(server);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.WaitForRolloutAsync(Web, TimeSpan.FromSeconds(5), wait: true, null, default));

        Assert.Equal(ApiFailureKind.Unavailable, error.Kind);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Restart_stamps_the_template_like_kubectl_and_refuses_a_paused_deployment()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        using var controller = Connect(server);
        var at = new DateTimeOffset(2026, 3, 24, 10, 0, 0, TimeSpan.Zero);

        var dry = await controller.RestartAsync(Web, at, dryRun: true, default);
        Assert.False(dry.Applied);
        Assert.Empty(server.Writes());

        var done = await controller.RestartAsync(Web, at, dryRun: false, default);
        Assert.True(done.Applied);
        Assert.Equal("2026-03-24T10:00:00Z", server.Cluster.Get("deployments", "shop", "web")!["spec"]!["template"]!["metadata"]!["annotations"]![KubernetesKeys.RestartedAt]!.GetValue<string>());
        server.Cluster.Controller.RunUntilSettled();
        Assert.Equal(4, (await controller.GetHistoryAsync(Web, default)).CurrentRevision);

        server.Cluster.SetPaused("shop", "web", true);
        var refused = await controller.RestartAsync(Web, at.AddMinutes(1), dryRun: false, default);
        Assert.False(refused.Applied);
        Assert.Contains("paused", refused.Refusal);
    }

    [Fact]
    public async Task Pods_are_listed_by_the_selector_with_readiness_and_reasons()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        server.Cluster.Controller.BrokenImages.Add("registry.example/web:bad");
        server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:bad");
        server.MaxPageSize = 1;
        using var controller = Connect(server);

        var pods = await controller.ListPodsAsync(Web, default);

        Assert.Equal("app=web", pods.Selector);
        Assert.False(pods.IsHealthy);
        Assert.Contains(pods.Pods, p => p.Reason == "ImagePullBackOff" && !p.Ready);
        Assert.Contains(pods.Pods, p => p.RunningAndReady);
        Assert.Contains(server.Requests, r => r.Path.EndsWith("/pods", StringComparison.Ordinal) && r.Query.Contains("continue=", StringComparison.Ordinal));
    }
}
