using System.Text.Json.Nodes;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>
/// kubectl's StatefulSet and DaemonSet rollback and history: revisions are the ControllerRevisions the object
/// controls, numbered by their <c>.revision</c>; the patch is the revision's <c>data</c> sent verbatim as a strategic
/// merge patch (<c>{"spec":{"template":{…,"$patch":"replace"}}}</c>).
/// </summary>
/// <remarks>
/// Deliberate deviation: kubectl decides "already matches" by comparing the bytes of its own encoding of the current
/// template with the stored data. A .NET encoder cannot reproduce Go's byte order, so we compare the parsed JSON
/// with the same nil-versus-empty rule as the Deployment check.
/// </remarks>
internal sealed class ControllerRevisionRollbacker(WorkloadKind kind) : IRollbacker
{
    public string RevisionResource => "controllerrevisions";

    public RolloutHistory History(KubeObject workload, IReadOnlyList<KubeObject> listed)
    {
        var owned = Owned(workload, listed);
        var current = CurrentOf(workload, owned);
        var byRevision = new SortedDictionary<long, RevisionEntry>();
        foreach (var revision in owned)
        {
            var number = revision.Number("revision") ?? 0;
            var cause = revision.Annotations.GetValueOrDefault(KubernetesKeys.ChangeCause);
            byRevision[number] = new RevisionEntry(number, revision.Name, string.IsNullOrEmpty(cause) ? null : cause,
                PodTemplates.Images(TemplateOf(revision)), ReferenceEquals(revision, current),
                revision.Labels.GetValueOrDefault("controller-revision-hash"), revision.CreationTimestamp);
        }

        return new RolloutHistory(Rollbackers.RefOf(workload, kind), current?.Number("revision"), byRevision.Values.ToList(), []);
    }

    public RollbackPlan Plan(KubeObject workload, IReadOnlyList<KubeObject> listed, long toRevision)
    {
        var plan = Rollbackers.Start(workload, kind, History(workload, listed), toRevision);
        var owned = Owned(workload, listed);
        if (toRevision < 0)
        {
            return plan with { Refusal = new(RollbackRefusalKind.RevisionNotFound, Rollbackers.RevisionNotFound(toRevision)) };
        }

        if (toRevision == 0 && owned.Count <= 1)
        {
            return plan with { Refusal = new(RollbackRefusalKind.NoHistory, "no last revision to roll back to") };
        }

        // kubectl: sort by revision and take the second-highest for 0; otherwise the exact revision.
        var target = toRevision == 0
            ? owned.OrderBy(r => r.Number("revision") ?? 0).ElementAt(owned.Count - 2)
            : owned.FirstOrDefault(r => (r.Number("revision") ?? 0) == toRevision);
        if (target is null)
        {
            return plan with { Refusal = new(RollbackRefusalKind.RevisionNotFound, Rollbackers.RevisionNotFound(toRevision)) };
        }

        var targetTemplate = TemplateOf(target);
        return plan.Targeting(target, target.Number("revision") ?? 0, targetTemplate, "controller-revision-hash")
            .Complete(workload, targetTemplate, () => BuildPatch(workload, target));
    }

    /// <summary>
    /// The revision's data verbatim (kubectl), and ours: the same object with <c>metadata.resourceVersion</c> added,
    /// which the API server treats as a precondition (409 Conflict when the object changed since it was read).
    /// </summary>
    public static RollbackPatch BuildPatch(KubeObject workload, KubeObject target)
    {
        var data = target.Node("data") ?? new JsonObject();
        var ours = data.DeepClone() as JsonObject ?? [];
        var metadata = ours["metadata"] as JsonObject ?? [];
        ours.Remove("metadata");
        metadata["resourceVersion"] = workload.ResourceVersion;
        ours.Insert(0, "metadata", metadata);
        return new RollbackPatch(PatchKind.StrategicMerge, ours.ToJsonString(), data.ToJsonString(), $"metadata.resourceVersion == \"{workload.ResourceVersion}\"");
    }

    /// <summary>The pod template stored in a ControllerRevision (its data's spec.template without the patch directive).</summary>
    public static JsonObject? TemplateOf(KubeObject revision)
    {
        if (revision.Node("data", "spec", "template")?.DeepClone() is not JsonObject template)
        {
            return null;
        }

        template.Remove("$patch");
        return template;
    }

    private static List<KubeObject> Owned(KubeObject workload, IReadOnlyList<KubeObject> listed) =>
        listed.Where(r => r.IsControlledBy(workload)).ToList();

    /// <summary>The newest revision whose template is the workload's current template.</summary>
    private static KubeObject? CurrentOf(KubeObject workload, IReadOnlyList<KubeObject> owned) =>
        owned.Where(r => PodTemplates.EqualIgnoringHash(TemplateOf(r), workload.Node("spec", "template")))
            .OrderByDescending(r => r.Number("revision") ?? 0)
            .FirstOrDefault();
}
