using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;
using static Hotfix.Kubernetes.Tests.Rollouts.Fixtures;

namespace Hotfix.Kubernetes.Tests.Rollouts;

/// <summary>kubectl's status viewers: same checks, same order, same messages; plus our paused verdict.</summary>
public class RolloutStatusViewerTests
{
    private static JsonObject Status(long observed, int replicas, int updated, int available, string? progressingReason = null)
    {
        var status = new JsonObject { ["observedGeneration"] = observed, ["replicas"] = replicas, ["updatedReplicas"] = updated, ["availableReplicas"] = available };
        if (progressingReason is not null)
        {
            status["conditions"] = new JsonArray(new JsonObject { ["type"] = "Progressing", ["reason"] = progressingReason });
        }

        return status;
    }

    [Theory]
    [InlineData(2, 1, 2, 2, 2, null, RolloutVerdict.Progressing, "Waiting for deployment spec update to be observed...")]
    [InlineData(1, 1, 2, 2, 2, "ProgressDeadlineExceeded", RolloutVerdict.DeadlineExceeded, "deployment \"web\" exceeded its progress deadline")]
    [InlineData(1, 1, 2, 1, 1, null, RolloutVerdict.Progressing, "Waiting for deployment \"web\" rollout to finish: 1 out of 2 new replicas have been updated...")]
    [InlineData(1, 1, 3, 2, 3, null, RolloutVerdict.Progressing, "Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...")]
    [InlineData(1, 1, 2, 2, 1, null, RolloutVerdict.Progressing, "Waiting for deployment \"web\" rollout to finish: 1 of 2 updated replicas are available...")]
    [InlineData(1, 1, 2, 2, 2, "NewReplicaSetAvailable", RolloutVerdict.Complete, "deployment \"web\" successfully rolled out")]
    public void Deployment(long generation, long observed, int replicas, int updated, int available, string? reason, RolloutVerdict verdict, string message)
    {
        var status = RolloutStatusViewer.Deployment(Fixtures.Deployment("web:v1", "1", status: Status(observed, replicas, updated, available, reason), generation: generation));
        Assert.Equal((verdict, message), (status.Verdict, status.Message));
    }

    [Fact]
    public void A_paused_unfinished_deployment_is_paused_but_a_finished_one_is_complete()
    {
        Assert.Equal(RolloutVerdict.Paused, RolloutStatusViewer.Deployment(Fixtures.Deployment("v", "1", paused: true, status: Status(1, 2, 1, 1))).Verdict);
        Assert.Equal(RolloutVerdict.Complete, RolloutStatusViewer.Deployment(Fixtures.Deployment("v", "1", paused: true, status: Status(1, 2, 2, 2))).Verdict);
    }

    private static KubeObject Workload(string kind, string strategy, JsonObject status, JsonObject? rollingUpdate = null, long generation = 1) =>
        new(new JsonObject
        {
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "x", ["generation"] = generation },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 3,
                ["updateStrategy"] = rollingUpdate is null ? new JsonObject { ["type"] = strategy } : new JsonObject { ["type"] = strategy, ["rollingUpdate"] = rollingUpdate },
            },
            ["status"] = status,
        });

    [Fact]
    public void DaemonSet_viewer()
    {
        Assert.Equal(RolloutVerdict.Unsupported, RolloutStatusViewer.DaemonSet(Workload("DaemonSet", "OnDelete", [])).Verdict);
        Assert.Equal("Waiting for daemon set \"x\" rollout to finish: 1 out of 2 new pods have been updated...",
            RolloutStatusViewer.DaemonSet(Workload("DaemonSet", "RollingUpdate", new JsonObject { ["observedGeneration"] = 1, ["desiredNumberScheduled"] = 2, ["updatedNumberScheduled"] = 1 })).Message);
        Assert.Equal("Waiting for daemon set \"x\" rollout to finish: 1 of 2 updated pods are available...",
            RolloutStatusViewer.DaemonSet(Workload("DaemonSet", "RollingUpdate", new JsonObject { ["observedGeneration"] = 1, ["desiredNumberScheduled"] = 2, ["updatedNumberScheduled"] = 2, ["numberAvailable"] = 1 })).Message);
        Assert.Equal(RolloutVerdict.Complete,
            RolloutStatusViewer.DaemonSet(Workload("DaemonSet", "RollingUpdate", new JsonObject { ["observedGeneration"] = 1, ["desiredNumberScheduled"] = 2, ["updatedNumberScheduled"] = 2, ["numberAvailable"] = 2 })).Verdict);
    }

    [Fact]
    public void StatefulSet_viewer_with_partition_and_without_rolling_update()
    {
        Assert.Equal("Waiting for statefulset spec update to be observed...", RolloutStatusViewer.StatefulSet(Workload("StatefulSet", "RollingUpdate", new JsonObject { ["observedGeneration"] = 0 })).Message);
        Assert.Equal("Waiting for 1 pods to be ready...", RolloutStatusViewer.StatefulSet(Workload("StatefulSet", "RollingUpdate", new JsonObject { ["observedGeneration"] = 1, ["readyReplicas"] = 2 })).Message);
        var partition = new JsonObject { ["partition"] = 1 };
        Assert.Equal("Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...",
            RolloutStatusViewer.StatefulSet(Workload("StatefulSet", "RollingUpdate", new JsonObject { ["observedGeneration"] = 1, ["readyReplicas"] = 3, ["updatedReplicas"] = 1 }, partition)).Message);
        Assert.Equal("partitioned roll out complete: 2 new pods have been updated...",
            RolloutStatusViewer.StatefulSet(Workload("StatefulSet", "RollingUpdate", new JsonObject { ["observedGeneration"] = 1, ["readyReplicas"] = 3, ["updatedReplicas"] = 2 }, (JsonObject)partition.DeepClone())).Message);
        Assert.Equal("waiting for statefulset rolling update to complete 1 pods at revision x-2...",
            RolloutStatusViewer.StatefulSet(Workload("StatefulSet", "RollingUpdate", new JsonObject { ["observedGeneration"] = 1, ["readyReplicas"] = 3, ["updatedReplicas"] = 1, ["currentRevision"] = "x-1", ["updateRevision"] = "x-2" })).Message);
        Assert.Equal("statefulset rolling update complete 3 pods at revision x-2...",
            RolloutStatusViewer.StatefulSet(Workload("StatefulSet", "RollingUpdate", new JsonObject { ["observedGeneration"] = 1, ["readyReplicas"] = 3, ["currentReplicas"] = 3, ["currentRevision"] = "x-2", ["updateRevision"] = "x-2" })).Message);
        Assert.Equal(RolloutVerdict.Unsupported, RolloutStatusViewer.StatefulSet(Workload("StatefulSet", "OnDelete", [])).Verdict);
    }
}
