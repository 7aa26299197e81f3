using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Hotfix.TestSupport.Kubernetes;

/// <summary>
/// A small model of the Deployment, StatefulSet and DaemonSet controllers, enough to referee rollbacks:
/// a template change gets a new ReplicaSet (or ControllerRevision) numbered max + 1; going back to an old template
/// renumbers the old one to max + 1 and remembers the old number in <c>revision-history</c> (which is why kubectl
/// users see the restored revision "disappear"); status moves one step per tick; pods follow; a revision whose image
/// is in <see cref="BrokenImages"/> never becomes available, and after <see cref="DeadlineTicks"/> ticks the
/// Deployment gets Progressing=False with reason ProgressDeadlineExceeded.
/// </summary>
public sealed class ControllerSimulation(FakeCluster cluster)
{
    private static readonly HashSet<string> SkippedAnnotations =
    [
        "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision", "deployment.kubernetes.io/revision-history",
        "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ];

    private readonly Dictionary<string, RolloutState> rollouts = [];

    /// <summary>Images whose pods never become ready (ImagePullBackOff).</summary>
    public HashSet<string> BrokenImages { get; } = [];

    /// <summary>Ticks without completing after which a Deployment's progress deadline is exceeded.</summary>
    public int DeadlineTicks { get; set; } = 8;

    /// <summary>Makes pods of <paramref name="image"/> never ready; Deployments rolling to it exceed their deadline after <paramref name="deadlineTicks"/> ticks.</summary>
    public void Break(string image, int deadlineTicks)
    {
        BrokenImages.Add(image);
        DeadlineTicks = deadlineTicks;
    }

    /// <summary>Nodes a DaemonSet schedules on.</summary>
    public int Nodes { get; set; } = 2;

    public long Ticks { get; private set; }

    /// <summary>
    /// While held, ticks do nothing: rollouts stand still (new ReplicaSets are still created on a change). Tests hold
    /// the controller to make a client observe a rollout in progress whatever the machine's load, then release it.
    /// </summary>
    public bool Held { get; set; }

    /// <summary>Advances every rollout by one step (unless <see cref="Held"/>).</summary>
    public void Tick()
    {
        lock (cluster.Gate)
        {
            if (Held)
            {
                return;
            }

            Ticks++;
            foreach (var d in cluster.Live("deployments").ToList())
            {
                StepDeployment((JsonObject)d.DeepClone());
            }

            foreach (var kind in new[] { "statefulsets", "daemonsets" })
            {
                foreach (var w in cluster.Live(kind).ToList())
                {
                    StepRevisioned(kind, (JsonObject)w.DeepClone());
                }
            }
        }
    }

    /// <summary>Ticks until nothing changes any more (every rollout finished, stalled or exceeded its deadline).</summary>
    public void RunUntilSettled(int maxTicks = 100)
    {
        for (var i = 0; i < maxTicks; i++)
        {
            var before = cluster.CurrentResourceVersion;
            Tick();
            if (cluster.CurrentResourceVersion == before)
            {
                return;
            }
        }
    }

    internal void OnChanged(string resource, string ns, string name)
    {
        if (resource is "deployments")
        {
            SyncDeployment(ns, name);
        }
        else if (resource is "statefulsets" or "daemonsets")
        {
            SyncRevisions(resource, ns, name);
        }
    }

    /// <summary>What the Deployment controller does on a spec change: find or create the new ReplicaSet, renumber it.</summary>
    private void SyncDeployment(string ns, string name)
    {
        var d = cluster.Get("deployments", ns, name)!;
        var uid = Uid(d);
        var template = d["spec"]!["template"]!;
        var owned = cluster.Live("replicasets").Where(rs => Owner(rs) == uid).ToList();
        var maxRevision = owned.Select(Revision).DefaultIfEmpty(0).Max();
        var match = owned.Where(rs => SameTemplate(rs["spec"]!["template"], template))
            .OrderBy(rs => rs["metadata"]!["creationTimestamp"]!.GetValue<string>(), StringComparer.Ordinal).FirstOrDefault();
        JsonObject newRs;
        if (match is null)
        {
            var hash = Hash(template);
            var rsTemplate = (JsonObject)template.DeepClone();
            Labels(rsTemplate)["pod-template-hash"] = hash;
            var selector = (JsonObject)d["spec"]!["selector"]!.DeepClone();
            (selector["matchLabels"] ??= new JsonObject())["pod-template-hash"] = hash;
            newRs = new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "ReplicaSet",
                ["metadata"] = new JsonObject
                {
                    ["name"] = $"{name}-{hash}",
                    ["namespace"] = ns,
                    ["labels"] = Labels(rsTemplate).DeepClone(),
                    ["annotations"] = CopiedAnnotations(d, maxRevision + 1, null),
                    ["ownerReferences"] = new JsonArray(new JsonObject
                    {
                        ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = name, ["uid"] = uid, ["controller"] = true, ["blockOwnerDeletion"] = true,
                    }),
                },
                ["spec"] = new JsonObject { ["replicas"] = 0, ["selector"] = selector, ["template"] = rsTemplate },
                ["status"] = new JsonObject { ["replicas"] = 0 },
            };
            cluster.Write("replicasets", newRs, create: true);
        }
        else
        {
            newRs = (JsonObject)match.DeepClone();
            var current = Revision(match);
            if (current < maxRevision)
            {
                // The restored ReplicaSet becomes the newest revision; its old number goes to revision-history.
                var history = match["metadata"]!["annotations"]?["deployment.kubernetes.io/revision-history"]?.GetValue<string>();
                newRs["metadata"]!["annotations"] = CopiedAnnotations(d, maxRevision + 1, string.IsNullOrEmpty(history) ? current.ToString(CultureInfo.InvariantCulture) : $"{history},{current}");
                cluster.Write("replicasets", newRs, create: false);
            }
        }

        var revision = Revision(newRs).ToString(CultureInfo.InvariantCulture);
        var rsName = newRs["metadata"]!["name"]!.GetValue<string>();
        var state = rollouts.TryGetValue(uid, out var s) ? s : new RolloutState();
        if (state.NewRs != rsName)
        {
            rollouts[uid] = state with { NewRs = rsName, OldRs = state.NewRs, Updated = 0, NewAvailable = 0, StartedTick = Ticks, Old = state.NewRs is null ? 0 : Replicas(d) };
        }

        cluster.Update("deployments", ns, name, o =>
        {
            Annotations(o)["deployment.kubernetes.io/revision"] = revision;
            return o;
        }, runController: false);
    }

