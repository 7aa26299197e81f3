namespace Hotfix.Policy.Findings;

/// <summary>One thing a rule found. Paths are repository-relative with forward slashes; lines are 1-based.</summary>
/// <param name="RuleId">The rule that found it (e.g. <c>HF0101</c>); its page is in docs/rules.</param>
/// <param name="Severity">How serious, after the policy's overrides and any waiver.</param>
/// <param name="Message">What was found and what the runbook expects, in one line.</param>
public sealed record Finding(string RuleId, FindingSeverity Severity, string Message)
{
    /// <summary>
    /// The file the finding is about (repository-relative, forward slashes); null when not about a file.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>First line the finding is about (1-based), when it is about lines of a file.</summary>
    public int? Line { get; init; }

    /// <summary>Last line (inclusive) when the finding spans several lines.</summary>
    public int? EndLine { get; init; }

    /// <summary>Link to the rule's documentation; filled from the catalogue when the report is built.</summary>
    public string? HelpLink { get; init; }

    /// <summary>Set when a person accepted this finding with a reason; a waived finding never blocks.</summary>
    public Waiver? Waiver { get; init; }

    /// <summary>Blocking findings fail the check (exit 1): errors nobody waived.</summary>
    public bool IsBlocking => Severity == FindingSeverity.Error && Waiver is null;
}
