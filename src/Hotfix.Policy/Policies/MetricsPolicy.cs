namespace Hotfix.Policy.Policies;

/// <summary>
/// Where stability-window checks with a <see cref="VerificationCheckPolicy.Query"/> are measured (HOTFIX:POST_VERIFICATION
/// "error rate returned to baseline"). None by default: a person attests every check.
/// </summary>
public sealed class MetricsPolicy
{
    /// <summary>A Prometheus server answering the HTTP API (<c>/api/v1/query</c>); null when none.</summary>
    public PrometheusPolicy? Prometheus { get; init; }
}

/// <summary>How to reach a Prometheus server.</summary>
public sealed class PrometheusPolicy
{
    /// <summary>The server's base URL, e.g. <c>http://prometheus:9090</c> (a path prefix is kept).</summary>
    public string Url { get; init; } = "";

    /// <summary>
    /// <c>env:NAME</c>: the bearer token is read from environment variable NAME when the check runs (never stored in
    /// the policy, never printed); null when the server needs none.
    /// </summary>
    public string? BearerToken { get; init; }

    /// <summary>The timeout of a query when the policy names none.</summary>
    internal const int DefaultTimeoutSeconds = 10;

    /// <summary>
    /// How long one query may take before the check fails with "Prometheus did not answer"; null: 10 seconds.
    /// </summary>
    public int? TimeoutSeconds { get; init; }
}