    private void StepDeployment(JsonObject d)
    {
        var uid = Uid(d);
        if (!rollouts.TryGetValue(uid, out var state))
        {
            return;
        }

        var ns = d["metadata"]!["namespace"]!.GetValue<string>();
        var name = d["metadata"]!["name"]!.GetValue<string>();
        var replicas = Replicas(d);
        var paused = d["spec"]?["paused"]?.GetValue<bool>() == true;
        var broken = Images(d["spec"]!["template"]).Any(BrokenImages.Contains);
        if (!paused)
        {
            var available = broken ? 0 : Math.Min(state.Updated, replicas);
            var updated = Math.Min(state.Updated + 1, replicas);
            var old = broken ? state.Old : Math.Max(0, Math.Min(state.Old, replicas - available));
            state = state with { Updated = updated, NewAvailable = available, Old = old };
            rollouts[uid] = state;
        }

        var complete = state.Updated == replicas && state.NewAvailable == replicas && state.Old == 0;
        var exceeded = !complete && !paused && Ticks - state.StartedTick > DeadlineTicks;
        var status = new JsonObject
        {
            ["observedGeneration"] = d["metadata"]!["generation"]!.GetValue<long>(),
            ["replicas"] = state.Updated + state.Old,
            ["updatedReplicas"] = state.Updated,
            ["readyReplicas"] = state.NewAvailable + state.Old,
            ["availableReplicas"] = state.NewAvailable + state.Old,
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Available", ["status"] = state.NewAvailable + state.Old >= replicas - 1 ? "True" : "False", ["reason"] = "MinimumReplicasAvailable" },
                new JsonObject
                {
                    ["type"] = "Progressing",
                    ["status"] = exceeded ? "False" : "True",
                    ["reason"] = exceeded ? "ProgressDeadlineExceeded" : complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    ["message"] = exceeded ? $"ReplicaSet \"{state.NewRs}\" has timed out progressing." : $"ReplicaSet \"{state.NewRs}\" is progressing.",
                }),
        };
        if (state.Updated + state.Old - state.NewAvailable - state.Old > 0)
        {
            status["unavailableReplicas"] = state.Updated - state.NewAvailable;
        }

