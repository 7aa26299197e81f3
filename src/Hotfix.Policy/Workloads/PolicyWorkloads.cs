using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// The workloads the policy names (<c>components[].workload</c>). A hint names one instead of the runbook's
/// <c>deployment/&lt;name&gt;</c> only when the policy names exactly one: then there is nothing to choose, and the line
/// can be pasted; with several, guessing could restart the wrong service.
/// </summary>
internal static class PolicyWorkloads
{
    public static IReadOnlyList<string> All(HotfixPolicy policy) =>
        policy.Components.Select(c => c.Workload).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The policy's only workload, or null when it names none or several.</summary>
    public static string? Single(HotfixPolicy policy) => All(policy) is [var only] ? only : null;
}
