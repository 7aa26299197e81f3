using System.Text;

namespace Hotfix.Migrations.Code;

/// <summary>
/// A source file of a migration DSL (Ruby, Python, JavaScript/TypeScript) prepared for call-pattern reading: a mask of
/// the same length in which comments are blanked and string contents replaced, so brackets, commas and call names can
/// be found without being fooled by text inside strings, while literal values are read from the original.
/// </summary>
internal sealed class CodeText
{
    private readonly int[] lineStarts;
    private readonly bool[] literal;

    public CodeText(string text, SourceLanguage language)
    {
        Text = text;
        Language = language;
        literal = new bool[text.Length];
        Mask = BuildMask(text, language, literal);
        var starts = new List<int> { 0 };
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '\n')
            {
                starts.Add(k + 1);
            }
        }

        lineStarts = [.. starts];
    }

    public string Text { get; }

    /// <summary>Same length as <see cref="Text"/>: comments are spaces, string contents are '_' (quotes kept).</summary>
    public string Mask { get; }

    public SourceLanguage Language { get; }

    /// <summary>
    /// The character is part of a string's contents. A line of a multi-line (triple-quoted, template, heredoc) string
    /// is text, not code: its indentation says nothing about where a block ends.
    /// </summary>
    public bool InString(int offset) => offset >= 0 && offset < literal.Length && literal[offset];

    /// <summary>1-based line of a character offset.</summary>
    public int LineOf(int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        return (index < 0 ? ~index - 1 : index) + 1;
    }

    /// <summary>The offset just past the bracket that closes the one at <paramref name="open"/>; the text end when unclosed.</summary>
    public int MatchingClose(int open)
    {
        var depth = 0;
        for (var k = open; k < Mask.Length; k++)
        {
            var c = Mask[k];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    return k + 1;
                }
            }
        }

        return Mask.Length;
    }

    /// <summary>Every call <c>name(…)</c> (optionally <c>receiver.name(…)</c>) between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public IEnumerable<CodeCall> Calls(int from, int to, Func<string, bool> wanted, bool allowBareRubyCalls = false)
    {
        to = Math.Min(to, Mask.Length);
        var k = from;
        while (k < to)
        {
            if (!IsWordStart(Mask[k]) || k > 0 && (IsWordChar(Mask[k - 1]) || Mask[k - 1] == ':' && Language == SourceLanguage.Ruby && k > 1 && Mask[k - 2] != ':'))
            {
                k++;
                continue;
            }

            var end = k;
            while (end < to && IsWordChar(Mask[end]))
            {
                end++;
            }

            if (end < to && Language == SourceLanguage.Ruby && (Mask[end] == '!' || Mask[end] == '?'))
            {
                end++;
            }

            var name = Text[k..end];
            if (!wanted(name))
            {
                k = end;
                continue;
            }

            var receiverStart = k;
            while (receiverStart > 0 && (Mask[receiverStart - 1] == '.' || IsWordChar(Mask[receiverStart - 1]) || Mask[receiverStart - 1] == ':'))
            {
                receiverStart--;
            }

            var receiver = receiverStart < k ? Text[receiverStart..(k - 1)].TrimEnd('.') : string.Empty;
            var p = end;
            while (p < to && Mask[p] is ' ' or '\t')
            {
                p++;
            }

            if (p < Mask.Length && Mask[p] == '(')
            {
                var close = MatchingClose(p);
                yield return new CodeCall(name, receiver, k, p + 1, Math.Max(p + 1, close - 1), this);

                // Go on inside the arguments: callbacks (Knex alterTable, Rails blocks) hold calls of their own.
                k = p + 1;
                continue;
            }

            if (allowBareRubyCalls && p < Mask.Length && p > end && Mask[p] != '\n' && Mask[p] != '=' && Mask[p] != '.')
            {
                // Ruby without parentheses: arguments run to the end of the line (and on past a trailing comma).
                var stop = p;
                while (stop < Mask.Length)
                {
                    var nl = Mask.IndexOf('\n', stop);
                    var lineEnd = nl < 0 ? Mask.Length : nl;
                    var depthClose = lineEnd;
                    var trimmed = Mask[stop..lineEnd].TrimEnd();
                    stop = depthClose;
                    if (!trimmed.EndsWith(',') && !InString(nl) || nl < 0)
                    {
                        break;
                    }

                    stop = nl + 1;
                }

                // A one-line block or statement ends the arguments: `safety_assured { remove_column :users, :token }`,
                // `dir.up { … }; dir.down { … }` — the brace closes the block, not an argument.
                stop = ArgumentsClose(p, stop);
                var argsEnd = stop;
                var doBlock = Mask.IndexOf(" do", p, Math.Max(0, argsEnd - p), StringComparison.Ordinal);
                if (doBlock >= 0)
                {
                    argsEnd = doBlock;
                }

                yield return new CodeCall(name, receiver, k, p, argsEnd, this);
                k = stop;
                continue;
            }

            if (allowBareRubyCalls && (p >= Mask.Length || Mask[p] == '\n'))
            {
                yield return new CodeCall(name, receiver, k, p, p, this);
            }

            k = end;
        }
    }

    /// <summary>Where the bare call's arguments from <paramref name="from"/> stop before <paramref name="to"/>: at a bracket they did not open, or a <c>;</c>.</summary>
    private int ArgumentsClose(int from, int to)
    {
        var depth = 0;
        for (var k = from; k < to; k++)
        {
            switch (Mask[k])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth == 0:
                    return k;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case ';' when depth == 0:
                    return k;
            }
        }

        return to;
    }

    /// <summary>Top-level comma-separated pieces of [from, to), trimmed, with their offsets.</summary>
    public List<(int Start, int End)> SplitTopLevel(int from, int to)
    {
        var parts = new List<(int, int)>();
        var depth = 0;
        var start = from;
        for (var k = from; k < to && k < Mask.Length; k++)
        {
            var c = Mask[k];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                Add(start, k);
                start = k + 1;
            }
        }

        Add(start, Math.Min(to, Mask.Length));
        return parts;

        void Add(int s, int e)
        {
            while (s < e && char.IsWhiteSpace(Text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(Text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                parts.Add((s, e));
            }
        }
    }

    /// <summary>The value of a literal (string, symbol, heredoc, boolean, number) spanning [start, end), else null.</summary>
    public string? Literal(int start, int end)
    {
        var raw = Text[start..end].Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (Language == SourceLanguage.Ruby && raw.StartsWith(':') && raw.Length > 1 && raw[1] != ':')
        {
            return raw[1..].Trim('"', '\'');
        }

        if (Language is SourceLanguage.Ruby or SourceLanguage.Php && raw.StartsWith("<<", StringComparison.Ordinal)
            && HeredocAt(Text, Text.IndexOf('<', start), Language) is { } heredoc)
        {
            return Text[heredoc.ContentStart..heredoc.ContentEnd];
        }

        if (Language == SourceLanguage.Ruby && Delimited(raw, 0) is { } delimited && raw[delimited.End..].All(char.IsLetter))
        {
            return raw[delimited.ContentStart..delimited.ContentEnd];
        }

        // Python string prefixes (r, b, f, u).
        var offset = 0;
        while (offset < raw.Length && offset < 2 && char.IsLetter(raw[offset]) && Language == SourceLanguage.Python)
        {
            offset++;
        }

        if (offset < raw.Length && raw[offset] is '"' or '\'' or '`')
        {
            return Concatenated(raw[offset..]);
        }

        // A parenthesised or commented concatenation of literals: ('a ' + // why\n 'b').
        if (raw[0] == '(' || Language == SourceLanguage.JavaScript && raw.StartsWith("/*", StringComparison.Ordinal))
        {
            return Concatenated(raw) ?? raw;
        }

        return raw;
    }

    /// <summary>String literals joined by + (or adjacent in Python), with escapes resolved.</summary>
    private string? Concatenated(string raw)
    {
        var result = new StringBuilder();
        var k = 0;
        var any = false;
        while (k < raw.Length)
        {
            var c = raw[k];
            if (c is '"' or '\'' or '`')
            {
                var triple = Language == SourceLanguage.Python && k + 2 < raw.Length && raw[k + 1] == c && raw[k + 2] == c;
                var close = triple ? raw.IndexOf(new string(c, 3), k + 3, StringComparison.Ordinal) : FindClose(raw, k + 1, c);
                var bodyStart = k + (triple ? 3 : 1);
                var bodyEnd = close < 0 ? raw.Length : close;
                result.Append(Unescape(raw[bodyStart..bodyEnd]));
                any = true;
                k = close < 0 ? raw.Length : close + (triple ? 3 : 1);
                continue;
            }

            if (c is '+' or ' ' or '\t' or '\r' or '\n' or '\\' || char.IsLetter(c) && Language == SourceLanguage.Python)
            {
                k++;
                continue;
            }

            // Generated and hand-split SQL puts comments and grouping parentheses between the pieces: neither is text.
            if (Language == SourceLanguage.JavaScript && c == '/' && k + 1 < raw.Length && raw[k + 1] is '/' or '*')
            {
                var end = raw[k + 1] == '/' ? raw.IndexOf('\n', k) : raw.IndexOf("*/", k + 2, StringComparison.Ordinal);
                k = end < 0 ? raw.Length : end + (raw[k + 1] == '/' ? 1 : 2);
                continue;
            }

            if (c is '(' or ')')
            {
                k++;
                continue;
            }

            if (c == '.' && raw.AsSpan(k).StartsWith(".strip()", StringComparison.Ordinal))
            {
                k += 8;
                continue;
            }

            return any ? result.ToString() : null;
        }

        return any ? result.ToString() : null;
    }

    private static int FindClose(string raw, int from, char quote)
    {
        for (var k = from; k < raw.Length; k++)
        {
            if (raw[k] == '\\')
            {
                k++;
                continue;
            }

            if (raw[k] == quote)
            {
                return k;
            }
        }

        return -1;
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\'))
        {
            return s;
        }

        var b = new StringBuilder(s.Length);
        for (var k = 0; k < s.Length; k++)
        {
            if (s[k] == '\\' && k + 1 < s.Length)
            {
                k++;
                b.Append(s[k] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => s[k] });
                continue;
            }

            b.Append(s[k]);
        }

        return b.ToString();
    }

    /// <summary>
    /// A Ruby or Elixir string that does not start with a plain quote, at <paramref name="k"/>: a triple-quoted string
    /// (Elixir's <c>"""</c> heredoc), a sigil (<c>~s(…)</c>, <c>~S[…]</c>, <c>~s"…"</c>, <c>~s"""…"""</c>) or a Ruby
    /// percent literal (<c>%q{…}</c>, <c>%Q(…)</c>, <c>%(…)</c> where an argument starts); null when none starts there.
    /// Bracket delimiters nest, as both languages nest them.
    /// </summary>
    private static (int ContentStart, int ContentEnd, int End)? Delimited(string s, int k)
    {
        var c = At(s, k);
        int open;
        if (c is '"' or '\'' && At(s, k + 1) == c && At(s, k + 2) == c)
        {
            open = k;
        }
        else if (c == '~' && char.IsLetter(At(s, k + 1)) && IsDelimiter(At(s, k + 2)))
        {
            open = k + 2;
        }
        else if (c == '%' && At(s, k + 1) is 'q' or 'Q' or 'w' or 'W' or 'i' or 'I' && IsDelimiter(At(s, k + 2)) && (k == 0 || !IsWordChar(s[k - 1])))
        {
            open = k + 2;
        }
        else if (c == '%' && At(s, k + 1) is '(' or '[' or '{' or '<' or '|' && (k == 0 || s[k - 1] is ' ' or '\t' or '(' or ',') && !char.IsWhiteSpace(At(s, k + 2)))
        {
            open = k + 1; // `execute %(…)`; `a % (b)` and `a %(b)` after an operand stay arithmetic
        }
        else
        {
            return null;
        }

        var quote = s[open];
        if (quote is '"' or '\'' && At(s, open + 1) == quote && At(s, open + 2) == quote)
        {
            var triple = s.IndexOf(new string(quote, 3), open + 3, StringComparison.Ordinal);
            return triple < 0 ? (open + 3, s.Length, s.Length) : (open + 3, triple, triple + 3);
        }

        var close = quote switch { '(' => ')', '[' => ']', '{' => '}', '<' => '>', _ => quote };
        var depth = 0;
        for (var p = open + 1; p < s.Length; p++)
        {
            if (s[p] == '\\')
            {
                p++;
            }
            else if (s[p] == close && depth == 0)
            {
                return (open + 1, p, p + 1);
            }
            else if (s[p] == close)
            {
                depth--;
            }
            else if (s[p] == quote && close != quote)
            {
                depth++;
            }
        }

        return (open + 1, s.Length, s.Length);
    }

    /// <summary>
    /// A heredoc opening at <paramref name="k"/>, null when none does. Ruby's <c>&lt;&lt;~SQL</c> (also <c>&lt;&lt;-</c>
    /// and quoted identifiers) ends at a line that is the identifier alone; PHP's heredoc or nowdoc
    /// (<c>&lt;&lt;&lt;SQL</c>, <c>&lt;&lt;&lt;'SQL'</c>) at a line that starts, after indentation (PHP 7.3+), with the
    /// identifier and may go on with <c>);</c>. The body is the lines between; unclosed, it runs to the end.
    /// </summary>
    private static HeredocSpan? HeredocAt(string s, int k, SourceLanguage language)
    {
        var php = language == SourceLanguage.Php;
        var opener = php ? "<<<" : "<<";
        if (k < 0 || !s.AsSpan(k).StartsWith(opener, StringComparison.Ordinal))
        {
            return null;
        }

        var idStart = k + opener.Length;
        while (idStart < s.Length && (php ? s[idStart] is ' ' or '\t' : s[idStart] is '~' or '-') || idStart < s.Length && s[idStart] is '\'' or '"')
        {
            idStart++;
        }

        var idEnd = idStart;
        while (idEnd < s.Length && IsWordChar(s[idEnd]))
        {
            idEnd++;
        }

        var bodyStart = s.IndexOf('\n', idEnd);
        if (idEnd == idStart || bodyStart < 0)
        {
            return null;
        }

        var id = s.AsSpan(idStart, idEnd - idStart);
        for (var p = bodyStart + 1; p < s.Length;)
        {
            var lineEnd = s.IndexOf('\n', p) is var nl && nl < 0 ? s.Length : nl;
            var line = s.AsSpan(p, lineEnd - p).Trim();
            if (php ? line.StartsWith(id, StringComparison.Ordinal) && (line.Length == id.Length || !IsWordChar(line[id.Length])) : line.SequenceEqual(id))
            {
                return new HeredocSpan(idEnd, bodyStart + 1, p, lineEnd);
            }

            p = lineEnd + 1;
        }

        return new HeredocSpan(idEnd, bodyStart + 1, s.Length, s.Length);
    }

    private static bool IsDelimiter(char c) => c is '(' or '[' or '{' or '<' or '|' or '/' or '"' or '\'' or '!';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string BuildMask(string s, SourceLanguage language, bool[] literal)
    {
        var m = s.ToCharArray();
        var k = 0;
        while (k < s.Length)
        {
            var c = s[k];
            var lineComment = language is SourceLanguage.Ruby or SourceLanguage.Python ? c == '#'
                : c == '/' && At(s, k + 1) == '/' || language == SourceLanguage.Php && c == '#' && At(s, k + 1) != '['; // PHP 8 attributes are #[…]
            if (lineComment)
            {
                while (k < s.Length && s[k] != '\n')
                {
                    m[k++] = ' ';
                }

                continue;
            }

            if (language is SourceLanguage.JavaScript or SourceLanguage.Php && c == '/' && At(s, k + 1) == '*')
            {
                var end = s.IndexOf("*/", k + 2, StringComparison.Ordinal);
                end = end < 0 ? s.Length : end + 2;
                Blank(m, k, end);
                k = end;
                continue;
            }

            // Ruby: the body and its closing line are the string; the rest of the opener's line (`.squish`, more
            // arguments) is code. PHP: the closing identifier's line goes on with code (`SQL);`).
            if (language == SourceLanguage.Ruby && c == '<' && At(s, k + 1) == '<' && (At(s, k + 2) is '~' or '-' || char.IsUpper(At(s, k + 2)))
                && HeredocAt(s, k, language) is { } ruby)
            {
                Fill(m, literal, ruby.ContentStart, ruby.ClosingLineEnd);
                k = ruby.IdEnd;
                continue;
            }

            if (language == SourceLanguage.Php && HeredocAt(s, k, language) is { } heredoc)
            {
                Fill(m, literal, heredoc.ContentStart, heredoc.ContentEnd);
                k = heredoc.ContentEnd;
                continue;
            }

            if (language == SourceLanguage.Ruby && Delimited(s, k) is { } delimited)
            {
                Fill(m, literal, delimited.ContentStart, delimited.ContentEnd);
                k = delimited.End;
                continue;
            }

            if (c is '"' or '\'' || c == '`' && language == SourceLanguage.JavaScript)
            {
                var triple = language == SourceLanguage.Python && At(s, k + 1) == c && At(s, k + 2) == c;
                int end;
                if (triple)
                {
                    var close = s.IndexOf(new string(c, 3), k + 3, StringComparison.Ordinal);
                    end = close < 0 ? s.Length : close + 3;
                    Fill(m, literal, k + 3, Math.Max(k + 3, end - 3));
                }
                else
                {
                    end = k + 1;
                    while (end < s.Length && s[end] != c && (s[end] != '\n' || c == '`'))
                    {
                        end += s[end] == '\\' ? 2 : 1;
                    }

                    end = Math.Min(end + 1, s.Length);
                    Fill(m, literal, k + 1, Math.Max(k + 1, end - 1));
                }

                k = end;
                continue;
            }

            k++;
        }

        return new string(m);
    }

    private static void Blank(char[] m, int from, int to)
    {
        for (var k = from; k < to && k < m.Length; k++)
        {
            if (m[k] != '\n')
            {
                m[k] = ' ';
            }
        }
    }

    private static void Fill(char[] m, bool[] literal, int from, int to)
    {
        for (var k = from; k < to && k < m.Length; k++)
        {
            literal[k] = true;
            if (m[k] != '\n')
            {
                m[k] = '_';
            }
        }
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';
}

