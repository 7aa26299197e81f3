using System.Globalization;
using System.Text.Json.Nodes;

namespace Hotfix.TestSupport.Kubernetes;

/// <summary>A change the test server streams to watchers.</summary>
public sealed record ClusterEvent(long ResourceVersion, string Resource, string Type, JsonObject Object);

/// <summary>
/// The test API server's storage: objects by resource, namespace and name, a global resourceVersion, generation
/// bumps on spec changes, an event log for watches, and the controller simulation that reacts to every change.
/// Everything happens under one lock, so a test sees a consistent cluster.
/// </summary>
public sealed class FakeCluster
{
    public static readonly IReadOnlySet<string> AppsResources = new HashSet<string> { "deployments", "replicasets", "statefulsets", "daemonsets", "controllerrevisions" };

    private readonly object gate = new();
    private readonly Dictionary<(string Resource, string Ns, string Name), JsonObject> objects = [];
    private readonly List<ClusterEvent> events = [];
    private long resourceVersion = 100;
    private int uids;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeCluster()
    {
        Controller = new ControllerSimulation(this);
    }

    public ControllerSimulation Controller { get; }

    /// <summary>A deterministic clock for timestamps: starts at a fixed instant and moves one second per write.</summary>
    public DateTimeOffset Now { get; private set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal object Gate => gate;

    public long CurrentResourceVersion
    {
        get
        {
            lock (gate)
            {
                return resourceVersion;
            }
        }
    }

    /// <summary>Completes at the next change (watchers wait on it).</summary>
    public Task NextChange
    {
        get
        {
            lock (gate)
            {
                return changed.Task;
            }
        }
    }

    public JsonObject? Get(string resource, string ns, string name)
    {
        lock (gate)
        {
            return objects.TryGetValue((resource, ns, name), out var o) ? (JsonObject)o.DeepClone() : null;
        }
    }

    public IReadOnlyList<JsonObject> List(string resource, string ns, Func<JsonObject, bool>? filter = null)
    {
        lock (gate)
        {
            return objects.Where(p => p.Key.Resource == resource && p.Key.Ns == ns)
                .OrderBy(p => p.Key.Name, StringComparer.Ordinal)
                .Select(p => p.Value)
                .Where(o => filter?.Invoke(o) ?? true)
                .Select(o => (JsonObject)o.DeepClone())
                .ToList();
        }
    }

    /// <summary>Events after <paramref name="after"/> for one resource (null when the log no longer reaches back that far).</summary>
    public IReadOnlyList<ClusterEvent> EventsSince(string resource, long after)
    {
        lock (gate)
        {
            return events.Where(e => e.ResourceVersion > after && e.Resource == resource).ToList();
        }
    }

    /// <summary>Creates an object as the API server would: uid, resourceVersion, creationTimestamp, generation, defaults.</summary>
    public JsonObject Create(string resource, JsonObject obj)
    {
        lock (gate)
        {
            var created = (JsonObject)obj.DeepClone();
            var metadata = created["metadata"] as JsonObject ?? throw new ArgumentException("metadata is required");
            var ns = metadata["namespace"]?.GetValue<string>() ?? "default";
            var name = metadata["name"]!.GetValue<string>();
            if (objects.ContainsKey((resource, ns, name)))
            {
                throw new PatchException(409, $"{resource} \"{name}\" already exists");
            }

            metadata["namespace"] = ns;
            metadata["uid"] = $"00000000-0000-4000-8000-{++uids:D12}";
            metadata["creationTimestamp"] = Stamp();
            if (resource is "deployments" or "statefulsets" or "daemonsets")
            {
                metadata["generation"] = 1;
                Defaults.Apply(resource, created);
            }

            Store(resource, ns, name, created, "ADDED");
            Controller.OnChanged(resource, ns, name);
            return (JsonObject)objects[(resource, ns, name)].DeepClone();
        }
    }

    /// <summary>Replaces an object through <paramref name="change"/>; a changed spec bumps the generation.</summary>
    public JsonObject Update(string resource, string ns, string name, Func<JsonObject, JsonObject> change, bool runController = true)
    {
        lock (gate)
        {
            if (!objects.TryGetValue((resource, ns, name), out var current))
            {
                throw new PatchException(404, $"{resource}.apps \"{name}\" not found");
            }

            var updated = change((JsonObject)current.DeepClone());

            // The API server ignores status in a main-resource write, and keeps identity fields.
            var metadata = (JsonObject)updated["metadata"]!;
            var newRv = metadata["resourceVersion"]?.GetValue<string>();
            if (newRv is not null && newRv != current["metadata"]!["resourceVersion"]!.GetValue<string>())
            {
                throw new PatchException(409, $"Operation cannot be fulfilled on {resource}.apps \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
            }

            foreach (var key in new[] { "uid", "creationTimestamp", "namespace", "name", "generation" })
            {
                metadata[key] = current["metadata"]![key]?.DeepClone();
            }

            if (current["spec"]?.ToJsonString() != updated["spec"]?.ToJsonString() && metadata["generation"] is not null)
            {
                metadata["generation"] = metadata["generation"]!.GetValue<long>() + 1;
            }

            if (updated.ToJsonString() == current.ToJsonString())
            {
                return (JsonObject)current.DeepClone();
            }

            Store(resource, ns, name, updated, "MODIFIED");
            if (runController)
            {
                Controller.OnChanged(resource, ns, name);
            }

            return (JsonObject)objects[(resource, ns, name)].DeepClone();
        }
    }

    /// <summary>A write by a controller: status and annotations, never a generation bump.</summary>
    internal void Write(string resource, JsonObject obj, bool create)
    {
        var ns = obj["metadata"]!["namespace"]!.GetValue<string>();
        var name = obj["metadata"]!["name"]!.GetValue<string>();
        if (create)
        {
            obj["metadata"]!["uid"] = $"00000000-0000-4000-8000-{++uids:D12}";
            obj["metadata"]!["creationTimestamp"] = Stamp();
        }
        else if (objects.TryGetValue((resource, ns, name), out var current) && current.ToJsonString() == obj.ToJsonString())
        {
            return;
        }

        Store(resource, ns, name, obj, create ? "ADDED" : "MODIFIED");
    }

    public void Delete(string resource, string ns, string name)
    {
        lock (gate)
        {
            if (objects.Remove((resource, ns, name), out var gone))
            {
                resourceVersion++;
                gone["metadata"]!["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture);
                events.Add(new ClusterEvent(resourceVersion, resource, "DELETED", (JsonObject)gone.DeepClone()));
                Signal();
            }
        }
    }

    internal IEnumerable<JsonObject> Live(string resource) => objects.Where(p => p.Key.Resource == resource).Select(p => p.Value).ToList();

    internal string Stamp()
    {
        Now = Now.AddSeconds(1);
        return Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private void Store(string resource, string ns, string name, JsonObject obj, string type)
    {
        resourceVersion++;
        obj["metadata"]!["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture);

        // Stored as parsed JSON, like the API server's storage: every value reads back with any numeric type.
        obj = (JsonObject)JsonNode.Parse(obj.ToJsonString())!;
        objects[(resource, ns, name)] = obj;
        events.Add(new ClusterEvent(resourceVersion, resource, type, (JsonObject)obj.DeepClone()));
        Signal();
    }

    private void Signal()
    {
        var done = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.TrySetResult();
    }
}

/// <summary>The defaults the API server fills in for the workload kinds (only the fields kubectl's viewers read).</summary>
internal static class Defaults
{
    public static void Apply(string resource, JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject ?? [];
        obj["spec"] = spec;
        switch (resource)
        {
            case "deployments":
                spec["replicas"] ??= 1;
                spec["revisionHistoryLimit"] ??= 10;
                spec["progressDeadlineSeconds"] ??= 600;
                spec["strategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxSurge"] = "25%", ["maxUnavailable"] = "25%" } };
                break;
            case "statefulsets":
                spec["replicas"] ??= 1;
                spec["podManagementPolicy"] ??= "OrderedReady";
                spec["revisionHistoryLimit"] ??= 10;
                spec["updateStrategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["partition"] = 0 } };
                break;
            default:
                spec["revisionHistoryLimit"] ??= 10;
                spec["updateStrategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = 1, ["maxSurge"] = 0 } };
                break;
        }

        obj["status"] ??= new JsonObject();
    }
}
