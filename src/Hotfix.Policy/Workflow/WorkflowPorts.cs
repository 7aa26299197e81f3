using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workflow;

/// <summary>The ports the hotfix branch workflow (start, finish) needs, taken from the host's <see cref="PortSet"/>.</summary>
internal sealed class WorkflowPorts
{
    public WorkflowPorts(PortSet ports, TimeProvider time)
    {
        Ports = ports;
        Repository = ports.Require<IRepositoryReader>();
        History = ports.Require<IHistoryReader>();
        Branches = ports.Require<IBranchCatalog>();
        WorkingTree = ports.Require<IWorkingTree>();
        Remote = ports.Require<IRemoteSync>();
        Writer = ports.Require<IBranchWriter>();
        Merges = ports.Require<IMergeEngine>();
        Journal = ports.Require<IFinishJournal>();
        Time = time;
    }

    public PortSet Ports { get; }

    public IRepositoryReader Repository { get; }

    public IHistoryReader History { get; }

    public IBranchCatalog Branches { get; }

    public IWorkingTree WorkingTree { get; }

    public IRemoteSync Remote { get; }

    public IBranchWriter Writer { get; }

    public IMergeEngine Merges { get; }

    public IFinishJournal Journal { get; }

    /// <summary>Stamps merge commits and records.</summary>
    public TimeProvider Time { get; }
}
