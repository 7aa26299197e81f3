using System;
using System.Collections.Generic;

namespace Hotfix.Migrations.Sql;

/// <summary>What a data-changing SQL statement touches: every row of its table, or rows it bounds.</summary>
internal sealed class UnboundedWrite
{
    public UnboundedWrite(string verb, string target, int offset)
    {
        Verb = verb;
        Target = target;
        Offset = offset;
    }

    /// <summary><c>DELETE</c>, <c>UPDATE</c> or <c>TRUNCATE</c>, upper case.</summary>
    public string Verb { get; }

    /// <summary>The table as written in the statement (may be empty when the statement names none).</summary>
    public string Target { get; }

    /// <summary>Where the statement starts in the scanned text.</summary>
    public int Offset { get; }

    public override string ToString() => Target.Length == 0 ? Verb : Verb + " " + Target;
}

/// <summary>
/// Finds the statements in a SQL text that write every row of a table: <c>DELETE</c>/<c>UPDATE</c> without a top-level
/// <c>WHERE</c> (or a join that restricts the rows), and <c>TRUNCATE</c>. Written once for the analyzers (HF2009, SQL
/// literals passed to raw SQL APIs) and the core (SQL in migrations), so both draw the line in the same place.
/// </summary>
/// <remarks>
/// A tolerant scanner rather than a parser: it understands comments, quoted strings and identifiers of the common
/// dialects (T-SQL brackets, MySQL backticks, PostgreSQL dollar quoting) and parentheses, which is all "is there a
/// WHERE at the statement's own level" needs — a WHERE inside a sub-query does not bound the outer statement.
/// Text it cannot follow is never reported. A <see cref="Hole"/> character stands for a piece of SQL spliced in from a
/// non-constant value: where it could be a clause (after the table name), the statement is undecidable and not
/// reported; where it is a value (after <c>=</c>, a comparison, a comma or an opening parenthesis) it is harmless.
/// </remarks>
internal static class SqlWriteScope
{
    /// <summary>Stands for text spliced in at run time (an interpolation hole of a raw SQL string).</summary>
    public const char Hole = '\u001F';

    public static IReadOnlyList<UnboundedWrite> FindUnboundedWrites(string sql)
    {
        var found = new List<UnboundedWrite>();
        if (string.IsNullOrEmpty(sql))
        {
            return found;
        }

        var statement = new List<Token>();
        HashSet<string>? temporary = null;
        foreach (var token in Tokenize(sql))
        {
            if (token.Kind == TokenKind.Semicolon)
            {
                Judge(statement, found, ref temporary);
                statement.Clear();
            }
            else
            {
                statement.Add(token);
            }
        }

        Judge(statement, found, ref temporary);
        return found;
    }

