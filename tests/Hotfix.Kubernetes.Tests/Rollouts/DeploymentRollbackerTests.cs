using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;
using static Hotfix.Kubernetes.Tests.Rollouts.Fixtures;

namespace Hotfix.Kubernetes.Tests.Rollouts;

/// <summary>kubectl's Deployment rollback algorithm, case by case (kubectl pkg/polymorphichelpers/rollback.go).</summary>
public class DeploymentRollbackerTests
{
    private static readonly IReadOnlyList<KubeObject> Three =
    [
        ReplicaSet("web-aaa", "web:v1", "1", Stamp(1), changeCause: "one"),
        ReplicaSet("web-bbb", "web:v2", "2", Stamp(2), changeCause: "two"),
        ReplicaSet("web-ccc", "web:v3", "3", Stamp(3), changeCause: "three"),
    ];

    [Fact]
    public void Previous_is_the_second_highest_revision()
    {
        var plan = DeploymentRollbacker.Instance.Plan(Deployment("web:v3", "3"), Three, 0);
        Assert.Equal(RollbackPlanStatus.Ready, plan.Status);
        Assert.Equal((3L, 2L, 4L), (plan.FromRevision, plan.ToRevision, plan.RestoredAsRevision));
        Assert.Equal("web-bbb", plan.TargetName);
        Assert.Equal("web:v2", plan.ImagesAfter.Single().Image);
        Assert.Equal("two", plan.ChangeCauseAfter);
    }

    [Fact]
    public void Previous_is_chosen_by_number_not_by_the_current_template()
    {
        // The Deployment already runs v1's template but the controller has not made it the newest revision yet:
        // kubectl still goes to the second-highest number.
        var plan = DeploymentRollbacker.Instance.Plan(Deployment("web:v9", "3"), Three, 0);
        Assert.Equal(2, plan.ToRevision);
    }

    [Fact]
    public void Replica_sets_not_controlled_by_the_deployment_are_ignored()
    {
        var listed = Three.Append(ReplicaSet("web-zzz", "web:v0", "9", Stamp(9), owner: "other")).Append(ReplicaSet("web-yyy", "web:v0", "8", Stamp(8), controller: false)).ToList();
        var plan = DeploymentRollbacker.Instance.Plan(Deployment("web:v3", "3"), listed, 0);
        Assert.Equal(2, plan.ToRevision);
        Assert.DoesNotContain(plan.History.Revisions, r => r.Revision is 8 or 9);
    }

    [Fact]
    public void A_malformed_revision_is_skipped_and_a_missing_one_counts_as_zero()
    {
        var listed = new List<KubeObject>
        {
            ReplicaSet("web-aaa", "web:v1", "x", Stamp(1)),
            ReplicaSet("web-bbb", "web:v2", null, Stamp(2)),
            ReplicaSet("web-ccc", "web:v3", "3", Stamp(3)),
        };
        var history = DeploymentRollbacker.Instance.History(Deployment("web:v3", "3"), listed);
        Assert.Equal([0L, 3L], history.Revisions.Select(r => r.Revision));
        Assert.Single(history.Warnings);

        // Revision 0 is never chosen as "previous" (kubectl compares with strict less-than from 0).
        var plan = DeploymentRollbacker.Instance.Plan(Deployment("web:v3", "3"), listed, 0);
        Assert.Equal(RollbackRefusalKind.NoHistory, plan.Refusal!.Kind);
        Assert.Equal("no rollout history found for deployment \"web\"", plan.Refusal.Message);
    }

    [Fact]
    public void An_exact_revision_and_an_unknown_one()
    {
        Assert.Equal("web-aaa", DeploymentRollbacker.Instance.Plan(Deployment("web:v3", "3"), Three, 1).TargetName);
        var unknown = DeploymentRollbacker.Instance.Plan(Deployment("web:v3", "3"), Three, 7);
        Assert.Equal(RollbackPlanStatus.Refused, unknown.Status);
        Assert.Equal("unable to find specified revision 7 in history", unknown.Refusal!.Message);
        Assert.Null(unknown.Patch);
    }

    [Fact]
    public void Paused_is_refused_before_the_already_equal_check()
    {
        var plan = DeploymentRollbacker.Instance.Plan(Deployment("web:v3", "3", paused: true), Three, 3);
        Assert.Equal(RollbackRefusalKind.Paused, plan.Refusal!.Kind);
    }

    [Fact]
    public void The_current_template_is_skipped_with_the_requested_number_in_the_message()
    {
        var exact = DeploymentRollbacker.Instance.Plan(Deployment("web:v3", "3"), Three, 3);
        Assert.Equal(RollbackPlanStatus.AlreadyAtTarget, exact.Status);
        Assert.Equal("skipped rollback (current template already matches revision 3)", exact.SkipMessage);

        // kubectl prints the requested number, so "previous" prints 0.
        var previous = DeploymentRollbacker.Instance.Plan(Deployment("web:v2", "3"), Three, 0);
        Assert.Equal("skipped rollback (current template already matches revision 0)", previous.SkipMessage);
    }

    [Fact]
    public void The_patch_is_kubectls_with_a_resource_version_test_first()
    {
        var deployment = Deployment("web:v3", "3", annotations: new JsonObject
        {
            [KubernetesKeys.LastAppliedConfiguration] = "{}",
            ["team"] = "shop",
            [KubernetesKeys.ChangeCause] = "three",
        });
        var plan = DeploymentRollbacker.Instance.Plan(deployment, Three, 1);
        var ours = JsonNode.Parse(plan.Patch!.Body)!.AsArray();
        var kubectl = JsonNode.Parse(plan.Patch.KubectlBody)!.AsArray();

        Assert.Equal("application/json-patch+json", plan.Patch.ContentType);
        Assert.Equal("""{"op":"test","path":"/metadata/resourceVersion","value":"42"}""", ours[0]!.ToJsonString());
        Assert.Equal(kubectl.ToJsonString(), new JsonArray(ours[1]!.DeepClone(), ours[2]!.DeepClone()).ToJsonString());
        Assert.Equal("/spec/template", kubectl[0]!["path"]!.GetValue<string>());
        Assert.Null(kubectl[0]!["value"]!["metadata"]!["labels"]![KubernetesKeys.PodTemplateHash]);

        // Skipped keys come from the Deployment, everything else from the ReplicaSet; other Deployment annotations go.
        Assert.Equal(
            """{"deployment.kubernetes.io/revision":"3","kubectl.kubernetes.io/last-applied-configuration":"{}","kubernetes.io/change-cause":"one"}""",
            kubectl[1]!["value"]!.ToJsonString());
        Assert.Single(plan.Warnings);
    }

    [Fact]
    public void History_marks_the_replica_set_running_the_current_template()
    {
        var history = DeploymentRollbacker.Instance.History(Deployment("web:v2", "2"), Three);
        Assert.Equal([false, true, false], history.Revisions.Select(r => r.IsCurrent));
        Assert.Equal(2, history.CurrentRevision);
        Assert.Equal(["one", "two", "three"], history.Revisions.Select(r => r.ChangeCause));
    }
}
