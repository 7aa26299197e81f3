namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>Draws report blocks as plain text (indented, aligned), for every command's text output.</summary>
internal static class TextBlockWriter
{
    public static void Write(IEnumerable<ReportBlock> blocks, TextWriter output, string indent = "  ")
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FactsBlock facts:
                    var width = facts.Facts.Count == 0 ? 0 : facts.Facts.Max(f => f.Label.Length) + 1;
                    foreach (var (label, value) in facts.Facts)
                    {
                        output.WriteLine($"{indent}{(label + ":").PadRight(width)} {value}");
                    }

                    break;
                case ListBlock list:
                    foreach (var item in list.Items)
                    {
                        output.WriteLine($"{indent}- {item}");
                    }

                    break;
                case ChecklistBlock checklist:
                    foreach (var item in checklist.Items)
                    {
                        output.WriteLine($"{indent}[{(item.Done ? "x" : " ")}] {item.Text}" + (item.Note is null ? string.Empty : $" — {item.Note}"));
                        foreach (var command in item.Commands ?? [])
                        {
                            output.WriteLine($"{indent}      $ {command}");
                        }
                    }

                    break;
                case TableBlock table:
                    WriteTable(table, output, indent);
                    break;
                case ParagraphBlock paragraph:
                    output.WriteLine(indent + paragraph.Text);
                    break;
                case CommandsBlock commands:
                    foreach (var command in commands.Commands)
                    {
                        output.WriteLine($"{indent}  $ {command}");
                    }

                    break;
                case HeadingBlock heading:
                    output.WriteLine(indent + heading.Text);
                    break;
            }
        }
    }

    private static void WriteTable(TableBlock table, TextWriter output, string indent)
    {
        var widths = table.Headers.Select(h => h.Length).ToArray();
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        string Line(IReadOnlyList<string> cells) =>
            indent + string.Join("  ", cells.Select((c, i) => i < widths.Length - 1 ? c.PadRight(widths[i]) : c)).TrimEnd();

        output.WriteLine(Line(table.Headers));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToList()));
        foreach (var row in table.Rows)
        {
            output.WriteLine(Line(row));
        }
    }
}
