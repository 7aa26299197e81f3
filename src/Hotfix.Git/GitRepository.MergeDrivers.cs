using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// The paths git's merge hands to a merge driver that libgit2's in-memory merge does not apply. libgit2 knows only the
/// built-in text, union and binary drivers and never reads <c>merge.NAME.driver</c> or <c>merge.default</c>: for
/// <c>CHANGELOG.md merge=ours</c> with <c>merge.ours.driver true</c> it would silently merge both sides' lines (or
/// report a conflict) where git keeps ours and succeeds.
/// </summary>
internal sealed partial class GitRepository
{
    /// <summary>git's built-in drivers, which libgit2 applies as git does when an attribute names them.</summary>
    private static readonly string[] BuiltInDrivers = ["text", "union", "binary"];

    /// <summary>
    /// Paths both sides changed to different blobs since a merge base (or both added): the only ones git gives to a
    /// driver (ll_merge) — a path one side left alone is taken whole from the other. Of those, the ones whose driver
    /// is configured (git prefers a configured driver even over a built-in of the same name), or a built-in named by
    /// <c>merge.default</c> for a path without a merge attribute.
    /// </summary>
    private IReadOnlyList<MergeDriverUse> DriversGitWouldRun(Commit ours, Commit theirs)
    {
        var bases = MergeBasesOf(ours.Sha, theirs.Sha);
        var baseTrees = bases.Count == 0 ? [null] : bases.Select(b => RequireCommit(b).Tree.Sha).ToList<string?>();
        var both = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var baseTree in baseTrees)
        {
            var ourPaths = NativeHistory.ChangedPaths(baseTree, ours.Tree.Sha).ToHashSet(StringComparer.Ordinal);
            foreach (var path in NativeHistory.ChangedPaths(baseTree, theirs.Tree.Sha).Where(ourPaths.Contains))
            {
                if (ours.Tree[path] is { TargetType: TreeEntryTargetType.Blob } mine
                    && theirs.Tree[path] is { TargetType: TreeEntryTargetType.Blob } other
                    && mine.Target.Id != other.Target.Id)
                {
                    both.Add(path);
                }
            }
        }

        var uses = new List<MergeDriverUse>();
        foreach (var path in both)
        {
            var (kind, name) = NativeHistory.MergeAttribute(path);
            var fromDefault = false;
            if (kind == NativeGit.AttributeKind.Unspecified)
            {
                name = ConfigHandle.Config.Get<string>("merge.default")?.Value;
                fromDefault = true;
            }

            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (ConfigHandle.Config.Get<string>($"merge.{name}.driver")?.Value is { } command)
            {
                uses.Add(new MergeDriverUse(path, name, command));
            }
            else if (fromDefault && BuiltInDrivers.Contains(name, StringComparer.Ordinal) && name != "text")
            {
                uses.Add(new MergeDriverUse(path, name, null));
            }
        }

        return uses;
    }
}
