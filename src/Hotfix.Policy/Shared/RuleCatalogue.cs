using System.Collections.Generic;
using System.Linq;

namespace Hotfix.Policy.Rules;

/// <summary>
/// Every rule Hotfix knows, in one place. Each id block lives in its own file (RuleCatalogue.&lt;Block&gt;.cs) that
/// implements one of the partial methods below, so the catalogue stays one list while its blocks can be read alone.
/// A test checks every entry for a docs/rules/&lt;ID&gt;.md page, an id in the right block and a quoted runbook line.
/// </summary>
static partial class RuleCatalogue
{
    /// <summary>
    /// Where the rule pages in docs/rules are published. Reports and diagnostics link here; the policy key
    /// <c>helpBaseUri</c> points the CLI's reports at a mirror (e.g. an internal docs site).
    /// </summary>
    public const string DefaultHelpBaseUri = HotfixRepository.Url + "/blob/main/docs/rules/";

    private static readonly RuleDescriptor[] Rules = Build();
    private static readonly Dictionary<string, RuleDescriptor> ById = Rules.ToDictionary(r => r.Id, System.StringComparer.Ordinal);

    /// <summary>All rules, ordered by id.</summary>
    public static IReadOnlyList<RuleDescriptor> All => Rules;

    /// <summary>The rule with this id, or null.</summary>
    public static RuleDescriptor? Find(string id)
    {
        RuleDescriptor? rule;
        return id != null && ById.TryGetValue(id, out rule) ? rule : null;
    }

    /// <summary>The rule with this id; throws when the id is not catalogued (a programming error, not bad input).</summary>
    public static RuleDescriptor Get(string id)
    {
        var rule = Find(id);
        if (rule == null)
        {
            throw new KeyNotFoundException("Rule " + id + " is not in the rule catalogue.");
        }

        return rule;
    }

    /// <summary>The documentation link of a rule id under the default base.</summary>
    public static string HelpLinkFor(string id) => HelpLinkFor(id, DefaultHelpBaseUri);

    /// <summary>The documentation link of a rule id under <paramref name="baseUri"/> (which ends with '/').</summary>
    public static string HelpLinkFor(string id, string baseUri) => baseUri + id + ".md";

    private static RuleDescriptor[] Build()
    {
        var rules = new List<RuleDescriptor>();
        AddBranching(rules);
        AddScope(rules);
        AddDataIntegrity(rules);
        AddSecurity(rules);
        AddPerformance(rules);
        AddProcess(rules);
        return rules.OrderBy(r => r.Id, System.StringComparer.Ordinal).ToArray();
    }

    // One partial method per id block; a block without rules yet simply has no implementation.
    static partial void AddBranching(List<RuleDescriptor> rules);

    static partial void AddScope(List<RuleDescriptor> rules);

    static partial void AddDataIntegrity(List<RuleDescriptor> rules);

    static partial void AddSecurity(List<RuleDescriptor> rules);

    static partial void AddPerformance(List<RuleDescriptor> rules);

    static partial void AddProcess(List<RuleDescriptor> rules);
}
