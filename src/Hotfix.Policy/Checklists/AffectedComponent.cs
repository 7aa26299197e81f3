using Hotfix.Policy.Changes;
using Hotfix.Policy.Paths;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Checklists;

/// <summary>
/// A component of the policy and whether the change touches it. <see cref="Affected"/> is null when the change set could
/// not be read: then every component is "IF: changed", never silently skipped.
/// </summary>
/// <param name="Component">The component as the policy defines it.</param>
/// <param name="Affected">
/// True when the change touches its paths, false when not; null when the change set is unknown.
/// </param>
/// <param name="ChangedPaths">The changed paths that belong to it; empty when none or unknown.</param>
public sealed record AffectedComponent(ComponentPolicy Component, bool? Affected, IReadOnlyList<string> ChangedPaths)
{
    /// <summary>Every component of the policy against the change (paths before and after a rename both count).</summary>
    internal static IReadOnlyList<AffectedComponent> Match(IReadOnlyList<ComponentPolicy> components, ChangeSet? changes) =>
        components.Select(component =>
        {
            if (changes is null)
            {
                return new AffectedComponent(component, null, []);
            }

            var globs = GlobSet.OfOwnedPaths(component.Paths);
            var paths = changes.Files
                .Where(f => globs.FirstMatch(f.OldPath is { } old && old != f.Path ? [f.Path, old] : [f.Path]) is not null)
                .Select(f => f.Path)
                .ToList();
            return new AffectedComponent(component, paths.Count > 0, paths);
        }).ToList();
}
