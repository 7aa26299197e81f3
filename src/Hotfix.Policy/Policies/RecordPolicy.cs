namespace Hotfix.Policy.Policies;

/// <summary>Where the incident record lives: one append-only JSON-lines file per incident.</summary>
public sealed class RecordPolicy
{
    /// <summary>
    /// The folder of the incident records; a relative path is taken from the repository root (outside a repository:
    /// the current directory). Point it at a shared location so the whole on-call team writes one record.
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
