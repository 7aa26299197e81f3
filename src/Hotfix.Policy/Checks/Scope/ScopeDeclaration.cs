using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>Checks the components a caller declares as the incident's scope against the policy's components.</summary>
internal static class ScopeDeclaration
{
    /// <summary>The declared names, trimmed and without duplicates; throws <see cref="HotfixInputException"/> naming <paramref name="source"/>.</summary>
    public static IReadOnlyList<string> Check(HotfixPolicy policy, IEnumerable<string> names, string source = "--scope")
    {
        var known = policy.Components.Select(c => c.Name).ToList();
        var declared = new List<string>();
        foreach (var name in names.SelectMany(n => n.Split(',')).Select(n => n.Trim()))
        {
            if (known.Count == 0)
            {
                throw new HotfixInputException($"{source} '{name}': the policy defines no components; expected components[] with name and paths in hotfix.json (docs/policy.md) before a scope can be declared.");
            }

            if (!known.Contains(name))
            {
                var suggestion = Suggestions.Closest(name, known);
                throw new HotfixInputException(
                    $"{source} '{name}': not a component of the policy; expected one of {string.Join(", ", known)}" +
                    (suggestion is null ? "." : $" (did you mean '{suggestion}'?)."));
            }

            if (!declared.Contains(name))
            {
                declared.Add(name);
            }
        }

        return declared;
    }
}
