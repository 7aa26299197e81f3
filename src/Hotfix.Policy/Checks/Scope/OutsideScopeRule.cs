using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>
/// HF1104 — files outside the incident's components. With a declared scope (<c>--scope</c>) each file that belongs
/// only to other components is an error; without one, a single info finding names every component touched.
/// </summary>
internal sealed class OutsideScopeRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.OutsideIncidentScope);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var analysis = ScopeAnalysis.Of(context);
        if (analysis.Changes is null || context.Policy.Components.Count == 0)
        {
            yield break;
        }

        var touched = analysis.TouchedComponents(context.Policy);
        var declared = context.Options.DeclaredScope;
        if (declared.Count == 0)
        {
            if (touched.Count > 0)
            {
                yield return Rule.CreateFinding(
                    $"The change touches {Plural(touched.Count, "component")}: {string.Join(", ", touched)}. Declare the incident's scope " +
                    $"(--scope {string.Join(",", touched)}) to have files outside it reported.") with { Severity = FindingSeverity.Info };
            }

            yield break;
        }

        var scope = string.Join(", ", declared);
        foreach (var file in analysis.Files.Where(f => f.Components.Count > 0 && !f.Components.Any(declared.Contains)))
        {
            yield return Rule.CreateFinding(
                $"This file belongs to {string.Join(", ", file.Components)}, outside the incident's scope ({scope}). Move the change to its own " +
                $"branch, or widen the scope if the incident really involves {file.Components[0]} (--scope {scope.Replace(" ", string.Empty, StringComparison.Ordinal)},{file.Components[0]}).",
                file.Path);
        }
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
