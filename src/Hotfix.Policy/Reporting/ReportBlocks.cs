namespace Hotfix.Policy.Reporting;

/// <summary>A piece of a report for people; each renderer knows how to draw every kind.</summary>
internal abstract record ReportBlock;

/// <summary>Label: value pairs.</summary>
internal sealed record FactsBlock(IReadOnlyList<(string Label, string Value)> Facts) : ReportBlock;

/// <summary>A bulleted list.</summary>
internal sealed record ListBlock(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A table with a header row.</summary>
internal sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>A task list (Markdown renders it as checkboxes a person can tick in a PR).</summary>
internal sealed record ChecklistBlock(IReadOnlyList<ChecklistItem> Items) : ReportBlock;

/// <summary>A task; <paramref name="Commands"/> are what a person runs to do it (rendered under the task).</summary>
internal sealed record ChecklistItem(string Text, bool Done = false, string? Note = null, IReadOnlyList<string>? Commands = null);

/// <summary>Running text.</summary>
internal sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>Commands a person would type, one per line.</summary>
internal sealed record CommandsBlock(IReadOnlyList<string> Commands) : ReportBlock;

/// <summary>A sub-heading inside a section.</summary>
internal sealed record HeadingBlock(string Text) : ReportBlock;
