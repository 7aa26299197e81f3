using System.Diagnostics.CodeAnalysis;

namespace Hotfix;

/// <summary>Incident severity as the runbook names it. SEV1 is the most severe.</summary>
public enum IncidentSeverity
{
    /// <summary>The most severe; under the runbook: one expedited reviewer, 15 minutes, during PR creation.</summary>
    Sev1 = 1,
    /// <summary>Under the runbook: one expedited reviewer, 30 minutes at most.</summary>
    Sev2 = 2,
    /// <summary>Under the runbook: the normal review process; nothing may be skipped.</summary>
    Sev3 = 3,
    /// <summary>The least severe; under the runbook: the normal review process.</summary>
    Sev4 = 4,
}

/// <summary>Parsing and naming of <see cref="IncidentSeverity"/> in the runbook's spelling.</summary>
public static class IncidentSeverities
{
    /// <summary>The accepted forms, for messages.</summary>
    public const string ExpectedForm = "one of SEV1, SEV2, SEV3, SEV4";

    /// <summary>Every severity, most severe first.</summary>
    public static IReadOnlyList<IncidentSeverity> All { get; } =
        [IncidentSeverity.Sev1, IncidentSeverity.Sev2, IncidentSeverity.Sev3, IncidentSeverity.Sev4];

    /// <summary>The runbook spelling: <c>SEV1</c> … <c>SEV4</c>.</summary>
    public static string Name(this IncidentSeverity severity) => "SEV" + (int)severity;

    /// <summary>Accepts SEV1…SEV4 in any letter case.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IncidentSeverity severity)
    {
        severity = default;
        if (text is null || text.Length != 4 || !text.StartsWith("SEV", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digit = text[3] - '0';
        if (digit is < 1 or > 4)
        {
            return false;
        }

        severity = (IncidentSeverity)digit;
        return true;
    }

    /// <summary>Parses SEV1…SEV4 in any letter case.</summary>
    /// <exception cref="FormatException">The text is not a severity; the message names the expected form.</exception>
    public static IncidentSeverity Parse(string text) =>
        TryParse(text, out var severity)
            ? severity
            : throw new FormatException($"'{text}' is not a severity: expected {ExpectedForm}.");

    /// <summary>SEV1 and SEV2 get the expedited review and may defer the runbook's MAY_SKIP items.</summary>
    public static bool IsExpedited(this IncidentSeverity severity) => severity <= IncidentSeverity.Sev2;
}