/// <summary>A call found in a <see cref="CodeText"/>: name, receiver text, and the span of its arguments.</summary>
internal sealed class CodeCall(string name, string receiver, int start, int argsStart, int argsEnd, CodeText code)
{
    public string Name { get; } = name;

    /// <summary>What the call is made on (e.g. <c>op</c>, <c>migrations</c>, <c>queryRunner</c>); empty for a bare call.</summary>
    public string Receiver { get; } = receiver;

    public int Start { get; } = start;

    public int ArgsStart { get; } = argsStart;

    public int ArgsEnd { get; } = argsEnd;

    public int Line => code.LineOf(Start);

    public string ArgumentsText => code.Text[ArgsStart..Math.Max(ArgsStart, ArgsEnd)];

    private List<CodeArgument>? arguments;

    /// <summary>Arguments in order; keyword arguments (<c>key: v</c>, <c>key=v</c>) carry their key.</summary>
    public IReadOnlyList<CodeArgument> Arguments => arguments ??= Parse();

    public string? Positional(int index) =>
        Arguments.Where(a => a.Key is null).ElementAtOrDefault(index)?.Value;

    /// <summary>
    /// This call read as <paramref name="twinName"/> with <paramref name="first"/> before its own arguments: a block call
    /// on a table (Rails' <c>t.references :customer</c> inside <c>change_table :orders</c>) is its table-level twin
    /// (<c>add_reference :orders, :customer</c>), so one reading serves both spellings.
    /// </summary>
    public CodeCall WithFirstArgument(string twinName, string first) =>
        Twin(twinName, [new CodeArgument(null, first, first, ArgsStart, ArgsStart), .. Arguments]);

