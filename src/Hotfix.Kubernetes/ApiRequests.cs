using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes;

/// <summary>
/// Requests to the API server as raw HTTP over the client library's connection (<see cref="KubernetesConnection"/>:
/// TLS, client certificates, credentials, base address). Answers are read as JSON objects, never as the library's
/// typed models: the adapter works on JSON anyway, and a typed call links the library's source-generated JSON context,
/// whose thousands of model types each cost the native image static storage that every command allocates before
/// <c>Main</c> (benchmarks/README.md, start-up, third pass).
/// </summary>
internal sealed class ApiRequests(KubernetesConnection connection)
{
    // Through the serializer rather than JsonNode.Parse, so a body that is not JSON is reported in the words the typed
    // calls used ("… Path: $ | LineNumber: 0 | BytePositionInLine: 0."). The converter needs no metadata of any other
    // type: the options get an empty resolver (no reflection, nothing more linked).
    private static readonly JsonTypeInfo<JsonObject> ObjectInfo = JsonMetadataServices.CreateValueInfo<JsonObject>(
        new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, JsonMetadataServices.JsonObjectConverter);

    /// <summary>A request for <paramref name="path"/> (relative to the server, e.g. <c>apis/apps/v1/…</c>).</summary>
    public HttpRequestMessage Create(HttpMethod method, string path) => new(method, new Uri(connection.BaseUri, path));

    /// <summary>
    /// Sends with the connection's credentials, and the kubeconfig's <c>tls-server-name</c> as the Host header (the
    /// name TLS then verifies), as the library's typed calls did; returns once the headers are in.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (connection.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrWhiteSpace(connection.TlsServerName))
        {
            request.Headers.Host = connection.TlsServerName;
        }

        return await connection.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One API call answered by a JSON object (a GET, a LIST page, a PATCH), bounded by <paramref name="requestTimeout"/>
    /// (see <see cref="ApiErrors.Call"/>). A status other than 2xx becomes the <see cref="KubernetesApiException"/> of
    /// <see cref="ApiErrors.From"/>, with the server's <c>v1.Status</c> message; <paramref name="read"/> takes what it
    /// needs from the answer inside the same bounds, so an answer of the wrong shape is reported like one that is not JSON.
    /// </summary>
    public Task<T> CallAsync<T>(string operation, bool isWrite, TimeSpan requestTimeout, HttpMethod method, string path, (string Body, string MediaType)? content, Func<JsonObject, T> read, CancellationToken cancellationToken) =>
        ApiErrors.Call(operation, isWrite, requestTimeout, async ct =>
        {
            using var request = Create(method, path);

            // As the typed calls asked: HTTP/2 where TLS negotiates it, else HTTP/1.1 (or 1.1 only, if configured).
            if (!connection.DisableHttp2)
            {
                request.Version = HttpVersion.Version20;
            }

            if (content is var (body, mediaType))
            {
                request.Content = new StringContent(body, Encoding.UTF8, mediaType);
            }

            using var response = await SendAsync(request, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                throw ApiErrors.From(operation, isWrite, (int)response.StatusCode, error, null);
            }

            // Read whole, then parsed synchronously: the serializer's asynchronous path would be compiled for every
            // JSON type in the native image (thousands of Task and ValueTask instantiations with static storage).
            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            var json = JsonSerializer.Deserialize(bytes, ObjectInfo)
                ?? throw new JsonException("The JSON value is null where a Kubernetes object was expected. Path: $");
            return read(json);
        }, cancellationToken);
}
