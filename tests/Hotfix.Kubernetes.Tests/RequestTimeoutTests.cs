using System.Diagnostics;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Kubernetes.Tests;

/// <summary>
/// The adapter's per-request limit against a loopback server that accepts and never answers, and against a slow PATCH;
/// kubectl with the same --request-timeout is the referee for "an unanswered request is an error, not a wait".
/// </summary>
public class RequestTimeoutTests
{
    private static readonly WorkloadRef Web = new(WorkloadKind.Deployment, "web", "shop");
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private static KubernetesWorkloadController Connect(Uri server) =>
        new(new k8s.KubernetesClientConfiguration { Host = server.ToString() }, "test",
            new WatchOptions { RequestTimeout = Limit, PollInterval = TimeSpan.FromMilliseconds(50) });

    [Fact]
    public async Task A_read_the_server_never_answers_fails_as_unavailable_after_the_request_timeout()
    {
        await using var server = new SilentApiServer();
        using var controller = Connect(server.Uri);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.GetHistoryAsync(Web, default));

        Assert.True(clock.Elapsed < Limit + TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(ApiFailureKind.Unavailable, error.Kind);
        Assert.False(error.WriteOutcomeUnknown);
        Assert.Contains("did not answer within 2s", error.Message);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_wait_that_never_gets_an_answer_says_so_instead_of_reporting_a_rollout_timeout()
    {
        await using var server = new SilentApiServer();
        using var controller = Connect(server.Uri);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.WaitForRolloutAsync(Web, TimeSpan.FromSeconds(1), wait: true, null, default));

        Assert.Contains("did not answer within the --timeout of 1s", error.Message);
    }

    [Fact]
    public async Task A_patch_answered_too_late_is_a_write_whose_outcome_is_unknown_and_it_lands()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        using var controller = Connect(server.Uri);
        var plan = await controller.PlanRollbackAsync(Web, 0, default);
        server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", AnswerAfter = TimeSpan.FromSeconds(4), Times = 1 });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.ApplyRollbackAsync(plan, default));

        Assert.True(error.WriteOutcomeUnknown);
        Assert.Equal(ApiFailureKind.Unavailable, error.Kind);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (server.Cluster.Get("deployments", "shop", "web")!["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.GetValue<string>() != "4" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal("4", server.Cluster.Get("deployments", "shop", "web")!["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.GetValue<string>());
    }

    [KubectlFact]
    public async Task Kubectl_with_the_same_request_timeout_also_gives_up_with_an_error()
    {
        await using var server = new SilentApiServer();
        using var dir = new TempDirectory();
        var kubeconfig = server.WriteKubeconfig(dir.Combine("kubeconfig"), "shop");
        var clock = Stopwatch.StartNew();

        var kubectl = Kubectl.Run(kubeconfig, "get", "deployment", "web", "-n", "shop", "--request-timeout=2s");

        Assert.NotEqual(0, kubectl.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"kubectl took {clock.Elapsed}");
        Assert.True(server.Connections > 0);
    }
}
