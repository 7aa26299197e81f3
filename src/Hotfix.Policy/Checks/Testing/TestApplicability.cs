using Hotfix.Policy.Checks.Classification;
using Hotfix.Policy.Paths;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Checks.Testing;

/// <summary>
/// Whether a suite with a condition (policy <c>tests.appliesTo</c>) applies to this change, and why in words — the
/// plan prints the why next to the suite ("required because admin-ui/login.tsx changed (frontend)") or names the suite
/// it left out ("no frontend file changed"), so a reader sees the plan fit the change instead of taking it on trust.
/// </summary>
/// <param name="Applies">The change meets the condition (or the change set is unavailable and nobody can tell).</param>
/// <param name="Reason">The files (or the declared kind) that made it apply, or what did not change.</param>
internal sealed record TestApplicability(bool Applies, string Reason)
{
    /// <summary>Files named per trigger; the classification section lists them all.</summary>
    private const int FilesInReason = 3;

    /// <summary>Null when the suite has no condition: it applies to every change and needs no explanation.</summary>
    public static TestApplicability? Of(TestPolicy tests, string id, ChangeClassification classification)
    {
        if (!tests.AppliesTo.TryGetValue(id, out var condition) || (condition.Kinds.Count == 0 && condition.Paths.Count == 0))
        {
            return null;
        }

        // File → what in the condition it met (its kind, or the glob it matched); a file is named once, under its first trigger.
        var files = new List<(string Path, string Trigger)>();
        var declared = new List<string>();
        foreach (var kind in condition.Kinds)
        {
            foreach (var signal in classification.SignalsFor(kind))
            {
                if (signal.Path is null)
                {
                    declared.Add("the change was " + signal.Reason);
                }
                else if (files.All(f => f.Path != signal.Path))
                {
                    files.Add((signal.Path, kind));
                }
            }
        }

        var globs = GlobSet.Of(condition.Paths);
        foreach (var paths in classification.FilePaths)
        {
            if (globs.FirstMatch(paths) is { } glob && files.All(f => f.Path != paths[0]))
            {
                files.Add((paths[0], $"matches '{glob.Pattern}'"));
            }
        }

        if (files.Count > 0 || declared.Count > 0)
        {
            var groups = files.GroupBy(f => f.Trigger).Select(g => Changed(g.Select(f => f.Path).ToList()) + $" ({g.Key})");
            return new TestApplicability(true, "required because " + string.Join("; ", groups.Concat(declared)));
        }

        var missing = Missing(condition);
        return classification.UnavailableReason is null
            ? new TestApplicability(false, missing)
            : new TestApplicability(true, $"required: the change set is not available, so nothing shows that {missing}");
    }

    /// <summary>"no frontend file changed", "no changed file matches 'web/**'", joined with "and".</summary>
    private static string Missing(TestCondition condition)
    {
        var parts = new List<string>();
        if (condition.Kinds.Count > 0)
        {
            parts.Add($"no {Or(condition.Kinds)} file changed");
        }

        if (condition.Paths.Count > 0)
        {
            parts.Add($"no changed file matches {Or(condition.Paths.Select(p => $"'{p}'").ToList())}");
        }

        return string.Join(" and ", parts);
    }

    private static string Or(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

    private static string Changed(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(FilesInReason)) + (paths.Count > FilesInReason ? $" and {paths.Count - FilesInReason} more files" : string.Empty) + " changed";
}
