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
            return FetchOutcome.Failed(MissingLocalPath(ConfigHandle.Network.Remotes[remote]!.Url) is { } path
                ? $"the remote's URL names the local path '{path}', which does not exist — git says it \"does not appear to be a git repository\" (libgit2: {e.Message.Trim()}); correct it with git remote set-url {remote} <url>"
                : e.Message.Trim());
        }
    }

    /// <summary>
    /// The path of a remote URL that names a local repository (a path, or file://) which is not there: libgit2 then says
    /// "unsupported URL protocol", which sends the reader after the wrong problem. Null for any other URL.
    /// </summary>
    private string? MissingLocalPath(string url)
    {
        var path = url.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(url["file://".Length..])
            : url.Contains("://", StringComparison.Ordinal) || IsScpLike(url) ? null
            : url;
        if (path is null)
        {
            return null;
        }

        var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, path));
        return Directory.Exists(full) || File.Exists(full) ? null : full;
    }

    // git's rule: "host:path" (a colon before any slash) is ssh, not a local path.
    private static bool IsScpLike(string url) => url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
        && (url.IndexOf('/', StringComparison.Ordinal) is var slash && (slash < 0 || colon < slash));
}
