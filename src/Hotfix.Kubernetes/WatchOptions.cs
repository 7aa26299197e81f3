namespace Hotfix.Kubernetes;

/// <summary>Tuning of the adapter's requests; the defaults suit a real cluster, tests make them small.</summary>
internal sealed record WatchOptions
{
    /// <summary>
    /// The longest any single API request may go unanswered (kubectl's <c>--request-timeout</c>). kubectl's default
    /// is none; ours is 30 s, because an API server that accepts connections and never answers must not hold an
    /// on-call engineer for minutes. A watch is bounded by it only until its headers arrive.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    public static TimeSpan DefaultRequestTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>LIST page size (<c>limit</c>); pages are followed with <c>continue</c>.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>The longest single watch request (<c>timeoutSeconds</c>); the watch is resumed after it.</summary>
    public TimeSpan WatchRound { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often to GET the workload when no watch can be had.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Watches that end without a single event this many times in a row make the wait fall back to polling.</summary>
    public int EmptyDropsBeforePolling { get; init; } = 3;
}
