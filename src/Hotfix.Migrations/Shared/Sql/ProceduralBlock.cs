using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Sql;

/// <summary>
/// The statements of a PostgreSQL <c>DO $$ … $$</c> block (PL/pgSQL). Migrations wrap DDL in one to make it
/// conditional (<c>IF EXISTS (…) THEN DROP TABLE …; END IF;</c>) or to run a literal through <c>EXECUTE '…'</c>; a
/// reviewer reads the statements inside, so the recogniser does too. Control flow is peeled off, not evaluated: a
/// conditional drop is still a drop.
/// </summary>
internal static partial class ProceduralBlock
{
    /// <summary>The SQL statements in <paramref name="body"/>, each with its line (relative to <paramref name="firstLine"/>).</summary>
    public static IEnumerable<SqlStatement> Statements(string body, MigrationDatabase database, int firstLine)
    {
        // The outer BEGIN … END goes first: the splitter keeps a BEGIN … END body together, as it must for a routine.
        var block = OuterBlock().Match(body);
        var inner = block.Success ? new string('\n', Lines(body.Substring(0, block.Groups["inner"].Index))) + block.Groups["inner"].Value : body;
        foreach (var statement in SqlStatementSplitter.Split(inner, database, firstLine))
        {
            var text = statement.Text;
            string peeled;
            while ((peeled = ControlPrefix().Replace(text, string.Empty, 1)) != text)
            {
                text = peeled;
            }

            if (BlockEnd().IsMatch(text))
            {
                continue;
            }

            yield return new SqlStatement(ExecuteLiteral().Match(text) is { Success: true } execute ? execute.Groups["sql"].Value.Replace("''", "'") : text, statement.Line);
        }
    }

    private static int Lines(string text) => text.Count(c => c == '\n');

    // One source for the CLI (net10.0: generated regexes) and the analyzers (netstandard2.0: built once, on the first
    // procedural block met).
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.Singleline;

    private const string OuterBlockPattern = @"^\s*(?:DECLARE\b.*?)?\bBEGIN\b(?<inner>.*)\bEND\s*;?\s*$";

    private const string ControlPrefixPattern = @"^\s*(?:BEGIN\b|ELSE\b|LOOP\b|(?:IF|ELSIF|ELSEIF|WHEN)\b.*?\bTHEN\b|EXCEPTION\s+WHEN\b.*?\bTHEN\b|FOR\b.*?\bLOOP\b)";

    private const string BlockEndPattern = @"^\s*(?:END(?:\s+(?:IF|LOOP|CASE))?|NULL|RAISE\b.*|PERFORM\b.*)?\s*;?\s*$";

    private const string ExecuteLiteralPattern = @"^\s*EXECUTE\s+'(?<sql>(?:[^']|'')*)'\s*;?\s*$";

#if NET7_0_OR_GREATER
    [GeneratedRegex(OuterBlockPattern, Options)]
    private static partial Regex OuterBlock();

    [GeneratedRegex(ControlPrefixPattern, Options)]
    private static partial Regex ControlPrefix();

    [GeneratedRegex(BlockEndPattern, Options)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(ExecuteLiteralPattern, Options)]
    private static partial Regex ExecuteLiteral();
#else
    private static Regex? outerBlock;

    private static Regex OuterBlock() => outerBlock ??= new Regex(OuterBlockPattern, Options);

    private static Regex? controlPrefix;

    private static Regex ControlPrefix() => controlPrefix ??= new Regex(ControlPrefixPattern, Options);

    private static Regex? blockEnd;

    private static Regex BlockEnd() => blockEnd ??= new Regex(BlockEndPattern, Options);

    private static Regex? executeLiteral;

    private static Regex ExecuteLiteral() => executeLiteral ??= new Regex(ExecuteLiteralPattern, Options);
#endif
}
