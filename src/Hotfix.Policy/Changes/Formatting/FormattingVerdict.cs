namespace Hotfix.Policy.Changes.Formatting;

/// <summary>What kind of formatting a change is made of.</summary>
internal static class FormattingKinds
{
    public const string Whitespace = "whitespace";
    public const string LineEndings = "line endings";
    public const string BlankLines = "blank lines";
    public const string ImportOrder = "import order";
}

/// <summary>
/// Whether a file's change is formatting only and, when the file also carries real changes, which of its hunks are.
/// </summary>
/// <param name="IsFormattingOnly">The whole change is whitespace, line endings, blank lines and/or import order.</param>
/// <param name="Kinds">For a formatting-only file: what changed (<see cref="FormattingKinds"/>).</param>
/// <param name="Hunks">For a file with real changes: the hunks that are formatting only.</param>
internal sealed record FormattingVerdict(bool IsFormattingOnly, IReadOnlyList<string> Kinds, IReadOnlyList<FormattingHunk> Hunks)
{
    public static FormattingVerdict None { get; } = new(false, [], []);

    /// <summary>For a file with real changes: the changed lines that differ only in their line ending, or null.</summary>
    public LineEndingChange? LineEndings { get; init; }
}

/// <summary>A formatting-only hunk: its lines on the branch head (first and last) and how many lines it changes.</summary>
internal sealed record FormattingHunk(int FirstLine, int LastLine, int ChangedLines, IReadOnlyList<string> Kinds);
