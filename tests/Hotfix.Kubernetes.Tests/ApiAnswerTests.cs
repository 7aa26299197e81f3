using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Kubernetes.Tests;

/// <summary>
/// What the adapter makes of the API server's answers, now that it reads them as JSON itself: failure statuses with
/// the server's own message, answers that are not the object asked for, a server that is not there, and objects
/// travelling into a patch as the server sent them.
/// </summary>
public class ApiAnswerTests
{
    private static readonly WorkloadRef Web = new(WorkloadKind.Deployment, "web", "shop");

    public static TheoryData<string, string, int, ApiFailureKind, bool> Statuses => new()
    {
        { "GET", "/deployments/web", 403, ApiFailureKind.Rejected, false },
        { "GET", "/replicasets", 404, ApiFailureKind.NotFound, false },
        { "GET", "/replicasets", 500, ApiFailureKind.Unavailable, false },
        { "PATCH", "/deployments/web", 422, ApiFailureKind.Rejected, false },
        { "PATCH", "/deployments/web", 409, ApiFailureKind.Conflict, false },
        { "PATCH", "/deployments/web", 503, ApiFailureKind.Unavailable, true },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task A_failure_status_keeps_the_servers_message_and_says_what_state_things_are_in(string method, string path, int status, ApiFailureKind kind, bool outcomeUnknown)
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        using var controller = Connect(server);
        var message = $"injected {status} for {method} {path}";
        server.AddFault(new Fault { Method = method, PathContains = path, Status = status, Message = message });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => RollBackAsync(controller));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(outcomeUnknown, error.WriteOutcomeUnknown);
        Assert.EndsWith($": {message} (HTTP {status})", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Method == method && r.Path.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_error_page_that_is_not_a_status_object_is_quoted_as_the_message()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        using var controller = Connect(server);
        server.AddFault(new Fault { Method = "GET", PathContains = "/deployments/web", Status = 502, RawBody = "<html>bad gateway</html>" });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.GetHistoryAsync(Web, default));

        Assert.Equal(ApiFailureKind.Unavailable, error.Kind);
        Assert.Equal("GET deployments/web: <html>bad gateway</html> (HTTP 502)", error.Message);
    }

    [Theory]
    [InlineData("/deployments/web", "<html>proxy error</html>")]
    [InlineData("/deployments/web", "")]
    [InlineData("/deployments/web", "null")]
    [InlineData("/deployments/web", "[{\"kind\":\"Deployment\"}]")]
    [InlineData("/replicasets", "<html>proxy error</html>")]
    [InlineData("/replicasets", "{\"metadata\":{},\"items\":3}")]
    [InlineData("/replicasets", "{\"metadata\":{},\"items\":[null]}")]
    public async Task A_success_status_with_something_other_than_the_object_asked_for_is_an_unavailable_server_not_a_crash(string path, string body)
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        using var controller = Connect(server);
        server.AddFault(new Fault { Method = "GET", PathContains = path, Status = 200, RawBody = body });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.GetHistoryAsync(Web, default));

        Assert.Equal(ApiFailureKind.Unavailable, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.Contains("the API server's answer is not the JSON object expected", error.Message);
        Assert.StartsWith(path == "/replicasets" ? "LIST replicasets: " : "GET deployments/web: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_answered_with_something_that_is_not_json_is_a_write_whose_outcome_is_unknown()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        using var controller = Connect(server);
        server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 200, RawBody = "<html>accepted</html>" });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => RollBackAsync(controller));

        Assert.Equal(ApiFailureKind.Unavailable, error.Kind);
        Assert.True(error.WriteOutcomeUnknown);
        Assert.Contains("not the JSON object expected", error.Message);
    }

    [Fact]
    public async Task A_server_that_refuses_the_connection_cannot_be_reached()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var controller = new KubernetesWorkloadController(
            new k8s.KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}/" }, "test", new WatchOptions());

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.GetHistoryAsync(Web, default));

        Assert.Equal(ApiFailureKind.Unavailable, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.StartsWith("GET deployments/web: the API server cannot be reached (", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// kubectl's rollback replaces the template with the ReplicaSet's; ours takes it as the server sent it — member
    /// order and every field, also one this client's models would not have known (a server newer than the client).
    /// </summary>
    [Fact]
    public async Task The_rollback_patch_carries_the_replica_sets_template_as_the_server_sent_it()
    {
        await using var server = await KubeApiServer.StartAsync();
        var deployment = Workloads.Deployment("web", "registry.example/web:v1");
        ((JsonObject)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!)["futureField"] = new JsonObject { ["kept"] = true };
        server.Cluster.Create(deployment);
        server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v2");
        using var controller = Connect(server);

        var target = server.Cluster.List("replicasets", "shop").Single(rs => rs["metadata"]!["annotations"]![KubernetesKeys.Revision]!.GetValue<string>() == "1");
        var plan = await controller.PlanRollbackAsync(Web, 1, default);
        await controller.ApplyRollbackAsync(plan, default);

        var sent = JsonNode.Parse(server.Requests.Single(r => r.Method == "PATCH").Body)!.AsArray();
        Assert.Equal(PodTemplates.WithoutHash(target["spec"]!["template"]).ToJsonString(), sent[1]!["value"]!.ToJsonString());
        Assert.True(server.Cluster.Get("deployments", "shop", "web")!["spec"]!["template"]!["spec"]!["containers"]![0]!["futureField"]!["kept"]!.GetValue<bool>());
    }

    private static KubernetesWorkloadController Connect(KubeApiServer server) =>
        new(new k8s.KubernetesClientConfiguration { Host = server.Uri.ToString() }, "test", new WatchOptions());

    private static async Task RollBackAsync(KubernetesWorkloadController controller) =>
        await controller.ApplyRollbackAsync(await controller.PlanRollbackAsync(Web, 0, default), default);
}
