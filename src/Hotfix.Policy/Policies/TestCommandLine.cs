namespace Hotfix.Policy.Policies;

/// <summary>
/// How a test command written as one string becomes words — without a shell, and refusing anything a shell would
/// read differently, so the string means the same to a person who pastes it into a terminal and to <c>hotfix test</c>:
/// <list type="bullet">
/// <item>unquoted spaces and tabs separate words;</item>
/// <item><c>'…'</c> groups text literally; <c>"…"</c> groups text too, but may not contain <c>$</c>, <c>`</c> or
/// <c>\</c> (a shell would expand them there); quotes end nowhere but at the same quote; the quotes are removed;</item>
/// <item>unquoted <c>| &amp; ; &lt; &gt; ( ) $ ` \ * ?</c> and line breaks are refused: pipelines, redirections,
/// variables and globs need a shell — write the command as an array or put it in a script.</item>
/// </list>
/// </summary>
internal static class TestCommandLine
{
    public const string Rule = "words separated by spaces, grouped by '…' or \"…\"; no shell syntax (| & ; < > ( ) $ ` \\ * ?): use an array or a script for that";

    public static bool TrySplit(string text, out IReadOnlyList<string> words, out string? problem)
    {
        var result = new List<string>();
        var current = new System.Text.StringBuilder();
        var inWord = false;
        words = result;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                if (inWord)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    problem = $"the {(c == '\'' ? "single" : "double")} quote at character {i + 1} is never closed";
                    return false;
                }

                var quoted = text[(i + 1)..end];
                if (c == '"' && quoted.IndexOfAny(['$', '`', '\\']) is var special and >= 0)
                {
                    problem = $"'{quoted[special]}' inside double quotes (a shell would expand it; this command runs without one): use single quotes or an array";
                    return false;
                }

                current.Append(quoted);
                inWord = true;
                i = end;
                continue;
            }

            if (c is '|' or '&' or ';' or '<' or '>' or '(' or ')' or '$' or '`' or '\\' or '*' or '?' or '\n' or '\r')
            {
                problem = $"'{(c is '\n' or '\r' ? "a line break" : c)}' at character {i + 1} is shell syntax, and test commands run without a shell";
                return false;
            }

            current.Append(c);
            inWord = true;
        }

        if (inWord)
        {
            result.Add(current.ToString());
        }

        problem = result.Count == 0 ? "no program to run" : null;
        return problem is null;
    }
}
