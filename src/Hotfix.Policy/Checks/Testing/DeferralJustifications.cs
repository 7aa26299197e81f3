using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Checks.Testing;

/// <summary>
/// The team's justifications for the suites a SEV1 hotfix runs after the deploy (SKIP_WITH_JUSTIFICATION), given as
/// <c>SUITE=TEXT</c>. Only a suite the runbook lets this severity defer can be justified: a justification for anything
/// else would read as permission the runbook does not give.
/// </summary>
internal static class DeferralJustifications
{
    /// <summary>Suite id → justification; throws <see cref="HotfixInputException"/> naming <paramref name="source"/>.</summary>
    public static IReadOnlyDictionary<string, string> Check(
        TestPolicy tests, IncidentSeverity? severity, IEnumerable<string> entries, string source = "--justify")
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var separator = entry.IndexOf('=');
            var suite = separator < 0 ? entry.Trim() : entry[..separator].Trim();
            var text = separator < 0 ? string.Empty : entry[(separator + 1)..].Trim();
            if (suite.Length == 0 || text.Length == 0)
            {
                throw new HotfixInputException($"{source} '{entry}': expected SUITE=TEXT, e.g. {source} \"full-regression=runs post-deploy; the fix is one guarded line\".");
            }

            if (!tests.SkippableOnSev1.Contains(suite))
            {
                var suggestion = Suggestions.Closest(suite, tests.SkippableOnSev1);
                throw new HotfixInputException(
                    $"{source} '{suite}': not a suite the runbook lets a SEV1 hotfix run post-deploy; expected one of {string.Join(", ", tests.SkippableOnSev1)} (policy tests.skippableOnSev1)" +
                    (suggestion is null ? "." : $" (did you mean '{suggestion}'?)."));
            }

            if (severity != IncidentSeverity.Sev1)
            {
                throw new HotfixInputException(
                    $"{source} '{suite}': only a SEV1 hotfix may defer a suite post-deploy (SKIP_WITH_JUSTIFICATION); expected --severity SEV1, " +
                    (severity is { } s ? $"got {s.Name()}." : "and no --severity was given."));
            }

            if (!result.TryAdd(suite, text))
            {
                throw new HotfixInputException($"{source} '{suite}': given twice; expected one justification per suite.");
            }
        }

        return result;
    }
}
