using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Findings;

internal static class RuleDescriptorExtensions
{
    /// <summary>A finding of this rule at its default severity; the check applies the policy's overrides afterwards.</summary>
    public static Finding CreateFinding(this RuleDescriptor rule, string message, string? path = null, int? line = null, int? endLine = null) =>
        new(rule.Id, rule.DefaultSeverity, message) { Path = path, Line = line, EndLine = endLine, HelpLink = rule.HelpLink };
}
