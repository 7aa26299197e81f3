using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary><see cref="IRemoteSync"/>: <c>git fetch REMOTE</c> through LibGit2Sharp with the remote's own configuration.</summary>
internal sealed partial class GitRepository : IRemoteSync
{
    public FetchOutcome Fetch(string remote)
    {
        if (ConfigHandle.Network.Remotes[remote] is null)
        {
            return FetchOutcome.Failed($"no remote named '{remote}' is configured (git remote -v lists them)");
        }

        try
        {
            // No refspecs: the remote's configured fetch refspecs apply, exactly like 'git fetch origin'.
            Commands.Fetch(ConfigHandle, remote, [], new FetchOptions(), $"hotfix: fetch {remote}");
            return FetchOutcome.Success;
        }
        catch (LibGit2SharpException e)
        {
            return FetchOutcome.Failed(e.Message.Trim());
        }
    }
}
