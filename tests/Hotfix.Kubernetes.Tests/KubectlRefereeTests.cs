using System.Text.Json.Nodes;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Kubernetes.Tests;

/// <summary>
/// kubectl as the referee: the same scenario run with the real kubectl on one test API server and with our adapter
/// on an identical one must leave identical objects, send the same patch (ours adds only the precondition) and
/// print consistent history and status.
/// </summary>
public class KubectlRefereeTests
{
    private static readonly WorkloadRef Web = new(WorkloadKind.Deployment, "web", "shop");
    private static readonly WorkloadRef Db = new(WorkloadKind.StatefulSet, "db", "shop");
    private static readonly WorkloadRef Agent = new(WorkloadKind.DaemonSet, "agent", "shop");

    [KubectlFact]
    public async Task Undo_to_the_previous_revision_leaves_the_same_deployment_and_replica_sets_as_kubectl()
    {
        await using var twin = await Twin.StartAsync(c => c.ThreeRevisions());

        var kubectl = twin.Kubectl("rollout", "undo", "deployment/web", "-n", "shop");
        var plan = await twin.Controller.PlanRollbackAsync(Web, 0, default);
        await twin.Controller.ApplyRollbackAsync(plan, default);

        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.Equal("deployment.apps/web rolled back", kubectl.StandardOutput.Trim());
        Assert.Equal((3L, 2L, 4L), (plan.FromRevision, plan.ToRevision, plan.RestoredAsRevision));
        twin.AssertSamePatchAsKubectl();
        twin.AssertSameObjects("deployments", "replicasets");
        await AssertSameHistory(twin, Web);
    }

    [KubectlFact]
    public async Task Undo_to_a_revision_leaves_the_same_objects_as_kubectl_also_when_lists_are_paged()
    {
        await using var twin = await Twin.StartAsync(c => c.ThreeRevisions());
        twin.ForKubectl.MaxPageSize = 1;
        twin.ForUs.MaxPageSize = 1;

        var kubectl = twin.Kubectl("rollout", "undo", "deployment/web", "-n", "shop", "--to-revision=1");
        var plan = await twin.Controller.PlanRollbackAsync(Web, 1, default);
        await twin.Controller.ApplyRollbackAsync(plan, default);

        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.Equal("registry.example/web:v1", plan.ImagesAfter.Single().Image);
        Assert.Contains(twin.ForUs.Requests, r => r.Path.EndsWith("/replicasets", StringComparison.Ordinal) && r.Query.Contains("continue=2", StringComparison.Ordinal));
        twin.AssertSamePatchAsKubectl();
        twin.AssertSameObjects("deployments", "replicasets");
        await AssertSameHistory(twin, Web);
    }

    [KubectlFact]
    public async Task The_full_selector_with_match_expressions_is_sent_as_kubectl_sends_it()
    {
        var expressions = new JsonArray(
            new JsonObject { ["key"] = "tier", ["operator"] = "In", ["values"] = new JsonArray("web", "api") },
            new JsonObject { ["key"] = "canary", ["operator"] = "DoesNotExist" });
        await using var twin = await Twin.StartAsync(c =>
        {
            c.Create(Workloads.Deployment("web", "registry.example/web:v1", matchExpressions: (JsonArray)expressions.DeepClone()));
            c.SetImage("deployments", "shop", "web", "registry.example/web:v2");
        });

        var kubectl = twin.Kubectl("rollout", "history", "deployment/web", "-n", "shop");
        await twin.Controller.GetHistoryAsync(Web, default);

        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        string Selector(Hotfix.TestSupport.Kubernetes.KubeApiServer s) => System.Web.HttpUtility.ParseQueryString(s.Requests.First(r => r.Path.EndsWith("/replicasets", StringComparison.Ordinal)).Query)["labelSelector"]!;
        Assert.Equal("app=web,!canary,tier in (api,web)", Selector(twin.ForKubectl));
        Assert.Equal(Selector(twin.ForKubectl), Selector(twin.ForUs));
    }

