using Hotfix.Policy.Text;

namespace Hotfix.Policy.Policies;

/// <summary>How a policy with problems is described to a person: one line per problem, with the file it came from.</summary>
internal static class PolicyProblems
{
    /// <summary>A message listing every problem of <paramref name="result"/>, one per line.</summary>
    public static string Describe(PolicyLoadResult result)
    {
        var count = result.Problems.Count;
        // The source may be a path the user typed: shown by its start, with control characters made visible.
        var source = Echo.Of(result.Source);
        var lines = result.Problems.Select(p => "  " + source + ": " + p);
        return $"policy file '{source}' is not valid ({count} {(count == 1 ? "problem" : "problems")}; docs/policy.md lists every key):\n" + string.Join('\n', lines);
    }
}
