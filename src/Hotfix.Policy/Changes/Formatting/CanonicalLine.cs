using System.Text;

namespace Hotfix.Policy.Changes.Formatting;

/// <summary>
/// A line reduced to what changes behaviour: whitespace outside string literals is dropped (so re-indenting,
/// re-spacing and CRLF → LF disappear, like <c>git diff -w</c>), while whitespace inside a quoted literal is kept —
/// <c>"a b"</c> → <c>"ab"</c> is a real change. What else is kept depends on the language's
/// <see cref="WhitespaceSyntax"/>: the indentation where it is syntax, every space where whitespace is text, and the
/// carriage return too in shell scripts.
/// </summary>
internal static class CanonicalLine
{
    public static string Of(string line, WhitespaceSyntax syntax)
    {
        if (syntax is WhitespaceSyntax.Significant or WhitespaceSyntax.Verbatim)
        {
            // A line of blanks is a blank line; a lone '\r' is not blank to a shell, which runs it as a command.
            var kept = syntax == WhitespaceSyntax.Verbatim ? line : line.TrimEnd('\r');
            return kept.AsSpan().Trim(" \t").IsEmpty ? string.Empty : kept;
        }

        var indentationMatters = syntax == WhitespaceSyntax.Indentation;
        var text = line.AsSpan().TrimEnd('\r');
        var builder = new StringBuilder(text.Length);
        var start = 0;
        if (indentationMatters)
        {
            while (start < text.Length && text[start] is ' ' or '\t')
            {
                start++;
            }

            // Only non-blank lines have meaningful indentation.
            if (start < text.Length)
            {
                builder.Append(text[..start]);
            }
        }

        char quote = '\0';
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                builder.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    builder.Append(text[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c is '"' or '\'' or '`')
            {
                quote = c;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>C-family languages with braces and semicolons, where a line break means no more than a space.</summary>
    public static bool LineBreaksAreWhitespace(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() is ".cs" or ".java" or ".c" or ".h" or ".cc" or ".cpp" or ".hpp" or ".rs" or ".css" or ".scss" or ".less";

    /// <summary>A line with no behaviour of its own even when moved: braces, a lone keyword-free punctuation line.</summary>
    public static bool IsTrivial(string canonical) => canonical.Length <= 3 && canonical.All(c => !char.IsLetterOrDigit(c));
}
