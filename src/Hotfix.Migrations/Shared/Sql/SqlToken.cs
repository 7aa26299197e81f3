namespace Hotfix.Migrations.Sql;

internal enum SqlTokenKind
{
    Word,
    QuotedName,
    String,
    Number,
    Symbol,
}

/// <summary>A token of one statement. <see cref="Upper"/> is the upper-cased text of a bare word (keywords compare on it).</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Depth)
{
    public string Upper => Kind == SqlTokenKind.Word ? Text.ToUpperInvariant() : string.Empty;

    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedName;

    public bool Is(string keyword) => Kind == SqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;

    public override string ToString() => Text;
}

/// <summary>Tokenises one statement; comments are dropped, every token records its parenthesis depth.</summary>
internal static class SqlTokenizer
{
    public static List<SqlToken> Tokenize(string text, MigrationDatabase database)
    {
        var tokens = new List<SqlToken>();
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(text, i + 1) == '-' || c == '#' && database == MigrationDatabase.MySql)
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end;
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                i = SkipBlockComment(text, i);
            }
            else if (c == '\'' || (c is 'E' or 'e' or 'N' or 'n') && At(text, i + 1) == '\'')
            {
                var start = c == '\'' ? i : i + 1;
                var end = ReadQuoted(text, start, '\'', database == MigrationDatabase.MySql || c is 'E' or 'e');
                tokens.Add(new SqlToken(SqlTokenKind.String, Unquote(text, start, end, '\''), depth));
                i = end;
            }
            else if (c == '"' || c == '`' || c == '[' && database == MigrationDatabase.SqlServer)
            {
                var close = c == '[' ? ']' : c;
                var end = ReadQuoted(text, i, close, false);
                tokens.Add(new SqlToken(SqlTokenKind.QuotedName, Unquote(text, i, end, close), depth));
                i = end;
            }
            else if (c == '$' && DollarTag(text, i) is { } tag)
            {
                var close = text.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                var end = close < 0 ? text.Length : close + tag.Length;
                var bodyStart = Math.Min(i + tag.Length, end);
                tokens.Add(new SqlToken(SqlTokenKind.String, text.Substring(bodyStart, Math.Max(bodyStart, end - (close < 0 ? 0 : tag.Length)) - bodyStart), depth));
                i = end;
            }
            else if (char.IsLetter(c) || c == '_' || c == '@')
            {
                var j = i + 1;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] is '_' or '$' or '@' or '#'))
                {
                    j++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, text.Substring(i, j - i), depth));
                i = j;
            }
            else if (char.IsDigit(c))
            {
                var j = i + 1;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '.'))
                {
                    j++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, text.Substring(i, j - i), depth));
                i = j;
            }
            else
            {
                if (c == ')')
                {
                    depth = Math.Max(0, depth - 1);
                }

                var symbol = c == ':' && At(text, i + 1) == ':' ? "::" : c.ToString();
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, symbol, depth));
                if (c == '(')
                {
                    depth++;
                }

                i += symbol.Length;
            }
        }

        return tokens;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int SkipBlockComment(string s, int i)
    {
        var depth = 0;
        while (i < s.Length)
        {
            if (s[i] == '/' && At(s, i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else if (s[i] == '*' && At(s, i + 1) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int ReadQuoted(string s, int i, char close, bool backslash)
    {
        var j = i + 1;
        while (j < s.Length)
        {
            if (backslash && s[j] == '\\')
            {
                j += 2;
                continue;
            }

            if (s[j] == close)
            {
                if (At(s, j + 1) == close)
                {
                    j += 2;
                    continue;
                }

                return j + 1;
            }

            j++;
        }

        return s.Length;
    }

    private static string Unquote(string s, int start, int end, char close)
    {
        var inner = s.Substring(start + 1, Math.Max(0, Math.Min(end, s.Length) - start - 1));
        if (inner.Length > 0 && inner[inner.Length - 1] == close)
        {
            inner = inner.Substring(0, inner.Length - 1);
        }

        var doubled = new string(close, 2);
        return inner.Replace(doubled, close.ToString());
    }

    private static string? DollarTag(string s, int i)
    {
        var j = i + 1;
        while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_'))
        {
            j++;
        }

        return j < s.Length && s[j] == '$' && !(j > i + 1 && char.IsDigit(s[i + 1])) ? s.Substring(i, j - i + 1) : null;
    }
}
