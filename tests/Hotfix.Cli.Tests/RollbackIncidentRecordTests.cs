using System.Text.Json;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary>
/// A rollback that names an incident is documented in the incident record too, with its reason and verification,
/// so <c>hotfix record INC-…</c> tells the whole story ("every rollback must be documented with reason and verification").
/// </summary>
public class RollbackIncidentRecordTests
{
    private static List<JsonElement> Rollbacks(CliResult record) =>
        JsonDocument.Parse(record.Out).RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "rollback").ToList();

    [Fact]
    public async Task A_successful_rollback_appears_in_the_incident_timeline_with_its_verification()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var rollback = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--incident", "INC-2026-0042", "--record-dir", c.RecordDir, "--timeout", "30s");
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("incident record: ", rollback.Error);

        var record = await c.RunAsync("record", "INC-2026-0042", "--format", "json");
        Assert.True(record.ExitCode == 0, record.ToString());
        var events = Rollbacks(record);
        Assert.Equal(["started", "finished"], events.Select(e => e.GetProperty("phase").GetString()));
        Assert.All(events, e => Assert.Equal("v3 breaks checkout", e.GetProperty("reason").GetString()));
        Assert.All(events, e => Assert.Equal("alice", e.GetProperty("by").GetString()));
        Assert.Equal(events[0].GetProperty("ref").GetString(), events[1].GetProperty("ref").GetString());

        var finished = events[1];
        Assert.Equal("rolled-back", finished.GetProperty("outcome").GetString());
        var verification = finished.GetProperty("verification").EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Contains(verification, v => v.StartsWith("rollout complete:", StringComparison.Ordinal));
        Assert.Contains("pods running and ready: 2 of 2 (app=web)", verification);
        Assert.Contains("open (a person must check): verify the issue is resolved", verification);
        Assert.Equal(3, finished.GetProperty("details").GetProperty("plan").GetProperty("fromRevision").GetInt64());

        // The rollback log keeps its own copy, line for line.
        Assert.Equal(2, c.RecordLines("INC-2026-0042.jsonl").Count);
    }

    [Fact]
    public async Task A_failed_rollback_is_recorded_as_failed_with_the_state_it_left()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 409, Message = "the object has been modified" });

        var rollback = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--incident", "INC-2026-0042", "--record-dir", c.RecordDir);
        Assert.Equal(4, rollback.ExitCode);

        var finished = Rollbacks(await c.RunAsync("record", "INC-2026-0042", "--format", "json")).Last();
        Assert.Equal("failed", finished.GetProperty("outcome").GetString());
        Assert.Contains(finished.GetProperty("verification").EnumerateArray().Select(v => v.GetString()!), v => v.StartsWith("state: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rollback_without_an_incident_stays_in_the_rollback_log_only()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var rollback = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--record-dir", c.RecordDir, "--timeout", "30s");
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal(2, c.RecordLines().Count);
        Assert.False(Directory.Exists(Path.Combine(c.Dir.Path, ".hotfix", "incidents")));
    }
}
