using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes;

/// <summary>
/// Requests to the API server as raw HTTP over the client library's connection: its <see cref="HttpClient"/> (TLS,
/// client certificates), its credentials (tokens, exec plugins) and its base address. Answers are read as JSON
/// objects, never as the library's typed models: the adapter works on JSON anyway, and a typed call links the
/// library's source-generated JSON context, whose hundreds of model types each cost the native image static storage
/// that every command allocates before <c>Main</c> (benchmarks/README.md, start-up, third pass).
/// </summary>
internal sealed class ApiRequests(k8s.Kubernetes client)
{
    // Through the serializer rather than JsonNode.Parse, so a body that is not JSON is reported in the words the typed
    // calls used ("… Path: $ | LineNumber: 0 | BytePositionInLine: 0."). The converter needs no metadata of any other
    // type: the options get an empty resolver (no reflection, nothing more linked).
    private static readonly JsonTypeInfo<JsonObject> ObjectInfo = JsonMetadataServices.CreateValueInfo<JsonObject>(
        new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, JsonMetadataServices.JsonObjectConverter);

    /// <summary>A request for <paramref name="path"/> (relative to the server, e.g. <c>apis/apps/v1/…</c>).</summary>
    public HttpRequestMessage Create(HttpMethod method, string path) => new(method, new Uri(client.BaseUri, path));

    /// <summary>Sends with the client's credentials; returns once the headers are in (the body may still stream).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
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

            // As the typed calls asked: HTTP/2 where TLS negotiates it, else HTTP/1.1.
            request.Version = HttpVersion.Version20;
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

            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var json = await JsonSerializer.DeserializeAsync(stream, ObjectInfo, ct).ConfigureAwait(false)
                ?? throw new JsonException("The JSON value is null where a Kubernetes object was expected. Path: $");
            return read(json);
        }, cancellationToken);
}
