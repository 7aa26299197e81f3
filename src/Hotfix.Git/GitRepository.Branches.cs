using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary><see cref="IBranchCatalog"/>: the branches that exist and what a local branch tracks.</summary>
internal sealed partial class GitRepository : IBranchCatalog
{
    public IReadOnlyList<BranchRef> ListBranches() =>
        repository.Branches
            .Where(b => b.Tip is not null && !(b.IsRemote && b.CanonicalName.EndsWith("/HEAD", StringComparison.Ordinal)))
            .Select(ToRef)
            .OrderBy(b => b.CanonicalName, StringComparer.Ordinal)
            .ToList();

    public UpstreamRef? Upstream(string localBranch)
    {
        // Read from the configuration rather than Branch.TrackedBranch: that one goes through a git_buf, which comes
        // back empty in the native AOT build (see NativeGit).
        var remote = ConfigHandle.Config.Get<string>($"branch.{localBranch}.remote")?.Value;
        var merge = ConfigHandle.Config.Get<string>($"branch.{localBranch}.merge")?.Value;
        if (string.IsNullOrEmpty(remote) || string.IsNullOrEmpty(merge))
        {
            return null;
        }

        if (remote == ".")
        {
            // Upstream is another local branch (git branch --track x main).
            return new UpstreamRef(remote, null, merge, merge.StartsWith("refs/heads/", StringComparison.Ordinal) ? merge["refs/heads/".Length..] : merge);
        }

        var configured = ConfigHandle.Network.Remotes[remote];
        string? tracking = null;
        if (configured is not null)
        {
            foreach (var spec in configured.FetchRefSpecs)
            {
                if (TransformRefSpec(spec.Source, spec.Destination, merge) is { } destination)
                {
                    tracking = destination;
                    break;
                }
            }
        }

        var trackingName = tracking is not null && tracking.StartsWith("refs/remotes/", StringComparison.Ordinal)
            ? tracking["refs/remotes/".Length..]
            : tracking;
        return new UpstreamRef(remote, configured?.Url, merge, trackingName);
    }

    /// <summary>
    /// Maps a remote ref through one fetch refspec (<c>refs/heads/*:refs/remotes/origin/*</c>), as git does; null when
    /// the refspec does not cover it. Done here because RefSpec.Transform returns a git_buf (empty under AOT).
    /// </summary>
    internal static string? TransformRefSpec(string source, string destination, string reference)
    {
        var star = source.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return source == reference ? destination : null;
        }

        var prefix = source[..star];
        var suffix = source[(star + 1)..];
        if (reference.Length < prefix.Length + suffix.Length
            || !reference.StartsWith(prefix, StringComparison.Ordinal)
            || !reference.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var matched = reference[prefix.Length..(reference.Length - suffix.Length)];
        var destinationStar = destination.IndexOf('*', StringComparison.Ordinal);
        return destinationStar < 0 ? destination : string.Concat(destination.AsSpan(0, destinationStar), matched, destination.AsSpan(destinationStar + 1));
    }
}
