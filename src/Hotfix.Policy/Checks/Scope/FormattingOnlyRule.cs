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
        }
    }

    internal static string Quote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-') ? path : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
