using System.Text.Json.Nodes;

namespace Hotfix.TestSupport.Kubernetes;

/// <summary>The legacy discovery documents kubectl reads to map <c>deployment/web</c> to a path.</summary>
internal static class Discovery
{
    public static string KindOf(string resource) => resource switch
    {
        "deployments" => "Deployment",
        "replicasets" => "ReplicaSet",
        "statefulsets" => "StatefulSet",
        "daemonsets" => "DaemonSet",
        "controllerrevisions" => "ControllerRevision",
        _ => "Pod",
    };

    public static JsonObject CoreV1() => new()
    {
        ["kind"] = "APIResourceList",
        ["groupVersion"] = "v1",
        ["resources"] = new JsonArray(Resource("pods", "Pod", "po")),
    };

    public static JsonObject AppsV1() => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = "apps/v1",
        ["resources"] = new JsonArray(
            Resource("deployments", "Deployment", "deploy"),
            Resource("replicasets", "ReplicaSet", "rs"),
            Resource("statefulsets", "StatefulSet", "sts"),
            Resource("daemonsets", "DaemonSet", "ds"),
            Resource("controllerrevisions", "ControllerRevision", null)),
    };

    private static JsonObject Resource(string name, string kind, string? shortName)
    {
        var resource = new JsonObject
        {
            ["name"] = name,
            ["singularName"] = name.TrimEnd('s'),
            ["namespaced"] = true,
            ["kind"] = kind,
            ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
        };
        if (shortName is not null)
        {
            resource["shortNames"] = new JsonArray(shortName);
        }

        return resource;
    }
}
