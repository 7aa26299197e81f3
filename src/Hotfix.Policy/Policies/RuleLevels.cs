using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Policies;

/// <summary>The values of <c>rules.&lt;ID&gt;</c> in hotfix.json: a severity, or off.</summary>
internal static class RuleLevels
{
    public const string Off = "off";
    public const string ExpectedForm = "one of error, warning, info, off";

    public static bool IsValid(string? level) => level == Off || FindingSeverityNames.TryParse(level, out _);

    /// <summary>The severity a rule's findings get under this policy; null when the policy turns the rule off.</summary>
    public static FindingSeverity? EffectiveSeverity(this HotfixPolicy policy, string ruleId, FindingSeverity reported)
    {
        if (!policy.Rules.TryGetValue(ruleId, out var level))
        {
            return reported;
        }

        return level == Off ? null : FindingSeverityNames.TryParse(level, out var severity) ? severity : reported;
    }
}
