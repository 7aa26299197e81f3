using Hotfix.Policy.Ports;

namespace Hotfix.Policy.History;

/// <summary>
/// The paths each candidate change touches, for <see cref="PatchMatcher"/>s that are shown the same candidates again
/// and again: the audit judges every hotfix against develop's commits. A candidate seen once is answered by the
/// matcher's two tree look-ups per wanted path, which is cheaper than a diff; from its second time its paths are
/// diffed once and kept, so two hundred hotfixes cost one diff per develop commit instead of two hundred rounds of
/// look-ups.
/// </summary>
internal sealed class CandidatePaths(IHistoryReader history)
{
    private readonly Dictionary<Change, HashSet<string>?> seen = [];

    /// <summary>The paths <paramref name="candidate"/> changes, or null the first time it is asked for.</summary>
    public IReadOnlySet<string>? Of(Change candidate)
    {
        if (!seen.TryGetValue(candidate, out var changed))
        {
            seen[candidate] = null;
            return null;
        }

        return changed ?? (seen[candidate] = history.ChangedPaths(candidate.From, candidate.To).ToHashSet(StringComparer.Ordinal));
    }
}
