using Hotfix.Policy.Text;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>Draws report blocks as GitHub-flavoured Markdown (PR comments, step summaries).</summary>
internal static class MarkdownBlockWriter
{
    public static void Write(IEnumerable<ReportBlock> blocks, TextWriter output)
    {
        foreach (var block in blocks)
        {
            foreach (var piece in Pieces(block))
            {
                output.Write(piece.Replace("\n", output.NewLine, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>
    /// The block's Markdown in the smallest pieces a comment cut may keep or leave out (<see cref="MarkdownComment"/>):
    /// a table's header with its first row, then each further row; each fact, list item or task (with its commands);
    /// any other block whole. Lines end in <c>\n</c>; the last piece ends with the blank line that closes the block.
    /// </summary>
    public static IReadOnlyList<string> Pieces(ReportBlock block)
    {
        List<string> pieces = block switch
        {
            FactsBlock facts => [.. facts.Facts.Select(f => $"- **{Escape(f.Label)}:** {Escape(f.Value)}\n")],
            ListBlock list => [.. list.Items.Select(item => $"- {Escape(item)}\n")],
            ChecklistBlock checklist => [.. checklist.Items.Select(Task)],
            TableBlock table => TablePieces(table),
            ParagraphBlock paragraph => [Escape(paragraph.Text) + "\n"],
            CommandsBlock commands => ["```bash\n" + string.Concat(commands.Commands.Select(c => ControlCharacters.Neutralise(c).Replace("```", "'''", StringComparison.Ordinal) + "\n")) + "```\n"],
            HeadingBlock heading => [$"#### {Escape(heading.Text)}\n"],
            _ => [],
        };
        if (pieces.Count == 0)
        {
            return ["\n"];
        }

        pieces[^1] += "\n";
        return pieces;
    }

    private static string Task(ChecklistItem item) =>
        $"- [{(item.Done ? "x" : " ")}] {Escape(item.Text)}" + (item.Note is null ? string.Empty : $" — {Escape(item.Note)}") + "\n"
        + string.Concat((item.Commands ?? []).Select(command => $"  - {InlineCode(command)}\n"));

    private static List<string> TablePieces(TableBlock table)
    {
        var rows = table.Rows.Select(row => "| " + string.Join(" | ", row.Select(Cell)) + " |\n").ToList();
        var header = "| " + string.Join(" | ", table.Headers.Select(Cell)) + " |\n|" + string.Concat(table.Headers.Select(_ => "---|")) + "\n";
        return rows.Count == 0 ? [header] : [header + rows[0], .. rows.Skip(1)];
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
