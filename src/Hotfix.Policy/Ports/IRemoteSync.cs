namespace Hotfix.Policy.Ports;

/// <summary>Talks to remotes: updates remote-tracking branches the way <c>git fetch REMOTE</c> does.</summary>
internal interface IRemoteSync
{
    /// <summary>
    /// Fetches <paramref name="remote"/> with its configured refspecs. Never throws for network trouble: an
    /// unreachable or refusing remote is an outcome the caller explains.
    /// </summary>
    FetchOutcome Fetch(string remote);
}

/// <summary>What a fetch did.</summary>
/// <param name="Succeeded">True when the remote answered and the tracking branches are current.</param>
/// <param name="Error">Why it failed, in git's words, when it did.</param>
internal sealed record FetchOutcome(bool Succeeded, string? Error)
{
    public static FetchOutcome Success { get; } = new(true, null);

    public static FetchOutcome Failed(string error) => new(false, error);
}
