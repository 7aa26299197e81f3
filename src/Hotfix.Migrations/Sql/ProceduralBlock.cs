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
        var inner = block.Success ? new string('\n', Lines(body[..block.Groups["inner"].Index])) + block.Groups["inner"].Value : body;
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

    [GeneratedRegex(@"^\s*(?:DECLARE\b.*?)?\bBEGIN\b(?<inner>.*)\bEND\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex OuterBlock();

    [GeneratedRegex(@"^\s*(?:BEGIN\b|ELSE\b|LOOP\b|(?:IF|ELSIF|ELSEIF|WHEN)\b.*?\bTHEN\b|EXCEPTION\s+WHEN\b.*?\bTHEN\b|FOR\b.*?\bLOOP\b)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ControlPrefix();

    [GeneratedRegex(@"^\s*(?:END(?:\s+(?:IF|LOOP|CASE))?|NULL|RAISE\b.*|PERFORM\b.*)?\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"^\s*EXECUTE\s+'(?<sql>(?:[^']|'')*)'\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ExecuteLiteral();
}
