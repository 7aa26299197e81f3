namespace Hotfix.Policy.Policies.Validation;

internal static class Identifiers
{
    /// <summary>lowercase words of letters and digits joined by single hyphens: smoke, migration-up-down, admin-ui.</summary>
    public static bool IsKebab(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] != '-' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal)
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
