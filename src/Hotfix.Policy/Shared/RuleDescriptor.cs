using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Rules;

/// <summary>
/// The stable facts of one rule: its id, what it is called, where it belongs and which runbook line it enforces.
/// The same descriptor serves the CLI's findings and the analyzers' diagnostics.
/// </summary>
sealed partial class RuleDescriptor
{
    /// <summary>Describes a rule; the catalogue holds one per rule id.</summary>
    /// <param name="id">Stable id, e.g. <c>HF0101</c>.</param>
    /// <param name="title">Short title in sentence case.</param>
    /// <param name="category">One of <see cref="RuleCategory"/>; must match the id's number block.</param>
    /// <param name="defaultSeverity">The severity when the policy does not override it.</param>
    /// <param name="summary">What the rule reports and why it matters during a hotfix.</param>
    /// <param name="runbookLine">The runbook line the rule enforces, quoted exactly.</param>
    public RuleDescriptor(
        string id,
        string title,
        string category,
        FindingSeverity defaultSeverity,
        string summary,
        string runbookLine)
    {
        Id = id;
        Title = title;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Summary = summary;
        RunbookLine = runbookLine;
    }

    /// <summary>Stable id, e.g. <c>HF0101</c>. Never reused for a different meaning.</summary>
    public string Id { get; }

    /// <summary>Short title in sentence case, e.g. "Hotfix branch name".</summary>
    public string Title { get; }

    /// <summary>One of <see cref="RuleCategory"/>; must match the id's number block.</summary>
    public string Category { get; }

    /// <summary>The severity of the rule's findings unless policy <c>rules</c> overrides it.</summary>
    public FindingSeverity DefaultSeverity { get; }

    /// <summary>One or two sentences: what the rule reports and why it matters during a hotfix.</summary>
    public string Summary { get; }

    /// <summary>The runbook line this rule enforces, quoted exactly (traceability; see docs/runbook-traceability.md).</summary>
    public string RunbookLine { get; }

    /// <summary>Absolute link to the rule's documentation page (docs/rules/&lt;ID&gt;.md).</summary>
    public string HelpLink => RuleCatalogue.HelpLinkFor(Id);

    /// <summary>The id and the title, e.g. "HF0101 Hotfix branch name".</summary>
    public override string ToString() => Id + " " + Title;
}
