namespace Hotfix.Git;

/// <summary>Whether a remote is configured, for hints that would otherwise tell the user to push where nothing is.</summary>
internal sealed partial class GitRepository
{
    /// <summary>True when <paramref name="remote"/> is configured (git remote -v lists it).</summary>
    public bool HasRemote(string remote) => ConfigHandle.Network.Remotes[remote] is not null;
}
