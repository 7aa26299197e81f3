using Hotfix.Policy.Policies;

namespace Hotfix;

/// <summary>
/// A policy with problems: the message lists them for a person (one line each, as the CLI prints them), and
/// <see cref="Problems"/> gives them to a host as data — a bot can annotate each JSON path of the team's
/// <c>hotfix.json</c> instead of parsing the text.
/// </summary>
public sealed class HotfixPolicyException : HotfixInputException
{
    /// <summary>Reports every problem of a policy that could not be loaded.</summary>
    /// <param name="result">The load result; it must have problems.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> is a valid policy.</exception>
    public HotfixPolicyException(PolicyLoadResult result)
        : base(PolicyProblems.Describe(Invalid(result)))
    {
        PolicySource = result.Source;
        Problems = result.Problems;
    }

    private static PolicyLoadResult Invalid(PolicyLoadResult result) =>
        result is null ? throw new ArgumentNullException(nameof(result))
        : result.IsValid ? throw new ArgumentException("The policy has no problems to report.", nameof(result))
        : result;

    /// <summary>What the policy was read from: the file path, or the source the host named.</summary>
    public string PolicySource { get; }

    /// <summary>Every problem found, in the order of the file: JSON path, what was found, what was expected.</summary>
    public IReadOnlyList<PolicyProblem> Problems { get; }
}
