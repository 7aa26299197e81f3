using Hotfix.Policy.Text;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>
/// Draws report blocks as plain text (indented, aligned), for every command's text output. Text in blocks comes from
/// people and repositories (notes, subjects, file names): control characters are shown, never sent, and a value with
/// line breaks continues on indented lines marked <see cref="Continuation"/>, so a note cannot print a line that
/// looks like a row, a fact or a list item of its own.
/// </summary>
internal static class TextBlockWriter
{
    /// <summary>The mark in front of every continuation line of a multi-line value.</summary>
    public const string Continuation = "↳ ";

    private const string ColumnGap = "  ";

    /// <summary>The narrowest a column is made before its neighbours give up more: its header, and at least a few words.</summary>
    private const int NarrowestColumn = 12;

    /// <param name="blocks">The blocks, in order.</param>
    /// <param name="output">Where they go.</param>
    /// <param name="indent">In front of every line.</param>
    /// <param name="width">
    /// Columns a line may take (the terminal's): a table wraps its cells to fit instead of padding every row to its
    /// longest cell; null lets lines be as long as their content.
    /// </param>
    public static void Write(IEnumerable<ReportBlock> blocks, TextWriter output, string indent = "  ", int? width = null)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FactsBlock facts:
                    var labelWidth = facts.Facts.Count == 0 ? 0 : facts.Facts.Max(f => Lines(f.Label)[0].Length) + 1;
                    foreach (var (label, value) in facts.Facts)
                    {
                        WriteLines(output, $"{indent}{(Lines(label)[0] + ":").PadRight(labelWidth)} ", value);
                    }

                    break;
                case ListBlock list:
                    foreach (var item in list.Items)
                    {
                        WriteLines(output, $"{indent}- ", item);
                    }

                    break;
                case ChecklistBlock checklist:
                    foreach (var item in checklist.Items)
                    {
                        WriteLines(output, $"{indent}[{(item.Done ? "x" : " ")}] ", item.Text + (item.Note is null ? string.Empty : $" — {item.Note}"));
                        foreach (var command in item.Commands ?? [])
                        {
                            output.WriteLine($"{indent}      $ {ControlCharacters.Neutralise(command)}");
                        }
                    }

                    break;
                case TableBlock table:
                    WriteTable(table, output, indent, width);
                    break;
                case ParagraphBlock paragraph:
                    WriteLines(output, indent, paragraph.Text);
                    break;
                case CommandsBlock commands:
                    foreach (var command in commands.Commands)
                    {
                        output.WriteLine($"{indent}  $ {ControlCharacters.Neutralise(command)}");
                    }

                    break;
                case HeadingBlock heading:
                    WriteLines(output, indent, heading.Text);
                    break;
            }
        }
    }

    /// <summary>A value's lines, inert: control characters shown as <c>\xNN</c>, line breaks kept for the layout.</summary>
    public static string[] Lines(string text) => ControlCharacters.Neutralise(text, keepNewlines: true).Split('\n');

    private static void WriteLines(TextWriter output, string prefix, string text)
    {
        var lines = Lines(text);
        output.WriteLine(prefix + lines[0]);
        var hang = new string(' ', prefix.Length);
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(hang + Continuation + line);
        }
    }

    private static void WriteTable(TableBlock table, TextWriter output, string indent, int? width)
    {
        var headers = table.Headers.Select(h => Lines(h)[0]).ToList();

        // Each cell as the lines it shows: the value's own lines, the later ones marked as continuations.
        var rows = table.Rows.Select(r => r.Select(cell => Lines(cell).Select((line, n) => n == 0 ? line : Continuation + line).ToList()).ToList()).ToList();
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Max(l => l.Length));
            }
        }

        if (width is { } columns)
        {
            Fit(widths, headers, columns - indent.Length - (ColumnGap.Length * (widths.Length - 1)));
            rows = rows.Select(row => row.Select((lines, i) => i < widths.Length ? lines.SelectMany(l => Wrap(l, widths[i])).ToList() : lines).ToList()).ToList();
        }

        string Line(IReadOnlyList<string> cells) =>
            indent + string.Join(ColumnGap, cells.Select((c, i) => i < widths.Length - 1 ? c.PadRight(widths[i]) : c)).TrimEnd();

        output.WriteLine(Line(headers));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToList()));
        foreach (var row in rows)
        {
            // Later lines of a row leave the first column empty (it never wraps while it fits): a real row never does.
            var depth = row.Max(lines => lines.Count);
            for (var n = 0; n < depth; n++)
            {
                output.WriteLine(Line(row.Select(lines => n < lines.Count ? lines[n] : string.Empty).ToList()));
            }
        }
    }

    /// <summary>
    /// Narrows the widest columns, one column at a time, until the table fits <paramref name="available"/> columns. The
    /// first column keeps its width (it tells rows apart); the others keep at least their header and a few words.
    /// </summary>
    private static void Fit(int[] widths, IReadOnlyList<string> headers, int available)
    {
        var least = widths.Select((w, i) => i == 0 ? w : Math.Min(w, Math.Max(headers[i].Length, NarrowestColumn))).ToArray();
        while (widths.Sum() > available)
        {
            var widest = -1;
            for (var i = 0; i < widths.Length; i++)
            {
                if (widths[i] > least[i] && (widest < 0 || widths[i] > widths[widest]))
                {
                    widest = i;
                }
            }

            if (widest < 0)
            {
                return;
            }

            widths[widest]--;
        }
    }

    /// <summary>A line cut into pieces of at most <paramref name="width"/> characters, at spaces where there are any.</summary>
    private static IEnumerable<string> Wrap(string line, int width)
    {
        while (line.Length > width)
        {
            var space = line.LastIndexOf(' ', width);
            var cut = space > 0 ? space : width;
            yield return line[..cut].TrimEnd();
            line = line[cut..].TrimStart();
        }

        yield return line;
    }
}
