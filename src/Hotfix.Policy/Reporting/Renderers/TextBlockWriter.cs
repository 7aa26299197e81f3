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

    public static void Write(IEnumerable<ReportBlock> blocks, TextWriter output, string indent = "  ")
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FactsBlock facts:
                    var width = facts.Facts.Count == 0 ? 0 : facts.Facts.Max(f => Lines(f.Label)[0].Length) + 1;
                    foreach (var (label, value) in facts.Facts)
                    {
                        WriteLines(output, $"{indent}{(Lines(label)[0] + ":").PadRight(width)} ", value);
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
                    WriteTable(table, output, indent);
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

    private static void WriteTable(TableBlock table, TextWriter output, string indent)
    {
        var headers = table.Headers.Select(h => Lines(h)[0]).ToList();
        var rows = table.Rows.Select(r => r.Select(Lines).ToList()).ToList();
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Max(l => l.Length + (row[i].Length > 1 ? Continuation.Length : 0)));
            }
        }

        string Line(IReadOnlyList<string> cells) =>
            indent + string.Join("  ", cells.Select((c, i) => i < widths.Length - 1 ? c.PadRight(widths[i]) : c)).TrimEnd();

        output.WriteLine(Line(headers));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToList()));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row.Select(lines => lines[0]).ToList()));

            // Continuation lines leave every other column empty: a real row never has an empty first column.
            var depth = row.Max(lines => lines.Length);
            for (var n = 1; n < depth; n++)
            {
                output.WriteLine(Line(row.Select(lines => n < lines.Length ? Continuation + lines[n] : string.Empty).ToList()));
            }
        }
    }
}