    private static void Judge(List<Token> statement, List<UnboundedWrite> found, ref HashSet<string>? temporary)
    {
        if (TemporaryTableCreatedBy(statement) is { } created)
        {
            (temporary ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(created);
            return;
        }

        var start = FirstVerb(statement);
        if (start < 0)
        {
            return;
        }

        foreach (var token in statement)
        {
            if (token.Kind == TokenKind.Unreadable)
            {
                return; // an unterminated string or comment: the rest of the text cannot be read
            }
        }

        var verb = statement[start].Upper;
        if (verb == "TRUNCATE")
        {
            var table = NextIs(statement, start, "TABLE") ? start + 2 : start + 1;
            var name = table < statement.Count ? statement[table].Text : string.Empty;
            if (!IsTemporary(name, temporary))
            {
                found.Add(new UnboundedWrite(verb, name, statement[start].Offset));
            }

            return;
        }

        if (verb == "UPDATE" && start + 1 < statement.Count && statement[start + 1].Upper == "STATISTICS")
        {
            return; // T-SQL's UPDATE STATISTICS refreshes the optimizer's statistics: it writes no row
        }

        var target = TargetOf(statement, start);
        if (target.Length == 0 || IsTemporary(target, temporary))
        {
            return; // "DELETE" alone names nothing it writes; a temporary table holds no data of the application
        }

        for (var i = start + 1; i < statement.Count; i++)
        {
            var token = statement[i];
            if (token.Depth != statement[start].Depth)
            {
                continue;
            }

            if (token.Kind == TokenKind.Word && (token.Upper == "WHERE" || token.Upper == "JOIN"))
            {
                return;
            }

            if (token.Kind == TokenKind.Hole && !IsValuePosition(statement, i))
            {
                return; // a spliced-in clause could be the WHERE: undecidable, so not reported
            }
        }

        if (CteBounds(statement, start, target))
        {
            return;
        }

        found.Add(new UnboundedWrite(verb, target, statement[start].Offset));
    }

    /// <summary>
    /// Whether the target is a common table expression of the same statement whose own query bounds its rows — the
    /// batched delete <c>WITH batch AS (SELECT TOP (1000) * FROM Orders WHERE …) DELETE FROM batch</c> writes the rows the
    /// CTE selects: bounded when that query has a WHERE, a JOIN, a TOP, a LIMIT or a FETCH at its own level.
    /// </summary>
    private static bool CteBounds(List<Token> statement, int verb, string target)
    {
        var depth = statement[0].Depth;
        if (statement[0].Upper != "WITH")
        {
            return false;
        }

        string? name = null;
        for (var i = 1; i < verb; i++)
        {
            var token = statement[i];
            if (token.Depth != depth)
            {
                continue;
            }

            if (name == null && (token.Kind == TokenKind.Word || token.Kind == TokenKind.QuotedIdentifier) && token.Upper != "RECURSIVE")
            {
                name = token.Text;
            }
            else if (token.Kind == TokenKind.Comma)
            {
                name = null;
            }
            else if (token.Kind == TokenKind.OpenParen && name != null && statement[i - 1].Upper is "AS" or "MATERIALIZED")
            {
                var close = i + 1;
                while (close < verb && statement[close].Depth > depth)
                {
                    close++;
                }

                if (string.Equals(Bare(name), Bare(target), StringComparison.OrdinalIgnoreCase))
                {
                    for (var j = i + 1; j < close; j++)
                    {
                        if (statement[j].Depth == depth + 1 && statement[j].Kind == TokenKind.Word &&
                            statement[j].Upper is "WHERE" or "JOIN" or "TOP" or "LIMIT" or "FETCH")
                        {
                            return true;
                        }
                    }

                    return false;
                }

                i = close;
            }
        }

        return false;
    }

    private static bool NextIs(List<Token> statement, int i, string word) => i + 1 < statement.Count && statement[i + 1].Upper == word;

    /// <summary>
    /// A table that holds only what this session put in it, so emptying it loses no data: a T-SQL <c>#temp</c> table or
    /// <c>@table</c> variable, PostgreSQL's <c>pg_temp</c> schema, or a table the same text created temporary before.
    /// </summary>
    private static bool IsTemporary(string target, HashSet<string>? created)
    {
        if (target.Length == 0)
        {
            return false;
        }

        var bare = Bare(target);
        return bare[0] == '#' || bare[0] == '@' || bare.StartsWith("pg_temp.", StringComparison.OrdinalIgnoreCase) ||
            created != null && created.Contains(bare);
    }

    /// <summary>
    /// The table a <c>CREATE [GLOBAL|LOCAL] TEMP|TEMPORARY TABLE [IF NOT EXISTS] name</c> makes (PostgreSQL, MySQL, SQLite,
    /// Oracle's session-private rows), or null.
    /// </summary>
    private static string? TemporaryTableCreatedBy(List<Token> statement)
    {
        if (statement.Count < 4 || statement[0].Upper != "CREATE")
        {
            return null;
        }

        var i = statement[1].Upper is "GLOBAL" or "LOCAL" ? 2 : 1;
        if (!(statement[i].Upper is "TEMP" or "TEMPORARY") || !NextIs(statement, i, "TABLE"))
        {
            return null;
        }

        i += 2;
        if (i + 2 < statement.Count && statement[i].Upper == "IF" && statement[i + 1].Upper == "NOT" && statement[i + 2].Upper == "EXISTS")
        {
            i += 3;
        }

        return i < statement.Count && statement[i].Kind is TokenKind.Word or TokenKind.QuotedIdentifier ? Bare(statement[i].Text) : null;
    }

    /// <summary>A name without its quotes: [batch], "batch" and `batch` are batch.</summary>
    private static string Bare(string name) =>
        name.Length >= 2 && (name[0] == '[' || name[0] == '"' || name[0] == '`') ? name.Substring(1, name.Length - 2) : name;

    /// <summary>The statement's DML verb at its own level, skipping a leading <c>WITH</c> clause; -1 when not a write.</summary>
    private static int FirstVerb(List<Token> statement)
    {
        if (statement.Count == 0 || statement[0].Kind != TokenKind.Word)
        {
            return -1;
        }

        var depth = statement[0].Depth;
        var first = statement[0].Upper;
        if (first == "DELETE" || first == "UPDATE" || first == "TRUNCATE")
        {
            return 0;
        }

        if (first != "WITH")
        {
            return -1;
        }

        for (var i = 1; i < statement.Count; i++)
        {
            var token = statement[i];
            if (token.Depth == depth && token.Kind == TokenKind.Word)
            {
                switch (token.Upper)
                {
                    case "DELETE":
                    case "UPDATE":
                        return i;
                    case "SELECT":
                    case "INSERT":
                    case "MERGE":
                        return -1;
                }
            }
        }

        return -1;
    }

    /// <summary>The table a DELETE/UPDATE names: the first (dotted) name at the statement's level after its keywords.</summary>
    private static string TargetOf(List<Token> statement, int verb)
    {
        var depth = statement[verb].Depth;
        for (var i = verb + 1; i < statement.Count; i++)
        {
            var token = statement[i];
            if (token.Depth != depth || (token.Kind != TokenKind.Word && token.Kind != TokenKind.QuotedIdentifier) ||
                char.IsDigit(token.Text[0]))
            {
                continue; // TOP (100), LIMIT counts: not the table
            }

            switch (token.Upper)
            {
                case "FROM":
                case "ONLY":
                case "TOP":
                case "LOW_PRIORITY":
                case "QUICK":
                case "IGNORE":
                    continue;
            }

            var name = token.Text;
            while (i + 2 < statement.Count && statement[i + 1].Kind == TokenKind.Dot &&
                   (statement[i + 2].Kind == TokenKind.Word || statement[i + 2].Kind == TokenKind.QuotedIdentifier))
            {
                name += "." + statement[i + 2].Text;
                i += 2;
            }

            return name;
        }

        return string.Empty;
    }

    private static bool IsValuePosition(List<Token> statement, int hole)
    {
        if (hole == 0)
        {
            return false;
        }

        var previous = statement[hole - 1];
        return previous.Kind == TokenKind.Operator || previous.Kind == TokenKind.Comma || previous.Kind == TokenKind.OpenParen ||
            (previous.Kind == TokenKind.Word && (previous.Upper == "SET" || previous.Upper == "AND" || previous.Upper == "OR" || previous.Upper == "LIKE" || previous.Upper == "IN"));
    }

    private enum TokenKind
    {
        Word,
        QuotedIdentifier,
        Literal,
        Operator,
        Comma,
        OpenParen,
        CloseParen,
        Semicolon,
        Dot,
        Hole,
        Unreadable,
    }

    private struct Token
    {
        public Token(TokenKind kind, string text, int offset, int depth)
        {
            Kind = kind;
            Text = text;
            Upper = kind == TokenKind.Word ? text.ToUpperInvariant() : text;
            Offset = offset;
            Depth = depth;
        }

        public TokenKind Kind { get; }

        public string Text { get; }

        public string Upper { get; }

        public int Offset { get; }

        public int Depth { get; }
    }

    private static IEnumerable<Token> Tokenize(string sql)
    {
        var depth = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(sql, i + 1, '-'))
            {
                i = IndexOrEnd(sql, sql.IndexOf('\n', i));
            }
            else if (c == '/' && At(sql, i + 1, '*'))
            {
                i = SkipBlockComment(sql, i, out var closed);
                if (!closed)
                {
                    yield return new Token(TokenKind.Unreadable, string.Empty, start, depth);
                }
            }
            else if (c == '\'' || c == '"' || c == '`' || c == '[')
            {
                i = SkipQuoted(sql, i, c == '[' ? ']' : c, out var closed);
                var kind = !closed ? TokenKind.Unreadable : c == '\'' ? TokenKind.Literal : TokenKind.QuotedIdentifier;
                yield return new Token(kind, sql.Substring(start, i - start), start, depth);
            }
            else if (c == '$' && TryDollarQuote(sql, i, out var end, out var dollarClosed))
            {
                i = end;
                yield return new Token(dollarClosed ? TokenKind.Literal : TokenKind.Unreadable, sql.Substring(start, i - start), start, depth);
            }
            else if (c == Hole)
            {
                i++;
                yield return new Token(TokenKind.Hole, string.Empty, start, depth);
            }
            else if (IsWordChar(c))
            {
                while (i < sql.Length && IsWordChar(sql[i]))
                {
                    i++;
                }

                yield return new Token(TokenKind.Word, sql.Substring(start, i - start), start, depth);
            }
            else
            {
                i++;
                switch (c)
                {
                    case '(':
                        yield return new Token(TokenKind.OpenParen, "(", start, depth);
                        depth++;
                        break;
                    case ')':
                        depth = Math.Max(0, depth - 1);
                        yield return new Token(TokenKind.CloseParen, ")", start, depth);
                        break;
                    case ';':
                        yield return new Token(TokenKind.Semicolon, ";", start, depth);
                        break;
                    case ',':
                        yield return new Token(TokenKind.Comma, ",", start, depth);
                        break;
                    case '.':
                        yield return new Token(TokenKind.Dot, ".", start, depth); // schema.table
                        break;
                    default:
                        yield return new Token(TokenKind.Operator, c.ToString(), start, depth);
                        break;
                }
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == ':' || c == '?';

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static int IndexOrEnd(string s, int index) => index < 0 ? s.Length : index;

    private static int SkipBlockComment(string sql, int i, out bool closed)
    {
        closed = true;
        var nesting = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && At(sql, i + 1, '*'))
            {
                nesting++;
                i += 2;
            }
            else if (sql[i] == '*' && At(sql, i + 1, '/'))
            {
                i += 2;
                if (--nesting == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        closed = false;
        return sql.Length;
    }

    private static int SkipQuoted(string sql, int i, char close, out bool closed)
    {
        closed = true;
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                if (At(sql, i + 1, close))
                {
                    i += 2; // doubled quote: an escaped quote inside the literal
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        closed = false;
        return sql.Length;
    }

    private static bool TryDollarQuote(string sql, int i, out int end, out bool closed)
    {
        end = i;
        closed = true;
        var tagEnd = i + 1;
        while (tagEnd < sql.Length && (char.IsLetterOrDigit(sql[tagEnd]) || sql[tagEnd] == '_'))
        {
            tagEnd++;
        }

        if (!At(sql, tagEnd, '$'))
        {
            return false;
        }

        var tag = sql.Substring(i, tagEnd - i + 1);
        var close = sql.IndexOf(tag, tagEnd + 1, StringComparison.Ordinal);
        closed = close >= 0;
        end = close < 0 ? sql.Length : close + tag.Length;
        return true;
    }
}
