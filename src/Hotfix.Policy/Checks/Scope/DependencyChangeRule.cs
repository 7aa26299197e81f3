using Hotfix.Policy.Changes.Dependencies;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>HF1103 — package versions changed by the hotfix, named one by one.</summary>
internal sealed class DependencyChangeRule : ICheckRule
{
    /// <summary>A lock file can change hundreds of packages; the message names this many, the JSON scope section all.</summary>
    public const int NamedInMessage = 12;

    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.DependencyChange);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var file in ScopeAnalysis.Of(context).Files)
        {
            if (file.DependenciesUnreadable)
            {
                yield return Rule.CreateFinding(
                    $"This {DependencyFormats.For(file.Path)!.Name} changed but one of its versions cannot be parsed, so its package changes are unknown: " +
                    "check the diff for added, removed or changed packages by hand.",
                    file.Path,
                    FirstChangedLine(file));
                continue;
            }

            if (file.Dependencies is not { Count: > 0 } changes)
            {
                continue;
            }

            var named = changes.Take(NamedInMessage).Select(c => c.Describe());
            var more = changes.Count > NamedInMessage ? $"; and {changes.Count - NamedInMessage} more (all in the JSON report's scope.dependencies)" : string.Empty;
            var what = changes.Count == 1 ? "1 package" : $"{changes.Count} packages";
            yield return Rule.CreateFinding(
                $"Changes {what}: {string.Join("; ", named)}{more}. Confirm each is needed to fix the incident; a dependency change ships code the diff does not show.",
                file.Path,
                PackageLine(file, changes) ?? FirstChangedLine(file));
        }
    }

    /// <summary>
    /// The first added line that names a changed package with its new version, else one that names a package, else one
    /// that holds a new version (lock files put the version on a line of its own): the file's first changed line is
    /// often the project's own version, and annotations belong on the package.
    /// </summary>
    private static int? PackageLine(FileAnalysis file, IReadOnlyList<DependencyChange> changes)
    {
        var added = file.Change.Hunks.SelectMany(h => h.Added).ToList();
        var named = changes.Where(c => c.To is not null).Select(c => (Name: ShortName(c.Package), Version: c.To!.Split(", ")[^1])).ToList();
        var line = added.FirstOrDefault(l => named.Any(c => Mentions(l.Text, c.Name) && l.Text.Contains(c.Version, StringComparison.Ordinal)))
            ?? added.FirstOrDefault(l => named.Any(c => Mentions(l.Text, c.Name)))
            ?? added.FirstOrDefault(l => named.Any(c => c.Version.Length > 0 && l.Text.Contains(c.Version, StringComparison.Ordinal)));
        return line?.NewNumber;
    }

    /// <summary>A Maven coordinate's artifact (a POM names group and artifact on lines of their own); other names as they are.</summary>
    private static string ShortName(string package) => package[(package.LastIndexOf(':') + 1)..];

    private static bool Mentions(string line, string name) =>
        name.Length > 0 && (line.Contains(name, StringComparison.OrdinalIgnoreCase) || line.Contains(name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));

    private static int? FirstChangedLine(FileAnalysis file) =>
        file.Change.Hunks.SelectMany(h => h.Added).FirstOrDefault()?.NewNumber;
}
