using Hotfix.Policy.Ports;

namespace Hotfix.Git;

/// <summary>Registers a <see cref="GitRepository"/> for every repository port it implements.</summary>
internal static class GitPorts
{
    /// <summary>Adds <paramref name="repository"/> as the adapter of each git port (reader, change set, history, branches, working tree, remotes, writes, merges, the finish journal).</summary>
    public static PortSet AddGit(this PortSet ports, GitRepository repository) =>
        ports
            .Add<IRepositoryReader>(repository)
            .Add<IChangeSetReader>(repository)
            .Add<IHistoryReader>(repository)
            .Add<IBranchCatalog>(repository)
            .Add<IWorkingTree>(repository)
            .Add<IRemoteSync>(repository)
            .Add<IBranchWriter>(repository)
            .Add<IMergeEngine>(repository)
            .Add<IFinishJournal>(repository);
}
