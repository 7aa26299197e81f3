using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Checks.Classification;

/// <summary>Checks change kinds a caller declares (<c>--kind</c>): built-in kinds and the policy's own are accepted.</summary>
internal static class ChangeKindDeclaration
{
    public static IReadOnlyList<string> Known(HotfixPolicy policy) =>
        ChangeKinds.BuiltIn.Concat(policy.Classification.Keys.Order(StringComparer.Ordinal)).Concat(policy.Tests.Conditional.Keys.Order(StringComparer.Ordinal))
            .Distinct().ToList();

    /// <summary>The declared kinds, trimmed, without duplicates; throws <see cref="HotfixInputException"/> naming <paramref name="source"/>.</summary>
    public static IReadOnlyList<string> Check(HotfixPolicy policy, IEnumerable<string> kinds, string source = "--kind")
    {
        var known = Known(policy);
        var declared = new List<string>();
        foreach (var kind in kinds.SelectMany(k => k.Split(',')).Select(k => k.Trim()))
        {
            if (!known.Contains(kind))
            {
                var suggestion = Suggestions.Closest(kind, known);
                throw new HotfixInputException(
                    $"{source} '{kind}': not a change kind; expected one of {string.Join(", ", known)}" + (suggestion is null ? "." : $" (did you mean '{suggestion}'?)."));
            }

            if (!declared.Contains(kind))
            {
                declared.Add(kind);
            }
        }

        return declared;
    }
}
