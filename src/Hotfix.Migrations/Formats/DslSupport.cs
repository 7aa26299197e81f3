using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Formats;

/// <summary>Helpers shared by the ORM-DSL readers (Rails, Django, Alembic, Knex, TypeORM).</summary>
internal static partial class DslSupport
{
    /// <summary>The body of an indentation-delimited definition (Python <c>def x():</c>, Ruby <c>def x … end</c>) as an offset range.</summary>
    public static (int Start, int End, int Line)? IndentedBlock(CodeText code, Regex header, string name)
    {
        foreach (Match match in header.Matches(code.Mask))
        {
            if (match.Groups["name"].Value != name)
            {
                continue;
            }

            var indent = match.Groups["indent"].Value.Length;
            var bodyStart = code.Mask.IndexOf('\n', match.Index);
            if (bodyStart < 0)
            {
                return (code.Mask.Length, code.Mask.Length, code.LineOf(match.Index));
            }

            var k = bodyStart + 1;
            var end = code.Mask.Length;
            while (k < code.Mask.Length)
            {
                var nl = code.Mask.IndexOf('\n', k);
                var lineEnd = nl < 0 ? code.Mask.Length : nl;
                var line = code.Mask[k..lineEnd];
                var depth = line.Length - line.TrimStart().Length;
                // A line that starts inside a string (the newline before it is string content) is text, not code.
                if (line.Trim().Length > 0 && depth <= indent && !code.InString(k - 1))
                {
                    end = k;
                    break;
                }

                k = lineEnd + 1;
            }

            return (bodyStart + 1, end, code.LineOf(match.Index));
        }

        return null;
    }

    /// <summary>
    /// The end of the Ruby or Elixir <c>do … end</c> block opened on the line of <paramref name="offset"/>: the next line
    /// indented no deeper (its <c>end</c>, or the next statement when the block is closed on its own line).
    /// </summary>
    public static int DoBlockEnd(CodeText code, int offset)
    {
        var lineStart = code.Mask.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        var indent = 0;
        while (lineStart + indent < code.Mask.Length && code.Mask[lineStart + indent] is ' ' or '\t')
        {
            indent++;
        }

        var k = code.Mask.IndexOf('\n', offset);
        while (k >= 0 && k + 1 < code.Mask.Length)
        {
            var next = code.Mask.IndexOf('\n', k + 1);
            var line = code.Mask[(k + 1)..(next < 0 ? code.Mask.Length : next)];
            if (line.Trim().Length > 0 && line.Length - line.TrimStart().Length <= indent)
            {
                return k + 1;
            }

            k = next;
        }

        return code.Mask.Length;
    }

    /// <summary>Regions between definitions: the up region runs from its definition to the next of the others (or the end).</summary>
    public static (int Start, int End, int Line)? Region(CodeText code, Regex definition, string name)
    {
        var matches = definition.Matches(code.Mask).Cast<Match>().ToList();
        var own = matches.FirstOrDefault(m => m.Groups["name"].Value == name);
        if (own is null)
        {
            return null;
        }

        var next = matches.Where(m => m.Index > own.Index).Select(m => m.Index).DefaultIfEmpty(code.Mask.Length).Min();
        return (own.Index + own.Length, next, code.LineOf(own.Index));
    }

    /// <summary>A JavaScript/TypeScript migration file (Knex, Sequelize, TypeORM).</summary>
    public static bool IsJavaScript(string path) => JavaScriptFile().IsMatch(path);

    /// <summary>A JavaScript/TypeScript migration read as one piece: its up and down regions, each through <paramref name="operations"/>.</summary>
    public static IReadOnlyList<MigrationPiece> JavaScriptUpAndDown(
        string text, Regex definition, Func<CodeText, int, int, IEnumerable<MigrationOperation>> operations, string missingDetail)
    {
        var code = new CodeText(text, SourceLanguage.JavaScript);
        return [new MigrationPiece(null, UpAndDown(code, definition, (from, to) => operations(code, from, to), missingDetail), text)];
    }

    /// <summary>
    /// A JavaScript/TypeScript migration with <c>up</c> and <c>down</c> definitions (Knex exports, TypeORM methods): each
    /// region's operations, the down missing, or raising.
    /// </summary>
    public static MigrationBody UpAndDown(CodeText code, Regex definition, Func<int, int, IEnumerable<MigrationOperation>> operations, string missingDetail)
    {
        var body = new MigrationBody();
        if (Region(code, definition, "up") is { } up)
        {
            body.Up.AddRange(operations(up.Start, up.End));
        }

        if (Region(code, definition, "down") is not { } down)
        {
            body.DownStatus = DownStatus.Missing;
            body.DownDetail = missingDetail;
            return body;
        }

        body.DownLine = down.Line;
        if (Throw().Match(code.Mask, down.Start, down.End - down.Start) is { Success: true } thrown)
        {
            body.DownStatus = DownStatus.Irreversible;
            body.DownDetail = "down throws";
            body.DownLine = code.LineOf(thrown.Index);
        }

        body.Down.AddRange(operations(down.Start, down.End));
        return body;
    }

    /// <summary>
    /// The source text of <see cref="StatementBefore"/>: the mask hides string contents, and a query builder's table
    /// (<c>knex('orders')</c>, <c>DB::table('orders')</c>) is a string.
    /// </summary>
    public static string StatementTextBefore(CodeText code, int position) => code.Text[(position - StatementBefore(code, position).Length)..position];

    /// <summary>The code from the start of the statement containing <paramref name="position"/> (after ';', '{', '}' or a blank line).</summary>
    public static string StatementBefore(CodeText code, int position)
    {
        var k = position - 1;
        while (k >= 0 && code.Mask[k] is not (';' or '{' or '}'))
        {
            if (code.Mask[k] == '\n' && k > 0 && code.Mask[k - 1] == '\n')
            {
                break;
            }

            k--;
        }

        return code.Mask[(k + 1)..position];
    }

    /// <summary>SQL embedded in a DSL call, parsed into operations at the call's line.</summary>
    /// <summary>The SQL of every call named <paramref name="name"/> in [from, to): migrations that only run SQL strings (Doctrine's and MikroORM's <c>addSql</c>).</summary>
    public static IEnumerable<MigrationOperation> SqlCalls(CodeText code, int from, int to, string name, MigrationDatabase database) =>
        code.Calls(from, to, n => n == name).SelectMany(call => EmbeddedSql(call.Positional(0), call.Line, database, call.Text));

    public static IEnumerable<MigrationOperation> EmbeddedSql(string? sql, int line, MigrationDatabase database, string callText)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            yield return new MigrationOperation(MigrationOperationKind.RawSql) { Line = line, Text = callText };
            yield break;
        }

        foreach (var op in SqlParsers.Parse(sql, database, line))
        {
            yield return op;
        }
    }

    public static bool IsFalse(string? value) => value is "false" or "False";

    public static bool IsTrue(string? value) => value is "true" or "True";

    public static bool IsNone(string? value) => value is null or "nil" or "None" or "null" or "undefined";

    public static MigrationOperation Op(MigrationOperationKind kind, CodeCall call, string? table = null) =>
        new(kind) { Table = table, Line = call.Line, Text = call.Text };

    [GeneratedRegex(@"\.(js|ts|cjs|mjs)$")]
    private static partial Regex JavaScriptFile();

    [GeneratedRegex(@"\bthrow\b")]
    private static partial Regex Throw();
}
