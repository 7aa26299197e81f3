namespace Hotfix.Policy.Workloads;

public enum ApiFailureKind
{
    /// <summary>The object does not exist (404).</summary>
    NotFound,

    /// <summary>The object changed since it was read: 409 Conflict, or 422 from a failed JSON-patch <c>test</c>.</summary>
    Conflict,

    /// <summary>The request was rejected (400, 401, 403, 422 other than a precondition).</summary>
    Rejected,

    /// <summary>The server failed (5xx) or could not be reached; a write may or may not have been applied.</summary>
    Unavailable,
}

/// <summary>
/// A Kubernetes API call failed. Raised by adapters of <see cref="Ports.IWorkloadController"/> and never retried by
/// the core: <see cref="WriteOutcomeUnknown"/> says whether a write may have been applied anyway.
/// </summary>
public sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(string operation, ApiFailureKind kind, int? statusCode, string message, bool writeOutcomeUnknown, Exception? inner = null)
        : base($"{operation}: {message}", inner)
    {
        Operation = operation;
        Kind = kind;
        StatusCode = statusCode;
        WriteOutcomeUnknown = writeOutcomeUnknown;
    }

    /// <summary>What was being done, e.g. <c>PATCH deployments/web</c>.</summary>
    public string Operation { get; }

    public ApiFailureKind Kind { get; }

    public int? StatusCode { get; }

    /// <summary>True when the call was a write whose effect is unknown (5xx, connection lost after sending).</summary>
    public bool WriteOutcomeUnknown { get; }
}
