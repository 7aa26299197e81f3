using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>
/// kubectl's Deployment rollback (DeploymentRollbacker) and history (DeploymentHistoryViewer): the owned ReplicaSets
/// are the ones the selector lists that name the Deployment as controller; the revision is each ReplicaSet's
/// <c>deployment.kubernetes.io/revision</c> annotation; the patch replaces the template and the annotations.
/// </summary>
internal sealed class DeploymentRollbacker : IRollbacker
{
    public static DeploymentRollbacker Instance { get; } = new();

    public string RevisionResource => "replicasets";

    public RolloutHistory History(KubeObject deployment, IReadOnlyList<KubeObject> listed)
    {
        var (owned, newRs) = Classify(deployment, listed);
        var byRevision = new SortedDictionary<long, RevisionEntry>();
        var warnings = new List<string>();
        foreach (var rs in owned)
        {
            if (!TryRevision(rs, out var revision))
            {
                warnings.Add($"replica set {rs.Name} has an invalid revision annotation '{rs.Annotations[KubernetesKeys.Revision]}'; it is left out of the history");
                continue;
            }

            // kubectl keeps the last ReplicaSet it sees for a revision number; so do we.
            byRevision[revision] = Entry(rs, revision, ReferenceEquals(rs, newRs));
        }

        return new RolloutHistory(Rollbackers.RefOf(deployment, WorkloadKind.Deployment), CurrentRevision(deployment, newRs), byRevision.Values.ToList(), warnings);
    }

    public RollbackPlan Plan(KubeObject deployment, IReadOnlyList<KubeObject> listed, long toRevision)
    {
        var plan = Rollbackers.Start(deployment, WorkloadKind.Deployment, History(deployment, listed), toRevision);
        if (toRevision < 0)
        {
            return plan with { Refusal = new(RollbackRefusalKind.RevisionNotFound, Rollbackers.RevisionNotFound(toRevision)) };
        }

        var (owned, _) = Classify(deployment, listed);
        var target = FindTarget(owned, toRevision, deployment.Name, out var refusal);
        if (target is null)
        {
            return plan with { Refusal = refusal };
        }

        TryRevision(target, out var targetRevision);
        var targetTemplate = target.Node("spec", "template");
        plan = plan.Targeting(target, targetRevision, targetTemplate, KubernetesKeys.PodTemplateHash);

        // kubectl's order: the paused refusal comes before the "already equal" check.
        if (deployment.Flag("spec", "paused"))
        {
            return plan with
            {
                Refusal = new(RollbackRefusalKind.Paused, "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"),
            };
        }

        return plan.Complete(deployment, targetTemplate, () => BuildPatch(deployment, target));
    }

    /// <summary>
    /// kubectl's 2-operation JSON patch: replace <c>/spec/template</c> with the target's template (without
    /// <c>pod-template-hash</c>) and <c>/metadata/annotations</c> with the Deployment's values for the skipped keys plus
    /// every other annotation of the ReplicaSet. Ours puts a <c>test</c> of <c>/metadata/resourceVersion</c> first.
    /// </summary>
    public static RollbackPatch BuildPatch(KubeObject deployment, KubeObject target)
    {
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in KubernetesKeys.RollbackSkippedAnnotations)
        {
            if (deployment.Annotations.TryGetValue(key, out var value))
            {
                annotations[key] = value;
            }
        }

        foreach (var (key, value) in target.Annotations)
        {
            if (!KubernetesKeys.RollbackSkippedAnnotations.Contains(key))
            {
                annotations[key] = value;
            }
        }

        var annotationObject = new JsonObject();
        foreach (var (key, value) in annotations)
        {
            annotationObject[key] = value;
        }

