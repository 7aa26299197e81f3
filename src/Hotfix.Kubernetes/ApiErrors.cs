using System.Net;
using System.Text.Json.Nodes;
using Hotfix.Policy.Workloads;
using Hotfix.Policy.Text;

namespace Hotfix.Kubernetes;

/// <summary>Turns failed requests into <see cref="KubernetesApiException"/> with the server's own message.</summary>
internal static class ApiErrors
{
    /// <summary>
    /// One API request, bounded by <paramref name="requestTimeout"/> (kubectl's <c>--request-timeout</c>) as well as
    /// by the caller's token. A request the server never answers becomes an <see cref="ApiFailureKind.Unavailable"/>
    /// failure — for a write, one whose outcome is unknown, because the server may apply it after we stop waiting.
    /// The caller's own cancellation (its overall deadline) is passed through untouched, so the caller can say
    /// which of its deadlines ran out.
    /// </summary>
    public static async Task<T> Call<T>(string operation, bool isWrite, TimeSpan requestTimeout, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var request = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        request.CancelAfter(requestTimeout);
        try
        {
            return await call(request.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new KubernetesApiException(operation, ApiFailureKind.Unavailable, null, $"the API server cannot be reached ({e.Message})", isWrite, e);
        }
        catch (System.Text.Json.JsonException e)
        {
            // A proxy's error page or a broken server answering 200 with something else: the environment, not a bug.
            throw new KubernetesApiException(operation, ApiFailureKind.Unavailable, null, $"the API server's answer is not the JSON object expected ({e.Message})", isWrite, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our per-request limit (the connection's HttpClient has no timeout of its own): the server did not answer.
            throw new KubernetesApiException(operation, ApiFailureKind.Unavailable, null, $"the API server did not answer within {DurationText.Seconds(requestTimeout)} (--request-timeout)", isWrite, e);
        }
    }

    public static KubernetesApiException From(string operation, bool isWrite, int status, string? body, Exception? inner)
    {
        var message = StatusMessage(body) ?? $"HTTP {status}";
        var kind = status switch
        {
            (int)HttpStatusCode.NotFound => ApiFailureKind.NotFound,
            (int)HttpStatusCode.Conflict => ApiFailureKind.Conflict,

            // A failed JSON-patch "test" (our resourceVersion precondition) is a 422 from the API server.
            (int)HttpStatusCode.UnprocessableEntity when message.Contains("test", StringComparison.OrdinalIgnoreCase)
                && message.Contains("resourceVersion", StringComparison.Ordinal) => ApiFailureKind.Conflict,
            >= 500 => ApiFailureKind.Unavailable,
            _ => ApiFailureKind.Rejected,
        };
        return new KubernetesApiException(operation, kind, status, $"{message} (HTTP {status})", isWrite && kind == ApiFailureKind.Unavailable, inner);
    }

    /// <summary>The <c>message</c> of a <c>v1.Status</c> body, when the body is one.</summary>
    private static string? StatusMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var status = JsonNode.Parse(body);
            var message = status?["message"]?.GetValue<string>();

            // A failed JSON-patch test comes back as 422 "the server rejected our request due to an error in our
            // request"; only the cause names the test that failed, and that is what tells a precondition from a bad patch.
            var causes = (status?["details"]?["causes"] as JsonArray ?? [])
                .Select(c => c?["message"]?.GetValue<string>())
                .Where(c => !string.IsNullOrEmpty(c) && message?.Contains(c, StringComparison.Ordinal) != true)
                .ToList();
            return causes.Count == 0 || message is null ? message : $"{message}: {string.Join("; ", causes)}";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
