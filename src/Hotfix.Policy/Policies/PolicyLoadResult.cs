namespace Hotfix.Policy.Policies;

/// <summary>The outcome of reading a policy file: the effective policy, or every problem found (never just the first).</summary>
public sealed class PolicyLoadResult
{
    private PolicyLoadResult(string source, HotfixPolicy? policy, IReadOnlyList<PolicyProblem> problems)
    {
        Source = source;
        Policy = policy;
        Problems = problems;
    }

    /// <summary>What the policy was read from, for messages: a file path, or "built-in runbook defaults".</summary>
    public string Source { get; }

    /// <summary>The effective policy; null when the file has problems.</summary>
    public HotfixPolicy? Policy { get; }

    /// <summary>Every problem found in the file; empty when the policy is valid.</summary>
    public IReadOnlyList<PolicyProblem> Problems { get; }

    /// <summary>True when the file had no problems and <see cref="Policy"/> is set.</summary>
    public bool IsValid => Policy is not null;

    internal static PolicyLoadResult Valid(string source, HotfixPolicy policy) => new(source, policy, []);

    internal static PolicyLoadResult Invalid(string source, IReadOnlyList<PolicyProblem> problems) => new(source, null, problems);
}
