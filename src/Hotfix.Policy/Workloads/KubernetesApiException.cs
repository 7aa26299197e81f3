namespace Hotfix.Policy.Workloads;

/// <summary>How a Kubernetes API call failed, which decides what state the workload may be in.</summary>
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
    /// <summary>Reports a failed API call.</summary>
    /// <param name="operation">What was being done, e.g. <c>PATCH deployments/web</c>; prefixes the message.</param>
    /// <param name="kind">How it failed.</param>
    /// <param name="statusCode">The HTTP status; null when no response came back.</param>
    /// <param name="message">The server's or the transport's message.</param>
    /// <param name="writeOutcomeUnknown">True when a write may have been applied even though the call failed.</param>
    /// <param name="inner">The underlying failure, if any.</param>
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

    /// <summary>How the call failed.</summary>
    public ApiFailureKind Kind { get; }

    /// <summary>The HTTP status code; null when the server could not be reached or no response came back.</summary>
    public int? StatusCode { get; }

    /// <summary>True when the call was a write whose effect is unknown (5xx, connection lost after sending).</summary>
    public bool WriteOutcomeUnknown { get; }
}
