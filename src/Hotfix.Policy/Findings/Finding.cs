namespace Hotfix.Policy.Findings;

/// <summary>One thing a rule found. Paths are repository-relative with forward slashes; lines are 1-based.</summary>
public sealed record Finding(string RuleId, FindingSeverity Severity, string Message)
{
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
