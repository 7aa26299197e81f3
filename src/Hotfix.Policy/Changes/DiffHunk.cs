namespace Hotfix.Policy.Changes;

internal enum DiffLineKind
{
    Context,
    Added,
    Deleted,
}

/// <summary>One line of a hunk with its numbers on each side (null on the side it does not exist on).</summary>
internal sealed record DiffLine(DiffLineKind Kind, int? OldNumber, int? NewNumber, string Text);

/// <summary>A unified-diff hunk: <c>@@ -OldStart,OldCount +NewStart,NewCount @@ Header</c> and its lines.</summary>
internal sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, string Header, IReadOnlyList<DiffLine> Lines)
{
    public IEnumerable<DiffLine> Added => Lines.Where(l => l.Kind == DiffLineKind.Added);

    public IEnumerable<DiffLine> Deleted => Lines.Where(l => l.Kind == DiffLineKind.Deleted);
}
