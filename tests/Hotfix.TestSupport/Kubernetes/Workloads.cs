using System.Text.Json.Nodes;

namespace Hotfix.TestSupport.Kubernetes;

/// <summary>Builds workload objects and drives them through revisions on a <see cref="FakeCluster"/>, settling the controller.</summary>
public static class Workloads
{
    public static JsonObject Deployment(string name, string image, string ns = "shop", int replicas = 2, string? changeCause = null, JsonArray? matchExpressions = null) =>
        Workload("Deployment", name, image, ns, replicas, changeCause, matchExpressions);

    public static JsonObject StatefulSet(string name, string image, string ns = "shop", int replicas = 2, string? changeCause = null) =>
        Workload("StatefulSet", name, image, ns, replicas, changeCause, null);

    public static JsonObject DaemonSet(string name, string image, string ns = "shop", string? changeCause = null)
    {
        var ds = Workload("DaemonSet", name, image, ns, 0, changeCause, null);
        ((JsonObject)ds["spec"]!).Remove("replicas");
        return ds;
    }

    /// <summary>Creates the workload and lets the controller finish the first rollout.</summary>
    public static void Create(this FakeCluster cluster, JsonObject workload)
    {
        cluster.Create(Resource(workload), workload);
        cluster.Controller.RunUntilSettled();
    }

    /// <summary>A new revision: sets the image (and change-cause), as <c>kubectl set image … --record</c> would, then settles.</summary>
    public static void SetImage(this FakeCluster cluster, string resource, string ns, string name, string image, string? changeCause = null, bool settle = true)
    {
        cluster.Update(resource, ns, name, o =>
        {
            o["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = image;
            var annotations = o["metadata"]!["annotations"] as JsonObject ?? [];
            o["metadata"]!["annotations"] = annotations;
            if (changeCause is null)
            {
                annotations.Remove("kubernetes.io/change-cause");
            }
            else
            {
                annotations["kubernetes.io/change-cause"] = changeCause;
            }

            return o;
        });
        if (settle)
        {
            cluster.Controller.RunUntilSettled();
        }
    }

    /// <summary>Starts a rollout of deployment/web in shop to an image whose pods never become ready.</summary>
    public static void StartBrokenRollout(this FakeCluster cluster, int deadlineTicks, string image = "registry.example/web:bad")
    {
        cluster.Controller.Break(image, deadlineTicks);
        cluster.SetImage("deployments", "shop", "web", image, settle: false);
    }

    public static void SetPaused(this FakeCluster cluster, string ns, string name, bool paused) =>
        cluster.Update("deployments", ns, name, o =>
        {
            o["spec"]!["paused"] = paused;
            return o;
        });

    /// <summary>
    /// A status-only write, as a workload's controller makes every few seconds during a rollout (or an HPA's status
    /// sync): the resourceVersion moves, the generation does not.
    /// </summary>
    public static void WriteStatus(this FakeCluster cluster, string resource, string ns, string name) =>
        cluster.Update(resource, ns, name, o =>
        {
            var status = o["status"] as JsonObject ?? [];
            o["status"] = status;
            status["observedAt"] = cluster.CurrentResourceVersion;
            return o;
        }, runController: false);

    /// <summary>Before the next <paramref name="times"/> PATCHes of the workload, its controller writes its status.</summary>
    public static Fault StatusWriteBeforePatch(string resource, string name, int times = 1, string ns = "shop") => new()
    {
        Method = "PATCH",
        PathContains = $"/{resource}/{name}",
        Times = times,
        ChangeFirst = cluster => cluster.WriteStatus(resource, ns, name),
    };

    /// <summary>
    /// A HorizontalPodAutoscaler's write through the scale subresource: <c>spec.replicas</c> goes up by one, which
    /// moves the generation as every spec change does; the template stays as it is.
    /// </summary>
    public static void Scale(this FakeCluster cluster, string resource, string ns, string name) =>
        cluster.Update(resource, ns, name, o =>
        {
            o["spec"]!["replicas"] = o["spec"]!["replicas"]!.GetValue<int>() + 1;
            return o;
        });

    /// <summary>
    /// Before the next <paramref name="times"/> PATCHes of the workload, an autoscaler scales it up by one and its
    /// controller catches up: the status writes that follow a scale-up land before the PATCH, not at a random moment
    /// of the retries (which would make the number of patches depend on the machine's load).
    /// </summary>
    public static Fault ScaleBeforePatch(string resource, string name, int times = 1, string ns = "shop") => new()
    {
        Method = "PATCH",
        PathContains = $"/{resource}/{name}",
        Times = times,
        ChangeFirst = cluster =>
        {
            cluster.Scale(resource, ns, name);
            cluster.Controller.RunUntilSettled();
        },
    };

    /// <summary>Before the next PATCH of the workload, someone sets its image (a new template, not yet rolled out).</summary>
    public static Fault ImageChangeBeforePatch(string resource, string name, string image, string ns = "shop") => new()
    {
        Method = "PATCH",
        PathContains = $"/{resource}/{name}",
        Times = 1,
        ChangeFirst = cluster => cluster.SetImage(resource, ns, name, image, settle: false),
    };

    /// <summary>Before the next PATCH of the workload, an autoscaler scales it and someone sets its image, in one write.</summary>
    public static Fault ScaleAndImageChangeBeforePatch(string resource, string name, string image, string ns = "shop") => new()
    {
        Method = "PATCH",
        PathContains = $"/{resource}/{name}",
        Times = 1,
        ChangeFirst = cluster => cluster.Update(resource, ns, name, o =>
        {
            o["spec"]!["replicas"] = o["spec"]!["replicas"]!.GetValue<int>() + 1;
            o["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = image;
            return o;
        }),
    };

    /// <summary>A deployment with three revisions (images v1, v2, v3, each with a change-cause).</summary>
    public static void ThreeRevisions(this FakeCluster cluster, string name = "web", string ns = "shop", int replicas = 2)
    {
        cluster.Create(Deployment(name, "registry.example/web:v1", ns, replicas, "initial deploy"));
        cluster.SetImage("deployments", ns, name, "registry.example/web:v2", "kubectl set image deployment/web app=registry.example/web:v2");
        cluster.SetImage("deployments", ns, name, "registry.example/web:v3", "kubectl set image deployment/web app=registry.example/web:v3");
    }

    public static string Resource(JsonObject workload) => workload["kind"]!.GetValue<string>() switch
    {
        "Deployment" => "deployments",
        "StatefulSet" => "statefulsets",
        _ => "daemonsets",
    };

    private static JsonObject Workload(string kind, string name, string image, string ns, int replicas, string? changeCause, JsonArray? matchExpressions)
    {
        var selector = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } };
        if (matchExpressions is not null)
        {
            selector["matchExpressions"] = matchExpressions;
        }

        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["app"] = name } };
        if (changeCause is not null)
        {
            metadata["annotations"] = new JsonObject { ["kubernetes.io/change-cause"] = changeCause };
        }

        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = kind,
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = selector,
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name, ["tier"] = "web" } },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "app",
                            ["image"] = image,
                            ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["protocol"] = "TCP" }),
                            ["resources"] = new JsonObject { ["limits"] = new JsonObject { ["cpu"] = "500m", ["memory"] = "128Mi" } },
                        }),
                    },
                },
            },
        };
    }
}
