namespace Hotfix.Kubernetes;

/// <summary>Tuning of the adapter's reads; the defaults suit a real cluster, tests make them small.</summary>
internal sealed record WatchOptions
{
    /// <summary>LIST page size (<c>limit</c>); pages are followed with <c>continue</c>.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>The longest single watch request (<c>timeoutSeconds</c>); the watch is resumed after it.</summary>
    public TimeSpan WatchRound { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often to GET the workload when no watch can be had.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Watches that end without a single event this many times in a row make the wait fall back to polling.</summary>
    public int EmptyDropsBeforePolling { get; init; } = 3;
}
