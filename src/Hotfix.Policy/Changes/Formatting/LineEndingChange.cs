namespace Hotfix.Policy.Changes.Formatting;

/// <summary>
/// Lines of a really changed file that differ only in their line ending — an editor re-saving the file around the fix
/// (CRLF → LF). Their hunks carry the fix too, so they cannot be dropped hunk by hunk; the file's endings are restored.
/// </summary>
/// <param name="Lines">The lines on the branch head.</param>
/// <param name="Direction">"CRLF → LF" or "LF → CRLF".</param>
/// <param name="Uniform">The file had one line ending throughout at the merge base, so converting every line restores it.</param>
internal sealed record LineEndingChange(IReadOnlyList<int> Lines, string Direction, bool Uniform)
{
    public const string ToLf = "CRLF → LF";
    public const string ToCrlf = "LF → CRLF";

    /// <summary>Which way the endings went (the one the old text used most), and whether the old text used only that one.</summary>
    public static (string Direction, bool Uniform) DirectionOf(string oldText)
    {
        var lines = oldText.Split('\n');
        var breaks = lines.Length - 1;
        var crlf = lines.Take(breaks).Count(l => l.EndsWith('\r'));
        var direction = crlf * 2 >= breaks ? ToLf : ToCrlf;
        return (direction, crlf == 0 || crlf == breaks);
    }
}
