using System.Text;

namespace Hotfix.Migrations.Sql;

/// <summary>
/// Splits a SQL script into statements without understanding them, and never throws: whatever cannot be closed
/// (an unterminated string or comment) simply runs to the end of the script. It knows what hides a ';' — line and
/// (nested) block comments, '…' strings with '' and, for E'…' and MySQL, backslash escapes, "…", `…` and (T-SQL) […]
/// identifiers, PostgreSQL dollar-quoted bodies ($$…$$, $tag$…$tag$), BEGIN…END bodies of triggers and routines —
/// and what separates statements besides ';': drizzle-kit's <c>--&gt; statement-breakpoint</c>, T-SQL <c>GO</c> lines
/// and MySQL <c>DELIMITER</c> changes.
/// </summary>
internal static class SqlStatementSplitter
{
    public static IReadOnlyList<SqlStatement> Split(string? sql, MigrationDatabase database = MigrationDatabase.Unknown, int firstLine = 1)
    {
        var statements = new List<SqlStatement>();
        if (string.IsNullOrEmpty(sql))
        {
            return statements;
        }

        var state = new Splitter(sql!, database, firstLine, statements);
        state.Run();
        return statements;
    }

    private sealed class Splitter(string s, MigrationDatabase database, int firstLine, List<SqlStatement> output)
    {
        private readonly StringBuilder current = new();
        private int line = firstLine;
        private int startLine = -1;
        private string delimiter = ";";
        private int blockDepth;
        private bool routine;
        private bool sawCode;

        public void Run()
        {
            var i = 0;
            var atLineStart = true;
            while (i < s.Length)
            {
                if (atLineStart && TryLineDirective(ref i))
                {
                    continue;
                }

                var c = s[i];
                atLineStart = false;
                if (delimiter != ";" && blockDepth == 0 && string.CompareOrdinal(s, i, delimiter, 0, delimiter.Length) == 0)
                {
                    i += delimiter.Length;
                    Flush();
                    continue;
                }

                if (c == '\n')
                {
                    Append(c);
                    line++;
                    i++;
                    atLineStart = true;
                    continue;
                }

                if (c == '-' && At(i + 1) == '-' || c == '#' && database == MigrationDatabase.MySql)
                {
                    i = CopyUntilLineEnd(i);
                    continue;
                }

                if (c == '/' && At(i + 1) == '*')
                {
                    i = CopyBlockComment(i);
                    continue;
                }

                if (c == '\'')
                {
                    var backslash = database == MigrationDatabase.MySql || i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') && (i < 2 || !IsWordChar(s[i - 2]));
                    i = CopyQuoted(i, '\'', backslash);
                    continue;
                }

                if (c == '"' || c == '`')
                {
                    i = CopyQuoted(i, c, false);
                    continue;
                }

                if (c == '[' && database == MigrationDatabase.SqlServer)
                {
                    i = CopyQuoted(i, ']', false);
                    continue;
                }

                if (c == '$' && TryDollarTag(i, out var tag))
                {
                    i = CopyDollarBody(i, tag);
                    continue;
                }

                if (IsWordStart(c) && (i == 0 || !IsWordChar(s[i - 1])))
                {
                    i = CopyWord(i);
                    continue;
                }

                if (blockDepth == 0 && string.CompareOrdinal(s, i, delimiter, 0, delimiter.Length) == 0)
                {
                    i += delimiter.Length;
                    Flush();
                    continue;
                }

                if (!char.IsWhiteSpace(c))
                {
                    MarkCode();
                }

                Append(c);
                i++;
            }

            Flush();
        }

        /// <summary>Handles separators that own a whole line: statement-breakpoint, GO, DELIMITER.</summary>
        private bool TryLineDirective(ref int i)
        {
            var end = s.IndexOf('\n', i);
            var lineEnd = end < 0 ? s.Length : end;
            var text = s.AsSpan(i, lineEnd - i).Trim();
            if (text.StartsWith("--> statement-breakpoint", StringComparison.OrdinalIgnoreCase))
            {
                Flush();
                i = lineEnd;
                return true;
            }

            if (blockDepth == 0 && IsGo(text))
            {
                Flush();
                i = lineEnd;
                return true;
            }

            if (text.StartsWith("DELIMITER ", StringComparison.OrdinalIgnoreCase) && current.ToString().Trim().Length == 0)
            {
                var value = text.Slice(10).Trim().ToString();
                if (value.Length > 0)
                {
                    Flush();
                    delimiter = value;
                    i = lineEnd;
                    return true;
                }
            }

            return false;
        }

