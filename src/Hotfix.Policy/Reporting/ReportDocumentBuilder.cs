namespace Hotfix.Policy.Reporting;

/// <summary>Collects a section's blocks in order.</summary>
internal sealed class ReportDocumentBuilder
{
    private readonly List<ReportBlock> blocks = [];

    public IReadOnlyList<ReportBlock> Blocks => blocks;

    public ReportDocumentBuilder Facts(params (string Label, string Value)[] facts) => Add(new FactsBlock(facts));

    public ReportDocumentBuilder List(IEnumerable<string> items) => Add(new ListBlock(items.ToList()));

    public ReportDocumentBuilder Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        Add(new TableBlock(headers, rows.ToList()));

    public ReportDocumentBuilder Checklist(IEnumerable<ChecklistItem> items) => Add(new ChecklistBlock(items.ToList()));

    public ReportDocumentBuilder Paragraph(string text) => Add(new ParagraphBlock(text));

    public ReportDocumentBuilder Commands(IEnumerable<string> commands) => Add(new CommandsBlock(commands.ToList()));

    public ReportDocumentBuilder Heading(string text) => Add(new HeadingBlock(text));

    public ReportDocumentBuilder Add(ReportBlock block)
    {
        blocks.Add(block);
        return this;
    }
}
