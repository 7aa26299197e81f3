using System.Text;

namespace Hotfix.Policy.Changes.Formatting;

/// <summary>
/// A line reduced to what changes behaviour: whitespace outside string literals is dropped (so re-indenting,
/// re-spacing and CRLF → LF disappear, like <c>git diff -w</c>), while whitespace inside a quoted literal is kept —
/// <c>"a b"</c> → <c>"ab"</c> is a real change. In languages where indentation is syntax (Python, YAML, Makefiles)
/// the leading indentation is kept as well.
/// </summary>
internal static class CanonicalLine
{
    public static string Of(string line, bool indentationMatters)
    {
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

    /// <summary>Python, YAML, Makefiles, CoffeeScript, Haml, Pug: indentation is part of the program.</summary>
    public static bool IndentationMatters(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var extension = System.IO.Path.GetExtension(name).ToLowerInvariant();
        return extension is ".py" or ".pyi" or ".yml" or ".yaml" or ".mk" or ".coffee" or ".haml" or ".pug" or ".sass" or ".nim" or ".fs" or ".fsx"
            || name is "Makefile" or "makefile" or "GNUmakefile";
    }

    /// <summary>C-family languages with braces and semicolons, where a line break means no more than a space.</summary>
    public static bool LineBreaksAreWhitespace(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() is ".cs" or ".java" or ".c" or ".h" or ".cc" or ".cpp" or ".hpp" or ".rs" or ".css" or ".scss" or ".less";

    /// <summary>A line with no behaviour of its own even when moved: braces, a lone keyword-free punctuation line.</summary>
    public static bool IsTrivial(string canonical) => canonical.Length <= 3 && canonical.All(c => !char.IsLetterOrDigit(c));
}
