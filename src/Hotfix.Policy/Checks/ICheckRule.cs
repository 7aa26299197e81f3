using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks;

/// <summary>One rule of the catalogue as <c>hotfix check</c> runs it: one class per rule id.</summary>
internal interface ICheckRule
{
    RuleDescriptor Rule { get; }

    /// <summary>
    /// Every rule id the rule's findings may carry (by default its own). The runner refuses a finding with another id,
    /// and a meta-test proves every catalogued id has exactly one emitter per engine.
    /// </summary>
    IReadOnlyList<string> Emits => [Rule.Id];

    /// <summary>Findings at the rule's own severities; the runner applies policy overrides and waivers afterwards.</summary>
    IEnumerable<Finding> Evaluate(CheckContext context);
}
