using Hotfix.Policy.Changes.Formatting;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>HF1102 — formatting-only files and hunks ("Code style / formatting nits") bundled into the hotfix.</summary>
internal sealed class FormattingOnlyRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.FormattingOnly);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var analysis = ScopeAnalysis.Of(context);
        if (analysis.Changes is not { } changes)
        {
            yield break;
        }

        var mergeBase = changes.MergeBase[..Math.Min(12, changes.MergeBase.Length)];
        foreach (var file in analysis.Reviewed)
        {
            var verdict = file.Formatting;
            if (verdict.IsFormattingOnly)
            {
                var source = file.Change.OldPath ?? file.Path;
                yield return Rule.CreateFinding(
                    $"The whole change to this file is formatting ({string.Join(", ", verdict.Kinds)}; {file.Change.ChangedLines} {(file.Change.ChangedLines == 1 ? "line" : "lines")}): it changes " +
                    $"no behaviour and does not belong in a hotfix. Restore it: git checkout {mergeBase} -- {Quote(source)}",
                    file.Path);
                continue;
            }

            foreach (var hunk in verdict.Hunks)
            {
                yield return Rule.CreateFinding(
                    $"Lines {hunk.FirstLine}–{hunk.LastLine} change only formatting ({string.Join(", ", hunk.Kinds)}) next to the real " +
                    $"change in this file. Drop the hunk: git checkout -p {mergeBase} -- {Quote(file.Path)}",
                    file.Path,
                    hunk.FirstLine,
                    hunk.LastLine);
            }

            if (verdict.LineEndings is { } endings)
            {
                yield return Rule.CreateFinding(LineEndingsMessage(endings, file.Path, mergeBase), file.Path, endings.Lines[0]);
            }
        }
    }

    /// <summary>
    /// Re-saved line endings share their hunks with the fix, so <c>git checkout -p</c> cannot drop them: the advice
    /// converts the file back when it had one ending throughout, and otherwise restores it and has the fix reapplied.
    /// </summary>
    private static string LineEndingsMessage(LineEndingChange endings, string path, string mergeBase)
    {
        var count = endings.Lines.Count;
        var restore = !endings.Uniform
            ? $"git checkout {mergeBase} -- {Quote(path)}, then reapply the fix keeping the file's line endings"
            : endings.Direction == LineEndingChange.ToLf
                ? $"perl -pi -e 's/\\r?\\n/\\r\\n/' {Quote(path)} (the file used CRLF throughout)"
                : $"perl -pi -e 's/\\r\\n/\\n/' {Quote(path)} (the file used LF throughout)";
        return $"{count} {(count == 1 ? "line differs" : "lines differ")} only in line endings ({endings.Direction}) next to the real change " +
            $"in this file: {count * 2} of its changed lines, counted against the hotfix's size. Restore them: {restore}";
    }

    internal static string Quote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-') ? path : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