        private static bool IsGo(ReadOnlySpan<char> text)
        {
            if (text.Length < 2 || !text.Slice(0, 2).Equals("GO".AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var rest = text.Slice(2).Trim();
            foreach (var ch in rest)
            {
                if (!char.IsDigit(ch))
                {
                    return rest.StartsWith("--");
                }
            }

            return true;
        }

        private int CopyUntilLineEnd(int i)
        {
            var end = s.IndexOf('\n', i);
            end = end < 0 ? s.Length : end;
            current.Append(s, i, end - i);
            return end;
        }

        private int CopyBlockComment(int i)
        {
            var depth = 0;
            var j = i;
            while (j < s.Length)
            {
                if (s[j] == '/' && At(j + 1) == '*')
                {
                    depth++;
                    Append('/');
                    Append('*');
                    j += 2;
                    continue;
                }

                if (s[j] == '*' && At(j + 1) == '/')
                {
                    depth--;
                    Append('*');
                    Append('/');
                    j += 2;
                    if (depth == 0)
                    {
                        return j;
                    }

                    continue;
                }

                CountLine(s[j]);
                Append(s[j]);
                j++;
            }

            return j;
        }

        private int CopyQuoted(int i, char close, bool backslash)
        {
            MarkCode();
            Append(s[i]);
            var j = i + 1;
            while (j < s.Length)
            {
                var ch = s[j];
                if (backslash && ch == '\\' && j + 1 < s.Length)
                {
                    Append(ch);
                    CountLine(s[j + 1]);
                    Append(s[j + 1]);
                    j += 2;
                    continue;
                }

                CountLine(ch);
                Append(ch);
                j++;
                if (ch == close)
                {
                    if (At(j) == close)
                    {
                        Append(close);
                        j++;
                        continue;
                    }

                    return j;
                }
            }

            return j;
        }

        private bool TryDollarTag(int i, out string tag)
        {
            tag = string.Empty;
            if (i > 0 && IsWordChar(s[i - 1]))
            {
                return false;
            }

            var j = i + 1;
            while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_'))
            {
                j++;
            }

            if (j >= s.Length || s[j] != '$' || j > i + 1 && char.IsDigit(s[i + 1]))
            {
                return false;
            }

            tag = s.Substring(i, j - i + 1);
            return true;
        }

        private int CopyDollarBody(int i, string tag)
        {
            MarkCode();
            var close = s.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
            var end = close < 0 ? s.Length : close + tag.Length;
            for (var j = i; j < end; j++)
            {
                CountLine(s[j]);
            }

            current.Append(s, i, end - i);
            return end;
        }

        private int CopyWord(int i)
        {
            var j = i;
            while (j < s.Length && IsWordChar(s[j]))
            {
                j++;
            }

            var word = s.AsSpan(i, j - i);
            MarkCode();
            TrackBlocks(word, j);
            current.Append(s, i, j - i);
            return j;
        }

        /// <summary>Trigger and routine bodies (MySQL, SQLite, T-SQL) hold ';' inside BEGIN … END.</summary>
        private void TrackBlocks(ReadOnlySpan<char> word, int after)
        {
            if (!routine)
            {
                if (word.Equals("TRIGGER", StringComparison.OrdinalIgnoreCase) || word.Equals("PROCEDURE", StringComparison.OrdinalIgnoreCase)
                    || word.Equals("FUNCTION", StringComparison.OrdinalIgnoreCase) || word.Equals("EVENT", StringComparison.OrdinalIgnoreCase))
                {
                    routine = current.ToString().TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase);
                }

                return;
            }

            if (word.Equals("BEGIN", StringComparison.OrdinalIgnoreCase) || word.Equals("CASE", StringComparison.OrdinalIgnoreCase) && blockDepth > 0)
            {
                blockDepth++;
            }
            else if (word.Equals("END", StringComparison.OrdinalIgnoreCase) && blockDepth > 0)
            {
                var next = NextWord(after);
                if (!next.Equals("IF", StringComparison.OrdinalIgnoreCase) && !next.Equals("LOOP", StringComparison.OrdinalIgnoreCase)
                    && !next.Equals("WHILE", StringComparison.OrdinalIgnoreCase) && !next.Equals("REPEAT", StringComparison.OrdinalIgnoreCase))
                {
                    blockDepth--;
                }
            }
        }

        private ReadOnlySpan<char> NextWord(int i)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
            {
                i++;
            }

            var j = i;
            while (j < s.Length && IsWordChar(s[j]))
            {
                j++;
            }

            return s.AsSpan(i, j - i);
        }

        private void Flush()
        {
            if (sawCode)
            {
                var text = current.ToString().Trim();
                if (text.Length > 0)
                {
                    output.Add(new SqlStatement(text, startLine < 0 ? line : startLine));
                }
            }

            current.Clear();
            startLine = -1;
            sawCode = false;
            blockDepth = 0;
            routine = false;
        }

        private void MarkCode()
        {
            if (!sawCode)
            {
                sawCode = true;
                startLine = line;
            }
        }

        private void CountLine(char c)
        {
            if (c == '\n')
            {
                line++;
            }
        }

        private void Append(char c) => current.Append(c);

        private char At(int i) => i < s.Length ? s[i] : '\0';

        private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
    }
}
