namespace Hotfix.Policy.Policies;

/// <summary>How a policy with problems is described to a person: one line per problem, with the file it came from.</summary>
internal static class PolicyProblems
{
    /// <summary>A message listing every problem of <paramref name="result"/>, one per line.</summary>
    public static string Describe(PolicyLoadResult result)
    {
        var count = result.Problems.Count;
        var lines = result.Problems.Select(p => "  " + result.Source + ": " + p);
        return $"policy file '{result.Source}' is not valid ({count} {(count == 1 ? "problem" : "problems")}; docs/policy.md lists every key):\n" + string.Join('\n', lines);
    }
}
