using System.Text.Json;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary>
/// The Kubernetes adapter inside the published native AOT binary, against the test API server: KubernetesClient's
/// JSON (source-generated in KubernetesClient.Aot), the kubeconfig loader, the watch and the record writer.
/// </summary>
public class NativeKubernetesTests
{
    private static Dictionary<string, string?> Variables(ClusterFixture c) => new()
    {
        ["KUBECONFIG"] = c.Kubeconfig,
        ["HOME"] = c.Dir.Path,
        ["USER"] = "alice",
    };

    [NativeBinaryFact]
    public async Task Rollback_runs_end_to_end_in_the_native_binary()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = NativeBinary.RunWith(c.Dir.Path, Variables(c), "rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--incident", "INC-2026-0042", "--record-dir", c.RecordDir, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal("rolled-back", json.GetProperty("outcome").GetProperty("result").GetString());
        Assert.Equal("registry.example/web:v2", c.Server.Cluster.Get("deployments", "shop", "web")!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal(2, c.RecordLines("INC-2026-0042.jsonl").Count);
    }

    [NativeBinaryFact]
    public async Task Statefulset_history_and_undo_read_controller_revisions_in_the_native_binary()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.Create(Workloads.StatefulSet("db", "registry.example/db:v1", changeCause: "first"));
        c.Server.Cluster.SetImage("statefulsets", "shop", "db", "registry.example/db:v2", "second");

        var history = NativeBinary.RunWith(c.Dir.Path, Variables(c), "history", "sts/db", "-n", "shop", "--format", "json");
        var rollback = NativeBinary.RunWith(c.Dir.Path, Variables(c), "rollback", "statefulset/db", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(history.ExitCode == 0, history.ToString());
        var revisions = JsonDocument.Parse(history.StandardOutput).RootElement.GetProperty("revisions");
        Assert.Equal(["first", "second"], revisions.EnumerateArray().Select(r => r.GetProperty("changeCause").GetString()));
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("partitioned roll out complete", rollback.StandardOutput);
    }

    [NativeBinaryFact]
    public async Task Status_verdicts_and_escalation_exit_codes_in_the_native_binary()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.StartBrokenRollout(deadlineTicks: 3);

        var status = NativeBinary.RunWith(c.Dir.Path, Variables(c), "status", "deployment/web", "-n", "shop", "--timeout", "30s");
        Assert.True(status.ExitCode == 12, status.ToString());

        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 409, Message = "the object has been modified" });
        var rollback = NativeBinary.RunWith(c.Dir.Path, Variables(c), "rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir);
        Assert.True(rollback.ExitCode == 4, rollback.ToString());
        Assert.Contains("ESCALATE: if rollback fails, escalate immediately — do not retry blindly", rollback.StandardError);
        Assert.Single(c.Server.Requests, r => r.Method == "PATCH");
    }

    [NativeBinaryFact]
    public async Task A_server_that_never_answers_ends_status_and_rollback_at_their_timeout_in_the_native_binary()
    {
        await using var server = new SilentApiServer();
        using var dir = new TempDirectory();
        var variables = new Dictionary<string, string?> { ["KUBECONFIG"] = server.WriteKubeconfig(dir.Combine("kubeconfig"), "shop"), ["HOME"] = dir.Path, ["USER"] = "alice" };

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var status = NativeBinary.RunWith(dir.Path, variables, "status", "deployment/web", "-n", "shop", "--timeout", "3s");
        var statusTook = clock.Elapsed;
        clock.Restart();
        var rollback = NativeBinary.RunWith(dir.Path, variables, "rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", dir.Combine("records"), "--timeout", "3s");
        var rollbackTook = clock.Elapsed;

        Assert.True(status.ExitCode == 3, status.ToString());
        Assert.True(rollback.ExitCode == 3, rollback.ToString());
        Assert.True(statusTook < TimeSpan.FromSeconds(13) && rollbackTook < TimeSpan.FromSeconds(13), $"status took {statusTook}, rollback {rollbackTook}");
        Assert.Contains("State: nothing was changed", rollback.StandardError);
        Assert.Contains("ESCALATE:", rollback.StandardError);
    }
}
