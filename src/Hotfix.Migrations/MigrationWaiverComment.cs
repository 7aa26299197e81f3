using System.Text.RegularExpressions;

namespace Hotfix.Migrations;

/// <summary>
/// A reasoned suppression written in a migration: <c>hotfix: allow HF2002 reason="backed up in INC-2026-0042"</c>, in
/// any comment syntax. It waives the next finding of that rule at or below its line (or, for findings without a line,
/// one finding of that rule in the file); without a reason it waives nothing and the finding says so.
/// </summary>
internal sealed partial record MigrationWaiverComment(string Path, int Line, string RuleId, string? Reason)
{
    public static IReadOnlyList<MigrationWaiverComment> Find(string path, string? text)
    {
        if (string.IsNullOrEmpty(text) || text.IndexOf("hotfix:", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return [];
        }

        var result = new List<MigrationWaiverComment>();
        var line = 1;
        var lineStart = 0;
        foreach (Match match in Pattern().Matches(text))
        {
            for (var k = lineStart; k < match.Index; k++)
            {
                if (text[k] == '\n')
                {
                    line++;
                }
            }

            lineStart = match.Index;
            var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : null;
            result.Add(new MigrationWaiverComment(path, line, match.Groups["rule"].Value.ToUpperInvariant(), string.IsNullOrEmpty(reason) ? null : reason));
        }

        return result;
    }

    [GeneratedRegex("""hotfix:\s*allow\s+(?<rule>HF\d{4})(?:\s+reason\s*=\s*(?:"(?<reason>[^"\r\n]*)"|'(?<reason>[^'\r\n]*)'))?""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
