namespace Hotfix.Policy.Policies;

/// <summary>Where the incident record lives: one append-only JSON-lines file per incident.</summary>
public sealed class RecordPolicy
{
    /// <summary>
    /// The folder of the incident records; a relative path is taken from the repository root (outside a repository:
    /// the current directory). Point it at a shared location so the whole on-call team writes one record.
    /// </summary>
    public string Folder { get; init; } = ".hotfix/incidents";
}
