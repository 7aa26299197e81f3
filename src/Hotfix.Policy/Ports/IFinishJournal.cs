namespace Hotfix.Policy.Ports;

/// <summary>
/// The record of a <c>hotfix finish</c> in progress, kept in the git directory the way git keeps MERGE_HEAD or
/// rebase-merge/: what is being finished and the step it is at. It, not HEAD, names the branch when a rerun completes
/// an interrupted finish, and holding it is what keeps two finishes from running at once.
/// </summary>
internal interface IFinishJournal
{
    /// <summary>The journal left in this working tree, or null when no finish is in progress.</summary>
    FinishJournalRead? Read();

    /// <summary>
    /// Creates the journal atomically, failing (exit 3, nothing written) when one exists or when a lock file a finish
    /// needs is already held by someone else.
    /// </summary>
    void Begin(FinishJournalEntry entry);

    /// <summary>Replaces the journal atomically; called before each step so a rerun knows which lock could be its own.</summary>
    void Record(FinishJournalEntry entry);

    /// <summary>
    /// Makes this process the owner of a journal whose owner is gone, removing only the lock files that owner's
    /// recorded step took; any other lock file stops it (exit 3, naming the file).
    /// </summary>
    void TakeOver(FinishJournalEntry entry);

    /// <summary>Removes the journal: the finish is complete, or it stopped before changing anything.</summary>
    void End();

    /// <summary>Where the journal lives, for messages.</summary>
    string Location { get; }
}

/// <summary>A journal found on disk.</summary>
/// <param name="Entry">What it records.</param>
/// <param name="RunningOwner">The process that wrote it when that process is still running (e.g. "pid 4242"), else null.</param>
internal sealed record FinishJournalRead(FinishJournalEntry Entry, string? RunningOwner);
