using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Tests.Rollouts;

/// <summary>Small API objects for the pure algorithms (the adapter tests use a real API server).</summary>
internal static class Fixtures
{
    public const string DeploymentUid = "d-1";

    public static JsonObject Template(string image, string? hash = null)
    {
        var labels = new JsonObject { ["app"] = "web" };
        if (hash is not null)
        {
            labels["pod-template-hash"] = hash;
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = labels },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = image }) },
        };
    }

    public static KubeObject Deployment(string image, string revision, bool paused = false, JsonObject? status = null, long generation = 1, JsonObject? annotations = null)
    {
        var a = annotations ?? new JsonObject();
        a[KubernetesKeys.Revision] = revision;
        return new KubeObject(new JsonObject
        {
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "shop", ["uid"] = DeploymentUid, ["resourceVersion"] = "42", ["generation"] = generation, ["annotations"] = a },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 2,
                ["paused"] = paused,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
                ["template"] = Template(image),
            },
            ["status"] = status ?? new JsonObject(),
        });
    }

    public static KubeObject ReplicaSet(string name, string image, string? revision, string created, string owner = DeploymentUid, bool controller = true, string? changeCause = null)
    {
        var annotations = new JsonObject();
        if (revision is not null)
        {
            annotations[KubernetesKeys.Revision] = revision;
        }

        if (changeCause is not null)
        {
            annotations[KubernetesKeys.ChangeCause] = changeCause;
        }

        return new KubeObject(new JsonObject
        {
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = "shop",
                ["creationTimestamp"] = created,
                ["labels"] = new JsonObject { ["app"] = "web", ["pod-template-hash"] = name[4..] },
                ["annotations"] = annotations,
                ["ownerReferences"] = new JsonArray(new JsonObject { ["uid"] = owner, ["controller"] = controller }),
            },
            ["spec"] = new JsonObject { ["template"] = Template(image, name[4..]) },
        });
    }

    public static string Stamp(int minute) => new DateTime(2026, 1, 1, 0, minute, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
