namespace Hotfix.Policy.Policies.Validation;

/// <summary>
/// Says whether a policy is valid without building <see cref="HotfixPolicyValidator"/>: the same single-value rules
/// (<see cref="PolicyValueRules"/>) and the same custom checks, called directly. Building the validator turns about
/// forty property expressions into expression trees and compiles them — interpreted in the native binary — which cost
/// more than the checks themselves, on every command that loads hotfix.json. Only a yes is final: a policy with any
/// problem goes through the validator, which words every message as before.
/// </summary>
internal static class ValidPolicyFastPath
{
    /// <summary>The validator's custom checks, in its order.</summary>
    public static readonly IReadOnlyList<Action<HotfixPolicy, PolicyFailures>> CustomChecks =
    [
        (p, failures) => HotfixPolicyValidator.CheckSeverities(p.Review.Severities, failures),
        (p, failures) => HotfixPolicyValidator.CheckTests(p.Tests, failures),
        (p, failures) => HotfixPolicyValidator.CheckEnvironments(p.Environments, failures),
        (p, failures) => HotfixPolicyValidator.CheckStabilityWindow(p.StabilityWindow, failures),
        (p, failures) => MetricPolicyRules.CheckMetrics(p.Metrics, failures),
        (p, failures) => HotfixPolicyValidator.CheckComponents(p.Components, failures),
        (p, failures) => HotfixPolicyValidator.CheckRuleOverrides(p.Rules, failures),
        (p, failures) => HotfixPolicyValidator.CheckScope(p.Scope, failures),
        (p, failures) => HotfixPolicyValidator.CheckClassification(p.Classification, failures),
        (p, failures) => HotfixPolicyValidator.CheckWaivers(p.Waivers, failures),
        (p, failures) => NotificationPolicyChecks.Check(p.Notifications, failures),
        TestConditionRules.Check,
    ];

    public static bool Accepts(HotfixPolicy policy)
    {
        foreach (var (_, holds) in PolicyValueRules.All)
        {
            if (!holds(policy))
            {
                return false;
            }
        }

        var failures = new PolicyFailures();
        foreach (var check in CustomChecks)
        {
            check(policy, failures);
            if (failures.Count > 0)
            {
                return false;
            }
        }

        return true;
    }
}
