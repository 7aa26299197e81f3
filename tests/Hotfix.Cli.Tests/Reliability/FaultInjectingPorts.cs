using Hotfix.Git;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// The git ports finish writes through (branches, working tree, journal), counting every write. Before write
/// <see cref="Options.AbortAt"/> it copies the whole repository to <see cref="SnapshotPath"/> — optionally with the lock file
/// (or half-written journal) that write would hold at the instant of a kill — and throws <see cref="SimulatedCrash"/>.
/// The copy is the state a killed process leaves; the test reopens it as a new repository.
/// </summary>
internal sealed class FaultInjectingPorts(GitRepository inner, string repositoryPath, FaultInjectingPorts.Options options) : IBranchWriter, IWorkingTree, IFinishJournal
{
    /// <summary>Where to die.</summary>
    /// <param name="AbortAt">The write to die before (1-based); 0 never.</param>
    /// <param name="HoldingLock">Leave the lock file the aborted write takes, as a kill while holding it does.</param>
    /// <param name="SnapshotPath">Where the repository is copied at the instant of death.</param>
    internal sealed record Options(int AbortAt = 0, bool HoldingLock = false, string? SnapshotPath = null);

    /// <summary>Writes seen so far, with what each was.</summary>
    public List<string> Writes { get; } = [];

    public PortSet Wrap(PortSet ports) =>
        ports.Add<IBranchWriter>(this).Add<IWorkingTree>(this).Add<IFinishJournal>(this);

    public void CreateBranch(string name, string commitSha, string reflogMessage)
    {
        Write("create " + name, Ref(name));
        inner.CreateBranch(name, commitSha, reflogMessage);
    }

    public bool MoveBranch(string name, string expectedSha, string newSha, string reflogMessage)
    {
        Write("move " + name, Ref(name));
        return inner.MoveBranch(name, expectedSha, newSha, reflogMessage);
    }

    public bool DeleteBranch(string name, string expectedSha)
    {
        Write("delete " + name, Ref(name));
        return inner.DeleteBranch(name, expectedSha);
    }

    public WorkingTreeStatus Status() => inner.Status();

    public IReadOnlyList<string> UntrackedFilesInTheWay(string treeish) => inner.UntrackedFilesInTheWay(treeish);

    public IReadOnlyList<string> ForeignChanges(string fromCommitSha, string toCommitSha) => inner.ForeignChanges(fromCommitSha, toCommitSha);

    public void CheckOutDetached(string commitSha)
    {
        Write("check out detached", Git("index.lock"));
        inner.CheckOutDetached(commitSha);
    }

    public void AttachHead(string branchName)
    {
        Write("attach HEAD to " + branchName, Git("HEAD.lock"));
        inner.AttachHead(branchName);
    }

    public void SwitchTo(string branchName)
    {
        Write("switch to " + branchName, Git("index.lock"));
        inner.SwitchTo(branchName);
    }

    public void SyncToHead(string fromCommitSha)
    {
        Write("check out HEAD's tree", Git("index.lock"));
        inner.SyncToHead(fromCommitSha);
    }

    public void SwitchFrom(string fromCommitSha, string branchName)
    {
        Write("complete the switch to " + branchName, Git("index.lock"));
        inner.SwitchFrom(fromCommitSha, branchName);
    }

    public string Location => inner.Location;

    public FinishJournalRead? Read() => inner.Read();

    public void Begin(FinishJournalEntry entry)
    {
        Write("begin journal", Journal());
        inner.Begin(entry);
    }

    public void Record(FinishJournalEntry entry)
    {
        Write("record " + entry.Step, Journal());
        inner.Record(entry);
    }

    public void TakeOver(FinishJournalEntry entry)
    {
        Write("take over journal", Journal());
        inner.TakeOver(entry);
    }

    public void End()
    {
        Write("end journal", null);
        inner.End();
    }

    private static string Ref(string branch) => Path.Combine([".git", "refs", "heads", .. (branch + ".lock").Split('/')]);

    private static string Git(string name) => Path.Combine(".git", name);

    /// <summary>A journal write dies with its temporary file half-written, never the journal itself (it is renamed into place).</summary>
    private static string Journal() => Path.Combine(".git", $"hotfix-finish.json.{Environment.ProcessId}.tmp");

    private void Write(string what, string? lockFile)
    {
        Writes.Add(what);
        if (Writes.Count != options.AbortAt)
        {
            return;
        }

        var snapshot = options.SnapshotPath ?? throw new InvalidOperationException("AbortAt needs SnapshotPath.");
        RepositoryCopy.Copy(repositoryPath, snapshot);
        if (options.HoldingLock && lockFile is not null)
        {
            var full = Path.Combine(snapshot, lockFile);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "{\"half\n");
        }

        throw new SimulatedCrash(options.AbortAt, what);
    }
}
