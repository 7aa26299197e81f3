namespace Hotfix.Policy.Policies;

/// <summary>
/// Where the incident record lives and how it travels: inside a repository, the repository's git database (synced
/// per <see cref="Sync"/>); outside one, one append-only JSON-lines file per incident in <see cref="Folder"/>.
/// </summary>
public sealed class RecordPolicy
{
    /// <summary>
    /// The folder of the JSON-lines incident records. Outside a repository the CLI keeps records there, a relative path
    /// taken from the folder of the hotfix.json; inside one, files found there are imported into git once.
    /// </summary>
    public string Folder { get; init; } = ".hotfix/incidents";

    /// <summary>
    /// When a repository's record travels to its remote: <c>manual</c> (default: <c>hotfix record INC --sync</c>) or
    /// <c>auto</c> (after every write; an unreachable remote then only warns, the entry stays local).
    /// </summary>
    public string Sync { get; init; } = RecordSyncModes.Manual;
}

/// <summary>The values of policy <c>records.sync</c>.</summary>
public static class RecordSyncModes
{
    /// <summary>Only <c>hotfix record INC --sync</c> fetches, merges and pushes.</summary>
    public const string Manual = "manual";

    /// <summary>Every write is followed by a sync.</summary>
    public const string Auto = "auto";
}
