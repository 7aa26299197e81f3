using Hotfix.Policy.Text;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>Draws report blocks as GitHub-flavoured Markdown (PR comments, step summaries).</summary>
internal static class MarkdownBlockWriter
{
    public static void Write(IEnumerable<ReportBlock> blocks, TextWriter output)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FactsBlock facts:
                    foreach (var (label, value) in facts.Facts)
                    {
                        output.WriteLine($"- **{Escape(label)}:** {Escape(value)}");
                    }

                    break;
                case ListBlock list:
                    foreach (var item in list.Items)
                    {
                        output.WriteLine($"- {Escape(item)}");
                    }

                    break;
                case ChecklistBlock checklist:
                    foreach (var item in checklist.Items)
                    {
                        output.WriteLine($"- [{(item.Done ? "x" : " ")}] {Escape(item.Text)}" + (item.Note is null ? string.Empty : $" — {Escape(item.Note)}"));
                        foreach (var command in item.Commands ?? [])
                        {
                            output.WriteLine($"  - {InlineCode(command)}");
                        }
                    }

                    break;
                case TableBlock table:
                    output.WriteLine("| " + string.Join(" | ", table.Headers.Select(Cell)) + " |");
                    output.WriteLine("|" + string.Concat(table.Headers.Select(_ => "---|")));
                    foreach (var row in table.Rows)
                    {
                        output.WriteLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
                    }

                    break;
                case ParagraphBlock paragraph:
                    output.WriteLine(Escape(paragraph.Text));
                    break;
                case CommandsBlock commands:
                    output.WriteLine("```bash");
                    foreach (var command in commands.Commands)
                    {
                        output.WriteLine(ControlCharacters.Neutralise(command).Replace("```", "'''", StringComparison.Ordinal));
                    }

                    output.WriteLine("```");
                    break;
                case HeadingBlock heading:
                    output.WriteLine($"#### {Escape(heading.Text)}");
                    break;
            }

            output.WriteLine();
        }
    }

    /// <summary>
    /// Text that must not turn into Markdown or HTML: branch names, messages, paths from a repository. One line:
    /// line breaks become spaces; control characters are shown as <c>\xNN</c>.
    /// </summary>
    public static string Escape(string text)
    {
        text = ControlCharacters.Neutralise(text, keepNewlines: true);
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~')
            {
                sb.Append('\\');
            }

            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Text as inline code, exactly as written: when it contains backticks the fence is one longer than their longest
    /// run, padded with a space CommonMark strips again, so a path or command keeps every character.
    /// </summary>
    public static string InlineCode(string text)
    {
        var line = ControlCharacters.Neutralise(text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' '));
        int longest = 0, run = 0;
        foreach (var c in line)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        return longest == 0 ? $"`{line}`" : $"{fence} {line} {fence}";
    }

    /// <summary>Inline code in a table cell: GFM splits cells on every unescaped <c>|</c>, inside code spans too, so each is written <c>\|</c>.</summary>
    public static string CodeCell(string text) => InlineCode(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>A table cell: escaped, its lines joined by <c>&lt;br&gt;</c> inside the one cell (never a new row).</summary>
    public static string Cell(string text) =>
        string.Join("<br>", ControlCharacters.Neutralise(text, keepNewlines: true).Split('\n').Select(Escape));
}
