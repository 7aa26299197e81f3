using System.Diagnostics.CodeAnalysis;

namespace Hotfix;

/// <summary>Incident severity as the runbook names it. SEV1 is the most severe.</summary>
public enum IncidentSeverity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}

public static class IncidentSeverities
{
    public const string ExpectedForm = "one of SEV1, SEV2, SEV3, SEV4";

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

    public static IncidentSeverity Parse(string text) =>
        TryParse(text, out var severity)
            ? severity
            : throw new FormatException($"'{text}' is not a severity: expected {ExpectedForm}.");

    /// <summary>SEV1 and SEV2 get the expedited review and may defer the runbook's MAY_SKIP items.</summary>
    public static bool IsExpedited(this IncidentSeverity severity) => severity <= IncidentSeverity.Sev2;
}
