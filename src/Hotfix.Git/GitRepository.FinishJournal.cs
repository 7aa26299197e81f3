using Hotfix.Policy.Ports;

namespace Hotfix.Git;

/// <summary>
/// <see cref="IFinishJournal"/>: <c>hotfix-finish.json</c> in the working tree's git directory. Every write goes to a
/// temporary file first and is then renamed into place, so a kill never leaves half a journal; the first one is claimed
/// with an operation that fails when a journal exists (<see cref="ClaimJournal"/>), which is what makes it an exclusive lock.
/// </summary>
internal sealed partial class GitRepository : IFinishJournal
{
    private const string JournalName = "hotfix-finish.json";

    private string JournalPath => Path.Combine(repository.Info.Path, JournalName);

    public string Location => Path.GetRelativePath(Root, JournalPath) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : JournalPath;

    /// <summary>Runs between reading the journal and asking whether its owner lives: lets a test end that owner there.</summary>
    internal Action? BeforeOwnerCheck { get; set; }

    public FinishJournalRead? Read()
    {
        for (var look = 0; ; look++)
        {
            if (Stored() is not { } stored)
            {
                return null;
            }

            BeforeOwnerCheck?.Invoke();
            if (stored.Owner.Pid != Environment.ProcessId && stored.Owner.IsRunning)
            {
                return new FinishJournalRead(stored.Entry, stored.Owner.ToString());
            }

            // The owner may have ended its journal and exited after the read above: what it left is interrupted only
            // if it is still there, as read, now that the owner is known to be gone. (A third look gives up on a
            // journal that keeps changing hands and reports the last one read.)
            if (stored.Owner.Pid == Environment.ProcessId || look == 2 || Stored() is { } again && again.Owner == stored.Owner && again.StepRecorded == stored.StepRecorded)
            {
                return new FinishJournalRead(stored.Entry, null);
            }
        }
    }

    public void Begin(FinishJournalEntry entry)
    {
        BeforeWrite("begin the journal");
        var temporary = TemporaryJournal();
        WholeFiles.WriteTemporary(temporary, FinishJournalFormat.Write(entry, OwnerProcess.Current, DateTimeOffset.UtcNow));
        try
        {
            ClaimJournal(temporary);
        }
        catch (IOException)
        {
            File.Delete(temporary);
            var other = Read();
            throw new HotfixOperationException(
                other switch
                {
                    { RunningOwner: { } owner } => $"another hotfix finish ({owner}) is finishing {other.Entry.Branch} in this repository ({Location}); wait for it to end",
                    not null => $"an interrupted hotfix finish of {other.Entry.Branch} is recorded in {Location}; run hotfix finish (no options) to complete it",
                    // Its owner ended between our attempt and this look.
                    null => $"another hotfix finish was running in this repository at the same time and has just ended ({Location} came and went); run hotfix finish again to see what is left",
                },
                Policy.Workflow.Preconditions.NothingChanged);
        }

        // The journal is ours, so any other temporary journal is a finish killed before it claimed one (or one that is
        // about to fail to claim it and would delete its own): clear them, or a kill at that instant leaves one forever.
        foreach (var stale in Directory.EnumerateFiles(repository.Info.Path, JournalName + ".*.tmp"))
        {
            File.Delete(stale);
        }

        // Checked once the journal is ours: a lock held by a finish running at the same time is then reported as
        // that finish (above), and only a lock no finish explains as someone else's.
        if (FinishLocks.All(entry, repository.Info.Path, CommonDirectory).FirstOrDefault(File.Exists) is { } held)
        {
            File.Delete(JournalPath);
            throw LockFiles.Held(held, Policy.Workflow.Preconditions.NothingChanged);
        }
    }

    public void Record(FinishJournalEntry entry)
    {
        BeforeWrite($"record step {entry.Step}");
        var temporary = TemporaryJournal();
        WholeFiles.WriteTemporary(temporary, FinishJournalFormat.Write(entry, OwnerProcess.Current, DateTimeOffset.UtcNow));
        WholeFiles.Replace(temporary, JournalPath);
    }

    public void TakeOver(FinishJournalEntry entry)
    {
        var stored = Stored() ?? throw new InvalidOperationException("TakeOver needs a journal; Read found it first.");
        var gitDirectory = repository.Info.Path;
        var own = stored.Entry.Step is FinishStep.Stopped or FinishStep.Begun
            ? []
            : FinishLocks.Of(stored.Entry.Step, entry, gitDirectory, CommonDirectory).ToHashSet(StringComparer.Ordinal);
        var state = $"nothing was changed by this run; the interrupted finish is recorded in {Location}";
        foreach (var held in FinishLocks.All(entry, gitDirectory, CommonDirectory).Where(File.Exists))
        {
            // Written after the dead owner recorded the step that takes it: that owner's. Older: someone else's.
            // (Filesystem timestamps can be coarser than the clock, hence the second of slack.)
            if (!own.Contains(held) || File.GetLastWriteTimeUtc(held) < stored.StepRecorded.UtcDateTime.AddSeconds(-1))
            {
                throw LockFiles.Held(held, state);
            }
        }

        foreach (var held in own.Where(File.Exists))
        {
            BeforeWrite("remove the stale lock " + held);
            File.Delete(held);
        }

        foreach (var temporary in Directory.EnumerateFiles(gitDirectory, JournalName + ".*.tmp"))
        {
            File.Delete(temporary);
        }

        Record(entry);
    }

    public void End()
    {
        BeforeWrite("end the journal");
        File.Delete(JournalPath);
    }

    private FinishJournalFormat.Stored? Stored()
    {
        string text;
        try
        {
            text = File.ReadAllText(JournalPath);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        return FinishJournalFormat.Read(text) ?? throw new HotfixOperationException(
            $"{Location} is not a journal hotfix finish wrote (it cannot be read); if no hotfix finish is running, look at it, remove it and run hotfix finish again",
            Policy.Workflow.Preconditions.NothingChanged);
    }

    /// <summary>
    /// Puts the fully written <paramref name="temporary"/> in place as the journal, failing with an IOException when a
    /// journal exists. File.Move without overwrite is not that on Unix (it checks, then renames: two finishes started
    /// together both won); symlink(2) fails atomically when the name exists, and the rename that follows turns the
    /// link into the file itself (a kill in between leaves a link to a complete journal, which reads the same).
    /// </summary>
    private void ClaimJournal(string temporary)
    {
        if (OperatingSystem.IsWindows())
        {
            // MoveFileEx without MOVEFILE_REPLACE_EXISTING is atomic and exclusive.
            File.Move(temporary, JournalPath, overwrite: false);
            return;
        }

        File.CreateSymbolicLink(JournalPath, Path.GetFileName(temporary));
        WholeFiles.Replace(temporary, JournalPath);
    }

    private string TemporaryJournal() => Path.Combine(repository.Info.Path, $"{JournalName}.{Environment.ProcessId}.tmp");
}