    /// <summary>This call read as <paramref name="twinName"/> with <paramref name="twinArguments"/> (Rails' <c>t.string :a</c> in a <c>change_table</c> is <c>add_column :t, :a, :string</c>).</summary>
    public CodeCall Twin(string twinName, IEnumerable<CodeArgument> twinArguments) =>
        new(twinName, string.Empty, Start, ArgsStart, ArgsEnd, code) { arguments = [.. twinArguments] };

    public string? Keyword(string key) => Arguments.FirstOrDefault(a => a.Key == key)?.Value;

    public bool HasKeyword(string key) => Arguments.Any(a => a.Key == key);

    public string Text => SqlStatementText();

    private string SqlStatementText()
    {
        var end = Math.Min(code.Text.Length, ArgsEnd + 1);
        return Sql.SqlStatementRecognizer.OneLine(code.Text[Start..end]);
    }

    private List<CodeArgument> Parse()
    {
        var result = new List<CodeArgument>();
        foreach (var (s, e) in code.SplitTopLevel(ArgsStart, ArgsEnd))
        {
            var key = KeyOf(s, e, out var valueStart);
            result.Add(new CodeArgument(key, code.Literal(valueStart, e), code.Text[valueStart..e], valueStart, e));
        }

        return result;
    }

    private string? KeyOf(int s, int e, out int valueStart)
    {
        valueStart = s;
        var k = s;
        while (k < e && (char.IsLetterOrDigit(code.Mask[k]) || code.Mask[k] == '_'))
        {
            k++;
        }

        if (k == s || k >= e)
        {
            return null;
        }

        var p = k;
        while (p < e && code.Mask[p] == ' ')
        {
            p++;
        }

        if (p < e && (code.Language == SourceLanguage.Python && code.Mask[p] == '=' && At(p + 1) != '='
                      || code.Language == SourceLanguage.Ruby && code.Mask[k] == ':' && At(k + 1) != ':'))
        {
            valueStart = p + 1;
            while (valueStart < e && char.IsWhiteSpace(code.Text[valueStart]))
            {
                valueStart++;
            }

            return code.Text[s..k];
        }

        return null;
    }

    private char At(int k) => k < code.Mask.Length ? code.Mask[k] : '\0';
}

/// <summary>One argument: its keyword (or null), literal value (or the raw text when not a literal) and span.</summary>
internal sealed record CodeArgument(string? Key, string? Value, string Raw, int Start, int End);

/// <summary>Where a heredoc's identifier ends, its body, and the end of its closing line.</summary>
internal readonly record struct HeredocSpan(int IdEnd, int ContentStart, int ContentEnd, int ClosingLineEnd);