    [KubectlFact]
    public async Task Statefulset_undo_sends_the_revision_data_and_leaves_the_same_objects_as_kubectl()
    {
        await using var twin = await Twin.StartAsync(c =>
        {
            c.Create(Workloads.StatefulSet("db", "registry.example/db:v1", changeCause: "first"));
            c.SetImage("statefulsets", "shop", "db", "registry.example/db:v2", "second");
            c.SetImage("statefulsets", "shop", "db", "registry.example/db:v3", "third");
        });

        var kubectl = twin.Kubectl("rollout", "undo", "statefulset/db", "-n", "shop");
        var plan = await twin.Controller.PlanRollbackAsync(Db, 0, default);
        await twin.Controller.ApplyRollbackAsync(plan, default);

        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.Equal((3L, 2L), (plan.FromRevision, plan.ToRevision));
        Assert.Equal(PatchKind.StrategicMerge, plan.Patch!.Kind);
        twin.AssertSamePatchAsKubectl();
        twin.AssertSameObjects("statefulsets", "controllerrevisions");
        await AssertSameHistory(twin, Db);
    }

    [KubectlFact]
    public async Task Daemonset_undo_to_revision_leaves_the_same_objects_as_kubectl()
    {
        await using var twin = await Twin.StartAsync(c =>
        {
            c.Create(Workloads.DaemonSet("agent", "registry.example/agent:v1", changeCause: "first"));
            c.SetImage("daemonsets", "shop", "agent", "registry.example/agent:v2", "second");
            c.SetImage("daemonsets", "shop", "agent", "registry.example/agent:v3", "third");
        });

        var kubectl = twin.Kubectl("rollout", "undo", "daemonset/agent", "-n", "shop", "--to-revision=1");
        var plan = await twin.Controller.PlanRollbackAsync(Agent, 1, default);
        await twin.Controller.ApplyRollbackAsync(plan, default);

        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        twin.AssertSamePatchAsKubectl();
        twin.AssertSameObjects("daemonsets", "controllerrevisions");
        await AssertSameHistory(twin, Agent);
    }

    [KubectlFact]
    public async Task Kubectl_and_we_agree_on_skipped_paused_and_unknown_revisions()
    {
        await using var twin = await Twin.StartAsync(c => c.ThreeRevisions());

        var skipped = twin.Kubectl("rollout", "undo", "deployment/web", "-n", "shop", "--to-revision=3");
        var ourSkip = await twin.Controller.PlanRollbackAsync(Web, 3, default);
        Assert.Equal(0, skipped.ExitCode);
        Assert.Contains(ourSkip.SkipMessage!, skipped.StandardOutput + skipped.StandardError);

        var unknown = twin.Kubectl("rollout", "undo", "deployment/web", "-n", "shop", "--to-revision=9");
        var ourUnknown = await twin.Controller.PlanRollbackAsync(Web, 9, default);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains(ourUnknown.Refusal!.Message, unknown.StandardError);

        twin.ForKubectl.Cluster.SetPaused("shop", "web", true);
        twin.ForUs.Cluster.SetPaused("shop", "web", true);
        var paused = twin.Kubectl("rollout", "undo", "deployment/web", "-n", "shop");
        var ourPaused = await twin.Controller.PlanRollbackAsync(Web, 0, default);
        Assert.NotEqual(0, paused.ExitCode);
        Assert.Equal(RollbackRefusalKind.Paused, ourPaused.Refusal!.Kind);
        Assert.Contains(ourPaused.Refusal.Message, paused.StandardError);

        Assert.Empty(twin.ForKubectl.Writes());
        Assert.Empty(twin.ForUs.Writes());
    }

    [KubectlFact]
    public async Task A_status_write_before_the_patch_does_not_stop_kubectl_and_we_resend_its_patch_with_a_fresh_precondition()
    {
        await using var twin = await Twin.StartAsync(c => c.ThreeRevisions());
        twin.ForKubectl.AddFault(Workloads.StatusWriteBeforePatch("deployments", "web"));
        twin.ForUs.AddFault(Workloads.StatusWriteBeforePatch("deployments", "web"));

        var kubectl = twin.Kubectl("rollout", "undo", "deployment/web", "-n", "shop");
        var record = await new RollbackProcedure(twin.Controller, null, TimeProvider.System)
            .RunAsync(new RollbackRequest(Web, 0, TimeSpan.FromSeconds(30), "alice", "v3 breaks checkout", null, false), default);

        // kubectl sends no precondition, so the controller's status write cannot refuse its patch; ours is refused
        // once, planned again from the object as it is now, and sent again: the same rollback.
        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.Equal(RollbackResult.RolledBack, record.Outcome!.Result);
        Assert.Equal(2, record.Outcome.Attempts);
        twin.AssertSamePatchAsKubectl(resent: true);
        twin.AssertSameObjects("deployments", "replicasets");
        await AssertSameHistory(twin, Web);
    }

