namespace Hotfix.TestSupport.Kubernetes;

/// <summary>A request the test API server received, for asserting what a client sent (and that it did not retry).</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, string Body, string UserAgent)
{
    /// <summary>The Authorization header the client sent; null when none (anonymous).</summary>
    public string? Authorization { get; init; }

    /// <summary>The Host header the client sent (a kubeconfig's <c>tls-server-name</c> replaces the server's address there).</summary>
    public string? Host { get; init; }

    public bool IsWatch => Query.Contains("watch=true", StringComparison.Ordinal) || Query.Contains("watch=1", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}{Query}";
}

/// <summary>A fault the server injects: the next <see cref="Times"/> matching requests get <see cref="Status"/>.</summary>
public sealed class Fault
{
    public required string Method { get; init; }

    /// <summary>Matches when the path contains this text.</summary>
    public required string PathContains { get; init; }

    public int Status { get; init; } = 500;

    public string Message { get; init; } = "Internal error occurred: injected fault";

    public int Times { get; set; } = int.MaxValue;

    /// <summary>For writes: apply the change first, then fail (the client cannot know whether it happened).</summary>
    public bool ApplyThenFail { get; init; }

    /// <summary>Answer with this body (as <c>application/json</c>, with <see cref="Status"/>) instead of a v1.Status.</summary>
    public string? RawBody { get; init; }

    /// <summary>Handle the request normally, but only after this long (no failure status; a write still lands).</summary>
    public TimeSpan? AnswerAfter { get; init; }

    /// <summary>Someone else changes the cluster just before this request is served; then it is served normally.</summary>
    public Action<FakeCluster>? ChangeFirst { get; init; }

    /// <summary>Only watch requests (or only non-watch requests when false); null matches both.</summary>
    public bool? Watch { get; init; }
}
