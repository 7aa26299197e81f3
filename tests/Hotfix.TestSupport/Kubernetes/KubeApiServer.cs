using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotfix.TestSupport.Kubernetes;

/// <summary>
/// A Kubernetes API server for tests, on loopback (Kestrel): discovery enough for kubectl, deployments, replicasets,
/// statefulsets, daemonsets, controllerrevisions and pods; GET, LIST with label/field selectors and paging
/// (<c>limit</c>/<c>continue</c>), PATCH (JSON patch, strategic merge, merge), DELETE and WATCH; and a controller
/// simulation ticking in the background. It records every request and can inject faults, so tests can assert what
/// a client sent and that nothing was retried. kubectl and the adapter talk to it through a kubeconfig.
/// </summary>
public sealed class KubeApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<RecordedRequest> requests = [];
    private readonly List<Fault> faults = [];
    private readonly CancellationTokenSource stopping = new();
    private Task? ticker;

    private KubeApiServer(WebApplication app)
    {
        this.app = app;
    }

    public FakeCluster Cluster { get; } = new();

    public Uri Uri { get; private set; } = null!;

    /// <summary>The server's self-signed certificate (<c>CN=127.0.0.1</c>) when it serves HTTPS; a client that trusts it as its CA verifies the server.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; private set; }

    /// <summary>Largest page a LIST returns, whatever <c>limit</c> asks (the API server may return fewer): forces paging.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>After this many events a watch connection is cut (null: never); counts down per connection.</summary>
    public int? DropWatchAfterEvents { get; set; }

    /// <summary>How long a watch stays quiet before the server sends a BOOKMARK (when the client allows bookmarks).</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many watch connections to cut after <see cref="DropWatchAfterEvents"/> (then watches behave).</summary>
    public int WatchDropsLeft { get; set; } = int.MaxValue;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    /// <param name="tick">How often the simulated controllers act.</param>
    /// <param name="https">
    /// Serve HTTPS with a throwaway self-signed certificate: kubectl sends a user's credentials only over TLS, so tests
    /// that compare the credentials kubectl and Hotfix send need it (the kubeconfig skips verification).
    /// </param>
    public static async Task<KubeApiServer> StartAsync(TimeSpan? tick = null, bool https = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = https ? SelfSignedCertificate() : null;
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AllowSynchronousIO = false);
        var app = builder.Build();
        var server = new KubeApiServer(app) { Certificate = certificate };
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        var interval = tick ?? TimeSpan.FromMilliseconds(40);
        server.ticker = Task.Run(async () =>
        {
            while (!server.stopping.IsCancellationRequested)
            {
                server.Cluster.Controller.Tick();
                try
                {
                    await Task.Delay(interval, server.stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        return server;
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSignedCertificate()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Kestrel needs the key in a form it can use on every platform: round-trip through PKCS#12.
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
    }

    /// <summary>Writes a kubeconfig for this server (context <c>test</c>, namespace <paramref name="ns"/>) and returns its path.</summary>
    public string WriteKubeconfig(string path, string ns = "default", string context = "test") =>
        TestKubeconfig.Write(path, Uri, ns, context);

    public void AddFault(Fault fault)
    {
        lock (faults)
        {
            faults.Add(fault);
        }
    }

    public void ClearRequests()
    {
        lock (requests)
        {
            requests.Clear();
        }
    }

    /// <summary>Waits (up to a minute) until the server has received a request matching <paramref name="match"/>.</summary>
    public async Task WaitForRequestAsync(Func<RecordedRequest, bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (Requests.Count(match) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the test API server did not receive the expected request; it saw:\n{string.Join('\n', Requests)}");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    public IReadOnlyList<RecordedRequest> Writes() => Requests.Where(r => r.Method is "PATCH" or "PUT" or "POST" or "DELETE").ToList();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (ticker is not null)
        {
            await ticker.ConfigureAwait(false);
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, request.ContentType, body, request.Headers.UserAgent.ToString())
        {
            Authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
            Host = request.Host.Value,
        };
        lock (requests)
        {
            requests.Add(recorded);
        }

        var fault = TakeFault(recorded);
        if (fault?.AnswerAfter is { } slow)
        {
            // A slow server, not a failing one: the request is handled after the client may have stopped waiting,
            // so a write still lands — what a client that gave up must document as "unknown".
            await Task.Delay(slow, stopping.Token).ConfigureAwait(false);
            await RouteAsync(context, recorded, body).ConfigureAwait(false);
            return;
        }

        if (fault?.ChangeFirst is { } change)
        {
            // The change is the whole fault: the request itself is then served (and fails) as the server would.
            change(Cluster);
            fault = null;
        }

        if (fault?.RawBody is { } raw)
        {
            context.Response.StatusCode = fault.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(raw).ConfigureAwait(false);
            return;
        }

        try
        {
            if (fault is { ApplyThenFail: false })
            {
                await WriteStatus(context, fault.Status, fault.Message).ConfigureAwait(false);
                return;
            }

            await RouteAsync(context, recorded, body).ConfigureAwait(false);
            if (fault is { ApplyThenFail: true } && !context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteStatus(context, fault.Status, fault.Message).ConfigureAwait(false);
            }
        }
        catch (PatchException e)
        {
            if (fault is { ApplyThenFail: true })
            {
                context.Response.Clear();
                await WriteStatus(context, fault.Status, fault.Message).ConfigureAwait(false);
                return;
            }

            await WriteStatus(context, e.Status, e.Message, e.Cause).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// As the API server's patch handler: any JSON-patch error (a failed <c>test</c> among them) is a generic 422 whose
    /// message says nothing, with the patch library's error as the one cause.
    /// </summary>
    private static JsonObject JsonPatch(JsonObject current, string body)
    {
        try
        {
            return Patches.ApplyJsonPatch(current, body);
        }
        catch (PatchException e) when (e.Status == 422)
        {
            throw new PatchException(422, "the server rejected our request due to an error in our request", e.Message);
        }
    }

    private Fault? TakeFault(RecordedRequest r)
    {
        lock (faults)
        {
            var fault = faults.FirstOrDefault(f => f.Times > 0 && f.Method == r.Method && r.Path.Contains(f.PathContains, StringComparison.Ordinal) && (f.Watch is null || f.Watch == r.IsWatch));
            if (fault is not null)
            {
                fault.Times--;
            }

            return fault;
        }
    }

    private async Task RouteAsync(HttpContext context, RecordedRequest r, string body)
    {
        var parts = r.Path.Trim('/').Split('/');
        switch (parts)
        {
            case ["version"]:
                await Json(context, new JsonObject { ["major"] = "1", ["minor"] = "32", ["gitVersion"] = "v1.32.0-hotfix-test", ["platform"] = "linux/amd64" }).ConfigureAwait(false);
                return;
            case ["api"]:
                await Json(context, new JsonObject
                {
                    ["kind"] = "APIVersions",
                    ["versions"] = new JsonArray("v1"),
                    ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = Uri.Authority }),
                }).ConfigureAwait(false);
                return;
            case ["apis"]:
                await Json(context, new JsonObject
                {
                    ["kind"] = "APIGroupList",
                    ["apiVersion"] = "v1",
                    ["groups"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "apps",
                        ["versions"] = new JsonArray(new JsonObject { ["groupVersion"] = "apps/v1", ["version"] = "v1" }),
                        ["preferredVersion"] = new JsonObject { ["groupVersion"] = "apps/v1", ["version"] = "v1" },
                    }),
                }).ConfigureAwait(false);
                return;
            case ["api", "v1"]:
                await Json(context, Discovery.CoreV1()).ConfigureAwait(false);
                return;
            case ["apis", "apps", "v1"]:
                await Json(context, Discovery.AppsV1()).ConfigureAwait(false);
                return;
            case ["apis", "apps", "v1", "namespaces", var ns, var resource] when FakeCluster.AppsResources.Contains(resource):
                await CollectionAsync(context, r, ns, resource).ConfigureAwait(false);
                return;
            case ["api", "v1", "namespaces", var ns, "pods"]:
                await CollectionAsync(context, r, ns, "pods").ConfigureAwait(false);
                return;
            case ["apis", "apps", "v1", "namespaces", var ns, var resource, var name] when FakeCluster.AppsResources.Contains(resource):
                await ItemAsync(context, r, body, ns, resource, name).ConfigureAwait(false);
                return;
            case ["api", "v1", "namespaces", var ns, "pods", var name]:
                await ItemAsync(context, r, body, ns, "pods", name).ConfigureAwait(false);
                return;
            default:
                await WriteStatus(context, 404, "the server could not find the requested resource").ConfigureAwait(false);
                return;
        }
    }

    private async Task ItemAsync(HttpContext context, RecordedRequest r, string body, string ns, string resource, string name)
    {
        switch (r.Method)
        {
            case "GET":
                var found = Cluster.Get(resource, ns, name) ?? throw NotFound(resource, name);
                await Json(context, found).ConfigureAwait(false);
                return;
            case "PATCH":
                var patched = Cluster.Update(resource, ns, name, current => r.ContentType?.Split(';')[0] switch
                {
                    "application/json-patch+json" => JsonPatch(current, body),
                    "application/strategic-merge-patch+json" => Patches.ApplyMergePatch(current, body, strategic: true),
                    "application/merge-patch+json" => Patches.ApplyMergePatch(current, body, strategic: false),
                    _ => throw new PatchException(415, $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json ({r.ContentType})"),
                });
                await Json(context, patched).ConfigureAwait(false);
                return;
            case "DELETE":
                _ = Cluster.Get(resource, ns, name) ?? throw NotFound(resource, name);
                Cluster.Delete(resource, ns, name);
                await Json(context, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Success" }).ConfigureAwait(false);
                return;
            default:
                await WriteStatus(context, 405, $"the server does not allow this method on the requested resource ({r.Method})").ConfigureAwait(false);
                return;
        }
    }

    private async Task CollectionAsync(HttpContext context, RecordedRequest r, string ns, string resource)
    {
        var query = context.Request.Query;
        var labels = Selectors.Label(query["labelSelector"]);
        var fields = Selectors.Field(query["fieldSelector"]);
        bool Matches(JsonObject o) => labels(Selectors.LabelsOf(o)) && fields(o);
        if (r.IsWatch)
        {
            await WatchAsync(context, ns, resource, Matches).ConfigureAwait(false);
            return;
        }

        if (r.Method != "GET")
        {
            await WriteStatus(context, 405, $"the server does not allow this method on the requested resource ({r.Method})").ConfigureAwait(false);
            return;
        }

        var all = Cluster.List(resource, ns, Matches);
        var listRv = Cluster.CurrentResourceVersion;
        var offset = int.TryParse(query["continue"], out var o) ? o : 0;
        var limit = int.TryParse(query["limit"], out var l) && l > 0 ? Math.Min(l, MaxPageSize) : MaxPageSize;
        var page = all.Skip(offset).Take(limit).ToList();
        var metadata = new JsonObject { ["resourceVersion"] = listRv.ToString(CultureInfo.InvariantCulture) };
        if (offset + page.Count < all.Count)
        {
            metadata["continue"] = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
            metadata["remainingItemCount"] = all.Count - offset - page.Count;
        }

        var kind = Discovery.KindOf(resource);
        await Json(context, new JsonObject
        {
            ["kind"] = kind + "List",
            ["apiVersion"] = resource == "pods" ? "v1" : "apps/v1",
            ["metadata"] = metadata,
            ["items"] = new JsonArray(page.Select(i => (JsonNode)i).ToArray()),
        }).ConfigureAwait(false);
    }

    /// <summary>A watch: everything after the given resourceVersion (or ADDED for every object without one), then live events.</summary>
    private async Task WatchAsync(HttpContext context, string ns, string resource, Func<JsonObject, bool> matches)
    {
        var query = context.Request.Query;
        var timeout = TimeSpan.FromSeconds(int.TryParse(query["timeoutSeconds"], out var t) && t > 0 ? t : 1800);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        cts.CancelAfter(timeout);
        context.Response.ContentType = "application/json";
        context.Response.StatusCode = 200;
        await context.Response.StartAsync(cts.Token).ConfigureAwait(false);

        int? dropAfter;
        lock (faults)
        {
            dropAfter = DropWatchAfterEvents is { } n && WatchDropsLeft > 0 ? n : null;
            if (dropAfter is not null)
            {
                WatchDropsLeft--;
            }
        }

        var sent = 0;
        var bookmarks = query["allowWatchBookmarks"] == "true";
        long since;
        var rvText = query["resourceVersion"].ToString();
        var pending = new List<(string Type, JsonObject Object)>();
        if (string.IsNullOrEmpty(rvText) || rvText == "0")
        {
            since = Cluster.CurrentResourceVersion;
            pending.AddRange(Cluster.List(resource, ns, matches).Select(o => ("ADDED", o)));
        }
        else
        {
            since = long.Parse(rvText, CultureInfo.InvariantCulture);
        }

        try
        {
            while (!cts.IsCancellationRequested)
            {
                var next = Cluster.NextChange;
                foreach (var e in Cluster.EventsSince(resource, since))
                {
                    since = e.ResourceVersion;
                    if ((e.Object["metadata"]?["namespace"]?.GetValue<string>() ?? string.Empty) == ns && matches(e.Object))
                    {
                        pending.Add((e.Type, e.Object));
                    }
                }

                foreach (var (type, obj) in pending)
                {
                    if (dropAfter is { } limit && sent >= limit)
                    {
                        context.Abort();
                        return;
                    }

                    var line = new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString() + "\n";
                    await context.Response.WriteAsync(line, cts.Token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(cts.Token).ConfigureAwait(false);
                    sent++;
                }

                pending.Clear();
                if (dropAfter is { } after && sent >= after)
                {
                    context.Abort();
                    return;
                }

                // Quiet watches get a BOOKMARK now and then (as the API server sends them when asked): the client
                // learns the stream is alive, and a client that went away is noticed when the write fails.
                if (await Task.WhenAny(next, Task.Delay(BookmarkInterval, cts.Token)).ConfigureAwait(false) != next && bookmarks)
                {
                    var bookmark = new JsonObject
                    {
                        ["type"] = "BOOKMARK",
                        ["object"] = new JsonObject
                        {
                            ["kind"] = Discovery.KindOf(resource),
                            ["apiVersion"] = resource == "pods" ? "v1" : "apps/v1",
                            ["metadata"] = new JsonObject { ["resourceVersion"] = since.ToString(CultureInfo.InvariantCulture) },
                        },
                    };
                    await context.Response.WriteAsync(bookmark.ToJsonString() + "\n", cts.Token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(cts.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds reached, the client went away, or the server stops: the watch ends normally.
        }
    }

    private static PatchException NotFound(string resource, string name) =>
        new(404, $"{resource}{(resource == "pods" ? string.Empty : ".apps")} \"{name}\" not found");

    private static Task Json(HttpContext context, JsonNode node)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(node.ToJsonString());
    }

    private static Task WriteStatus(HttpContext context, int code, string message, string? cause = null)
    {
        context.Response.StatusCode = code;
        var reason = code switch
        {
            404 => "NotFound",
            409 => "Conflict",
            422 => "Invalid",
            405 => "MethodNotAllowed",
            415 => "UnsupportedMediaType",
            >= 500 => "InternalError",
            _ => "BadRequest",
        };
        return Json(context, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["details"] = cause is null ? null : new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "UnexpectedServerResponse", ["message"] = cause }) },
            ["code"] = code,
        });
    }
}