    [KubectlFact]
    public async Task A_scaler_writing_replicas_before_the_patch_does_not_stop_kubectl_and_we_resend_its_patch_with_the_scaled_replicas_kept()
    {
        await using var twin = await Twin.StartAsync(c => c.ThreeRevisions());
        twin.ForKubectl.AddFault(Workloads.ScaleBeforePatch("deployments", "web"));
        twin.ForUs.AddFault(Workloads.ScaleBeforePatch("deployments", "web"));

        var kubectl = twin.Kubectl("rollout", "undo", "deployment/web", "-n", "shop");
        var record = await new RollbackProcedure(twin.Controller, null, TimeProvider.System)
            .RunAsync(new RollbackRequest(Web, 0, TimeSpan.FromSeconds(30), "alice", "v3 breaks checkout", null, false), default);

        // kubectl sends no precondition and its patch has no replicas: an autoscaler's write between its read and its
        // patch changes nothing it does. Ours is refused once (the generation moved), read again, found to differ
        // only in replicas, and sent again: the same objects, the scaler's replicas kept on both.
        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.Equal(RollbackResult.RolledBack, record.Outcome!.Result);
        Assert.Equal(2, record.Outcome.Attempts);
        Assert.Equal(3, twin.ForUs.Cluster.Get("deployments", "shop", "web")!["spec"]!["replicas"]!.GetValue<int>());
        twin.AssertSamePatchAsKubectl(resent: true);
        twin.AssertSameObjects("deployments", "replicasets");
        await AssertSameHistory(twin, Web);
    }

    [KubectlFact]
    public async Task Rollout_status_ends_with_the_same_message_as_kubectl()
    {
        await using var twin = await Twin.StartAsync(c => c.ThreeRevisions());
        twin.ForKubectl.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4", settle: false);
        twin.ForUs.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4", settle: false);

        var kubectl = twin.Kubectl("rollout", "status", "deployment/web", "-n", "shop", "--timeout=30s");
        var ours = await twin.Controller.WaitForRolloutAsync(Web, TimeSpan.FromSeconds(30), wait: true, null, default);

        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.Equal(RolloutVerdict.Complete, ours.Status.Verdict);
        Assert.Equal(kubectl.StandardOutput.Trim().Split('\n')[^1], ours.Status.Message);
    }

    [KubectlFact]
    public async Task Rollout_status_reports_the_progress_deadline_like_kubectl()
    {
        void Stall(FakeCluster c)
        {
            c.ThreeRevisions();
            c.StartBrokenRollout(deadlineTicks: 3);
        }

        await using var twin = await Twin.StartAsync(Stall);

        var kubectl = twin.Kubectl("rollout", "status", "deployment/web", "-n", "shop", "--timeout=30s");
        var ours = await twin.Controller.WaitForRolloutAsync(Web, TimeSpan.FromSeconds(30), wait: true, null, default);

        Assert.NotEqual(0, kubectl.ExitCode);
        Assert.Equal(RolloutVerdict.DeadlineExceeded, ours.Status.Verdict);
        Assert.Contains(ours.Status.Message, kubectl.StandardError);
    }

    /// <summary>kubectl rollout history's table and ours list the same revisions with the same change-causes, on both servers.</summary>
    private static async Task AssertSameHistory(Twin twin, WorkloadRef workload)
    {
        var kubectl = twin.Kubectl("rollout", "history", workload.KindAndName, "-n", "shop");
        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        var theirs = kubectl.StandardOutput.Split('\n')
            .SkipWhile(l => !l.StartsWith("REVISION", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => (long.Parse(l[..l.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture), l[l.IndexOf(' ', StringComparison.Ordinal)..].Trim()))
            .ToList();
        var ours = (await twin.Controller.GetHistoryAsync(workload, default)).Revisions.Select(r => (r.Revision, r.ChangeCause ?? "<none>")).ToList();
        Assert.NotEmpty(theirs);
        Assert.Equal(theirs, ours);
    }
}
