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

    public HotfixPolicy? Policy { get; }

    public IReadOnlyList<PolicyProblem> Problems { get; }

    public bool IsValid => Policy is not null;

    internal static PolicyLoadResult Valid(string source, HotfixPolicy policy) => new(source, policy, []);

    internal static PolicyLoadResult Invalid(string source, IReadOnlyList<PolicyProblem> problems) => new(source, null, problems);
}