        cluster.Update("deployments", ns, name, o =>
        {
            o["status"] = KeepingStatusMarker(o, status);
            return o;
        }, runController: false);
        ScaleReplicaSet(ns, state.NewRs!, state.Updated, state.NewAvailable);
        if (state.OldRs is not null)
        {
            ScaleReplicaSet(ns, state.OldRs, state.Old, state.Old);
        }

        WritePods(ns, state.NewRs!, state.Updated, state.NewAvailable, broken);
        if (state.OldRs is not null)
        {
            WritePods(ns, state.OldRs, state.Old, state.Old, broken: false);
        }
    }

    /// <summary>
    /// The recomputed status, keeping the field a test's status-only write left (<see cref="Workloads.WriteStatus"/>):
    /// a controller does not undo another writer's status field, and a tick that did would move the resourceVersion
    /// again at a moment no test chooses — a second refused patch, one run in several.
    /// </summary>
    private static JsonObject KeepingStatusMarker(JsonObject workload, JsonObject status)
    {
        if (workload["status"]?["observedAt"] is { } marker)
        {
            status["observedAt"] = marker.DeepClone();
        }

        return status;
    }

    private void ScaleReplicaSet(string ns, string rsName, int replicas, int available)
    {
        if (cluster.Get("replicasets", ns, rsName) is not { } rs)
        {
            return;
        }

        rs["spec"]!["replicas"] = replicas;
        rs["status"] = new JsonObject { ["replicas"] = replicas, ["readyReplicas"] = available, ["availableReplicas"] = available };
        cluster.Write("replicasets", rs, create: false);
    }

    /// <summary>Keeps <paramref name="count"/> pods of a ReplicaSet or revision, the first <paramref name="ready"/> of them ready.</summary>
    private void WritePods(string ns, string owner, int count, int ready, bool broken)
    {
        var template = cluster.Get("replicasets", ns, owner)?["spec"]?["template"]
            ?? ControllerRevisionTemplate(ns, owner);
        if (template is null)
        {
            return;
        }

        var existing = cluster.Live("pods").Where(p => p["metadata"]!["namespace"]!.GetValue<string>() == ns && p["metadata"]!["name"]!.GetValue<string>().StartsWith(owner + "-p", StringComparison.Ordinal)).ToList();
        foreach (var pod in existing)
        {
            var index = int.Parse(pod["metadata"]!["name"]!.GetValue<string>()[(owner.Length + 2)..], CultureInfo.InvariantCulture);
            if (index >= count)
            {
                cluster.Delete("pods", ns, pod["metadata"]!["name"]!.GetValue<string>());
            }
        }

        for (var i = 0; i < count; i++)
        {
            var isReady = i < ready;
            var pod = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Pod",
                ["metadata"] = new JsonObject
                {
                    ["name"] = $"{owner}-p{i}",
                    ["namespace"] = ns,
                    ["labels"] = (template["metadata"]?["labels"] ?? new JsonObject()).DeepClone(),
                },
                ["spec"] = template["spec"]?.DeepClone(),
                ["status"] = new JsonObject
                {
                    ["phase"] = isReady ? "Running" : "Pending",
                    ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = isReady ? "True" : "False" }),
                    ["containerStatuses"] = new JsonArray(Images(template).Select(image => (JsonNode)new JsonObject
                    {
                        ["name"] = "app",
                        ["image"] = image,
                        ["ready"] = isReady,
                        ["restartCount"] = 0,
                        ["state"] = isReady
                            ? new JsonObject { ["running"] = new JsonObject() }
                            : new JsonObject { ["waiting"] = new JsonObject { ["reason"] = broken ? "ImagePullBackOff" : "ContainerCreating" } },
                    }).ToArray()),
                },
            };
            var current = cluster.Live("pods").FirstOrDefault(p => p["metadata"]!["namespace"]!.GetValue<string>() == ns && p["metadata"]!["name"]!.GetValue<string>() == $"{owner}-p{i}");
            if (current is null)
            {
                cluster.Write("pods", pod, create: true);
            }
            else
            {
                foreach (var key in new[] { "uid", "creationTimestamp", "resourceVersion" })
                {
                    pod["metadata"]![key] = current["metadata"]![key]?.DeepClone();
                }

                cluster.Write("pods", pod, create: false);
            }
        }
    }

    /// <summary>StatefulSet/DaemonSet controllers: a ControllerRevision per distinct template, the restored one renumbered.</summary>
    private void SyncRevisions(string resource, string ns, string name)
    {
        var w = cluster.Get(resource, ns, name)!;
        var uid = Uid(w);
        var template = w["spec"]!["template"]!;
        var owned = cluster.Live("controllerrevisions").Where(r => Owner(r) == uid).ToList();
        var maxRevision = owned.Select(r => r["revision"]!.GetValue<long>()).DefaultIfEmpty(0).Max();
        var match = owned.FirstOrDefault(r => SameTemplate(RevisionTemplate(r), template));
        JsonObject revision;
        if (match is null)
        {
            var hash = Hash(template);
            var data = (JsonObject)template.DeepClone();
            data["$patch"] = "replace";
            var labels = (JsonObject)(template["metadata"]?["labels"] ?? new JsonObject()).DeepClone();
            labels["controller-revision-hash"] = hash;
            revision = new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "ControllerRevision",
                ["metadata"] = new JsonObject
                {
                    ["name"] = $"{name}-{hash}",
                    ["namespace"] = ns,
                    ["labels"] = labels,
                    ["annotations"] = w["metadata"]?["annotations"]?["kubernetes.io/change-cause"] is { } cause
                        ? new JsonObject { ["kubernetes.io/change-cause"] = cause.DeepClone() }
                        : null,
                    ["ownerReferences"] = new JsonArray(new JsonObject
                    {
                        ["apiVersion"] = "apps/v1", ["kind"] = resource == "statefulsets" ? "StatefulSet" : "DaemonSet", ["name"] = name, ["uid"] = uid, ["controller"] = true, ["blockOwnerDeletion"] = true,
                    }),
                },
                ["data"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = data } },
                ["revision"] = maxRevision + 1,
            };
            cluster.Write("controllerrevisions", revision, create: true);
        }
        else
        {
            revision = (JsonObject)match.DeepClone();
            if (match["revision"]!.GetValue<long>() < maxRevision)
            {
                revision["revision"] = maxRevision + 1;
                cluster.Write("controllerrevisions", revision, create: false);
            }
        }

        var revisionName = revision["metadata"]!["name"]!.GetValue<string>();
        var state = rollouts.TryGetValue(uid, out var s) ? s : new RolloutState();
        if (state.NewRs != revisionName)
        {
            rollouts[uid] = state with { NewRs = revisionName, OldRs = state.NewRs, Updated = 0, NewAvailable = 0, StartedTick = Ticks };
        }
    }

    private void StepRevisioned(string resource, JsonObject w)
    {
        var uid = Uid(w);
        if (!rollouts.TryGetValue(uid, out var state))
        {
            return;
        }

        var ns = w["metadata"]!["namespace"]!.GetValue<string>();
        var name = w["metadata"]!["name"]!.GetValue<string>();
        var desired = resource == "daemonsets" ? Nodes : Replicas(w);
        var broken = Images(w["spec"]!["template"]).Any(BrokenImages.Contains);
        var updated = Math.Min(state.Updated + 1, desired);
        var available = broken ? desired - updated : updated == desired && state.Updated == desired ? desired : desired - 1;
        rollouts[uid] = state = state with { Updated = updated, NewAvailable = available };
        var done = updated == desired && available == desired;
        var generation = w["metadata"]!["generation"]!.GetValue<long>();
        var status = resource == "daemonsets"
            ? new JsonObject
            {
                ["observedGeneration"] = generation,
                ["desiredNumberScheduled"] = desired,
                ["currentNumberScheduled"] = desired,
                ["updatedNumberScheduled"] = updated,
                ["numberAvailable"] = available,
                ["numberReady"] = available,
            }
            : new JsonObject
            {
                ["observedGeneration"] = generation,
                ["replicas"] = desired,
                ["readyReplicas"] = available,
                ["updatedReplicas"] = updated,
                ["currentReplicas"] = done ? desired : desired - updated,
                ["currentRevision"] = done || state.OldRs is null ? state.NewRs : state.OldRs,
                ["updateRevision"] = state.NewRs,
            };
        cluster.Update(resource, ns, name, o =>
        {
            o["status"] = KeepingStatusMarker(o, status);
            return o;
        }, runController: false);
        WritePods(ns, state.NewRs!, updated, Math.Min(updated, available), broken);
        if (state.OldRs is not null)
        {
            WritePods(ns, state.OldRs, desired - updated, desired - updated, broken: false);
        }
    }

    private JsonNode? ControllerRevisionTemplate(string ns, string name) =>
        cluster.Get("controllerrevisions", ns, name) is { } r ? RevisionTemplate(r) : null;

    private static JsonObject? RevisionTemplate(JsonObject revision)
    {
        var template = revision["data"]?["spec"]?["template"]?.DeepClone() as JsonObject;
        template?.Remove("$patch");
        return template;
    }

    private static JsonObject CopiedAnnotations(JsonObject d, long revision, string? history)
    {
        var annotations = new JsonObject();
        foreach (var (key, value) in d["metadata"]?["annotations"] as JsonObject ?? [])
        {
            if (!SkippedAnnotations.Contains(key))
            {
                annotations[key] = value?.DeepClone();
            }
        }

        annotations["deployment.kubernetes.io/desired-replicas"] = Replicas(d).ToString(CultureInfo.InvariantCulture);
        annotations["deployment.kubernetes.io/max-replicas"] = (Replicas(d) + 1).ToString(CultureInfo.InvariantCulture);
        annotations["deployment.kubernetes.io/revision"] = revision.ToString(CultureInfo.InvariantCulture);
        if (history is not null)
        {
            annotations["deployment.kubernetes.io/revision-history"] = history;
        }

        return annotations;
    }

    /// <summary>Template equality for the controller (ignoring pod-template-hash), by canonical JSON.</summary>
    private static bool SameTemplate(JsonNode? a, JsonNode? b) => Canonical(a) == Canonical(b);

    private static string Canonical(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var parts = o.Where(p => p.Value is not null && !(p.Key == "pod-template-hash") && !(p.Value is JsonObject { Count: 0 } or JsonArray { Count: 0 }))
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"\"{p.Key}\":{Canonical(p.Value)}");
                return "{" + string.Join(',', parts) + "}";
            case JsonArray a:
                return "[" + string.Join(',', a.Select(i => Canonical(i))) + "]";
            default:
                return node?.ToJsonString() ?? "null";
        }
    }

    /// <summary>A stable short hash in the alphabet Kubernetes uses for generated names.</summary>
    private static string Hash(JsonNode template)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(Canonical(template)))
        {
            hash = (hash ^ b) * 16777619u;
        }

        var text = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            text.Append(alphabet[(int)(hash % (uint)alphabet.Length)]);
            hash = (hash / (uint)alphabet.Length) ^ (hash * 2654435761u);
        }

        return text.ToString();
    }

    private static IEnumerable<string> Images(JsonNode? template) =>
        (template?["spec"]?["containers"] as JsonArray)?.Select(c => c?["image"]?.GetValue<string>() ?? string.Empty) ?? [];

    private static JsonObject Labels(JsonObject template)
    {
        var metadata = template["metadata"] as JsonObject ?? [];
        template["metadata"] = metadata;
        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        return labels;
    }

    private static JsonObject Annotations(JsonObject obj)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        return annotations;
    }

    private static string Uid(JsonObject o) => o["metadata"]!["uid"]!.GetValue<string>();

    private static string? Owner(JsonObject o) =>
        (o["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(r => r["controller"]?.GetValue<bool>() == true)?["uid"]?.GetValue<string>();

    private static long Revision(JsonObject rs) =>
        long.TryParse(rs["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"]?.GetValue<string>(), CultureInfo.InvariantCulture, out var r) ? r : 0;

    private static int Replicas(JsonObject w) => w["spec"]?["replicas"]?.GetValue<int>() ?? 1;

    private sealed record RolloutState
    {
        public string? NewRs { get; init; }

        public string? OldRs { get; init; }

        public int Updated { get; init; }

        public int NewAvailable { get; init; }

        public int Old { get; init; }

        public long StartedTick { get; init; }
    }
}
