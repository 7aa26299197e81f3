using System.Text;

namespace Hotfix.Migrations.Code;

/// <summary>
/// A DSL migration (Ruby, Python, JavaScript/TypeScript) as the tokens that decide what it runs: comments, blank lines
/// and the layout inside brackets are gone, so two versions compare equal when only a formatter or a comment touched
/// them (black, prettier, rubocop's quote style). Where layout carries meaning it stays: Python's logical lines and
/// their indentation, Ruby's statement-ending line breaks, and JavaScript's line break after <c>return</c>.
/// A difference the reading cannot prove harmless stays a difference — the comparison errs toward "edited".
/// </summary>
internal static class CodeTokens
{
    public static List<string> Of(string text, SourceLanguage language)
    {
        var code = new CodeText(text, language);
        var mask = code.Mask;
        var tokens = new List<string>();
        var groups = new Stack<Group>();
        var lineBreak = false;
        var k = 0;
        while (k < mask.Length)
        {
            var c = mask[k];
            if (code.InString(k))
            {
                var end = k;
                while (end < mask.Length && code.InString(end))
                {
                    end++;
                }

                tokens.Add("s:" + text[k..end]);
                k = end;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                lineBreak |= c == '\n' && Breaks(language, groups);
                k++;
                continue;
            }

            if (lineBreak)
            {
                LineBreak(tokens, language, text, k, mask);
                lineBreak = false;
            }

            if (IsWordChar(c))
            {
                var end = k;
                while (end < mask.Length && IsWordChar(mask[end]) && !code.InString(end))
                {
                    end++;
                }

                tokens.Add(text[k..end]);
                k = end;
                continue;
            }

            if (c is '"' or '\'' && SimpleString(code, k) is { } simple)
            {
                tokens.Add(simple.Token);
                k = simple.End;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                var call = tokens.Count > 0 && (IsWordChar(tokens[^1][^1]) && !tokens[^1].StartsWith("s:", StringComparison.Ordinal) || tokens[^1] is ")" or "]");
                groups.Push(new Group(c, call));
            }
            else if (c is ')' or ']' or '}')
            {
                var group = groups.Count > 0 ? groups.Pop() : new Group(c, false);
                // A trailing comma (black's "magic trailing comma", prettier's trailingComma) changes nothing, except
                // the one comma of Python's one-element tuple: (x,) is a tuple, (x) is x — and d[x,] indexes by (x,).
                var harmless = language != SourceLanguage.Python || group.Commas > 1 || c switch
                {
                    ')' => group.Call,
                    ']' => !group.Call,
                    _ => true,
                };
                if (tokens.Count > 0 && tokens[^1] == "," && harmless)
                {
                    tokens.RemoveAt(tokens.Count - 1);
                }
            }
            else if (c == ',' && groups.Count > 0)
            {
                groups.Peek().Commas++;
            }
            else if (c == ';' && language == SourceLanguage.JavaScript && EndsLine(mask, k + 1))
            {
                // prettier's `semi` option: a semicolon ending a line is what automatic semicolon insertion would add.
                k++;
                continue;
            }

            tokens.Add(c.ToString());
            k++;
        }

        return tokens;
    }

    /// <summary>
    /// Python: a new logical line with its indentation (blocks are indentation). Ruby: a statement ends (a break after
    /// a comma, an operator or before a leading-dot call continues the statement). JavaScript: only the break after
    /// <c>return</c>, <c>throw</c>, <c>break</c>, <c>continue</c> and <c>yield</c> changes meaning.
    /// </summary>
    private static void LineBreak(List<string> tokens, SourceLanguage language, string text, int next, string mask)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        var last = tokens[^1];
        switch (language)
        {
            case SourceLanguage.Python:
                var lineStart = text.LastIndexOf('\n', next) + 1;
                tokens.Add("\n" + text[lineStart..next]);
                break;
            case SourceLanguage.Ruby when last is not ("," or "." or "\\" or "+" or "-" or "*" or "/" or "|" or "&" or "=" or "{" or "\n")
                && mask[next] is not ('.' or '}') && !(mask[next] == '&' && next + 1 < mask.Length && mask[next + 1] == '.'):
                tokens.Add("\n");
                break;
            case SourceLanguage.JavaScript when last is "return" or "throw" or "break" or "continue" or "yield":
                tokens.Add("\n");
                break;
        }
    }

    /// <summary>
    /// A string with one quote each side and nothing that reads differently between quote styles (no escape, no Ruby
    /// or PHP interpolation): 'x' and "x" are the same value.
    /// </summary>
    private static (string Token, int End)? SimpleString(CodeText code, int open)
    {
        var quote = code.Mask[open];
        var k = open + 1;
        while (k < code.Mask.Length && code.InString(k))
        {
            k++;
        }

        if (k >= code.Mask.Length || code.Mask[k] != quote || k + 1 < code.Mask.Length && code.Mask[k + 1] == quote && k == open + 1)
        {
            // Unclosed, or "" followed by a quote: Python's triple quotes; left as they are.
            return null;
        }

        var content = code.Text[(open + 1)..k];
        if (content.Contains('\\') || code.Language == SourceLanguage.Ruby && content.Contains('#') || code.Language == SourceLanguage.Php && content.Contains('$'))
        {
            return null;
        }

        return (new StringBuilder("s:\"").Append(content).Append('"').ToString(), k + 1);
    }

    /// <summary>
    /// Whether a line break here can matter: Python joins the lines inside any bracket, Ruby inside parentheses and
    /// square brackets (a brace block holds statements), JavaScript's few breaks that matter may sit at any depth.
    /// </summary>
    private static bool Breaks(SourceLanguage language, Stack<Group> groups) => language switch
    {
        SourceLanguage.Python => groups.Count == 0,
        SourceLanguage.Ruby => groups.All(g => g.Open == '{'),
        _ => true,
    };

    private static bool EndsLine(string mask, int from)
    {
        for (var k = from; k < mask.Length; k++)
        {
            if (mask[k] == '\n' || mask[k] == '}')
            {
                return true;
            }

            if (!char.IsWhiteSpace(mask[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '@';

    private sealed class Group(char open, bool call)
    {
        public char Open { get; } = open;

        public bool Call { get; } = call;

        public int Commas { get; set; }
    }
}