        var kubectlOps = new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = PodTemplates.WithoutHash(target.Node("spec", "template")) },
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/annotations", ["value"] = annotationObject });
        var ours = new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = deployment.ResourceVersion },
            kubectlOps[0]!.DeepClone(),
            kubectlOps[1]!.DeepClone());

        return new RollbackPatch(PatchKind.JsonPatch, ours.ToJsonString(), kubectlOps.ToJsonString(), $"test /metadata/resourceVersion == \"{deployment.ResourceVersion}\"");
    }

    /// <summary>kubectl's <c>Revision()</c>: no annotation is revision 0; a malformed one is an error (the RS is skipped).</summary>
    public static bool TryRevision(KubeObject rs, out long revision)
    {
        revision = 0;
        return !rs.Annotations.TryGetValue(KubernetesKeys.Revision, out var text)
            || long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out revision);
    }

    /// <summary>The ReplicaSets controlled by the Deployment, and the "new" one: the oldest whose template matches.</summary>
    private static (IReadOnlyList<KubeObject> Owned, KubeObject? NewRs) Classify(KubeObject deployment, IReadOnlyList<KubeObject> listed)
    {
        var owned = listed.Where(rs => rs.IsControlledBy(deployment)).ToList();
        var template = deployment.Node("spec", "template");
        var newRs = owned
            .Where(rs => PodTemplates.EqualIgnoringHash(rs.Node("spec", "template"), template))
            .OrderBy(rs => rs.CreationTimestamp ?? DateTimeOffset.MinValue)
            .ThenBy(rs => rs.Name, StringComparer.Ordinal)
            .FirstOrDefault();

        // kubectl iterates allOldRSs (list order) and then newRS; the order decides ties.
        var ordered = owned.Where(rs => !ReferenceEquals(rs, newRs)).ToList();
        if (newRs is not null)
        {
            ordered.Add(newRs);
        }

        return (ordered, newRs);
    }

    /// <summary>kubectl's <c>deploymentRevision</c>: revision N exactly, or the second-highest for 0.</summary>
    private static KubeObject? FindTarget(IReadOnlyList<KubeObject> ordered, long toRevision, string name, out RollbackRefusal? refusal)
    {
        refusal = null;
        long maxRevision = 0, previousRevision = 0;
        KubeObject? latest = null, previous = null;
        foreach (var rs in ordered)
        {
            if (!TryRevision(rs, out var v))
            {
                continue;
            }

            if (toRevision == 0)
            {
                if (maxRevision < v)
                {
                    previousRevision = maxRevision;
                    previous = latest;
                    maxRevision = v;
                    latest = rs;
                }
                else if (previousRevision < v)
                {
                    previousRevision = v;
                    previous = rs;
                }
            }
            else if (toRevision == v)
            {
                return rs;
            }
        }

        if (toRevision > 0)
        {
            refusal = new(RollbackRefusalKind.RevisionNotFound, Rollbackers.RevisionNotFound(toRevision));
            return null;
        }

        if (previous is null)
        {
            refusal = new(RollbackRefusalKind.NoHistory, $"no rollout history found for deployment \"{name}\"");
        }

        return previous;
    }

    private static long? CurrentRevision(KubeObject deployment, KubeObject? newRs)
    {
        if (long.TryParse(deployment.Annotations.GetValueOrDefault(KubernetesKeys.Revision), NumberStyles.None, CultureInfo.InvariantCulture, out var annotated))
        {
            return annotated;
        }

        return newRs is not null && TryRevision(newRs, out var revision) ? revision : null;
    }

    private static RevisionEntry Entry(KubeObject rs, long revision, bool isCurrent)
    {
        var template = rs.Node("spec", "template");
        var cause = rs.Annotations.GetValueOrDefault(KubernetesKeys.ChangeCause);
        if (string.IsNullOrEmpty(cause))
        {
            // kubectl prints the template's own change-cause annotation when the ReplicaSet has none.
            cause = (template?["metadata"]?["annotations"]?[KubernetesKeys.ChangeCause] as JsonValue)?.GetValue<string>();
        }

        return new RevisionEntry(revision, rs.Name, string.IsNullOrEmpty(cause) ? null : cause, PodTemplates.Images(template), isCurrent,
            rs.Labels.GetValueOrDefault(KubernetesKeys.PodTemplateHash), rs.CreationTimestamp);
    }
}
