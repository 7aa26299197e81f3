namespace Hotfix.Policy.Changes.Formatting;

/// <summary>
/// Tells formatting from real change, per file and per hunk. A change is formatting only when both versions have the
/// same <see cref="CanonicalLine"/>s in the same order once blank lines are dropped (whitespace, CRLF ↔ LF, blank
/// lines), or when they differ only in the order of import statements. A real logic change that also re-indents
/// keeps a canonical difference and is never called formatting.
/// </summary>
internal static class FormattingAnalysis
{
    public static FormattingVerdict Analyze(FileChange change)
    {
        if (change.Kind is not (FileChangeKind.Modified or FileChangeKind.Renamed) || change.IsSubmodule || change.IsSymlink
            || change.OldObjectId == change.NewObjectId || change.IsBinary
            || change.OldContent?.Text is null || change.NewContent?.Text is null)
        {
            return FormattingVerdict.None;
        }

        // Hunk by hunk: only changed lines are read, and a file is formatting only when every hunk is. Imports reordered
        // and braces moved stay inside one hunk (their lines are near each other), so nothing is lost by not reading
        // the unchanged rest of the file.
        var indentation = CanonicalLine.IndentationMatters(change.Path);
        var imports = ImportLines.For(change.Path);
        var braces = CanonicalLine.LineBreaksAreWhitespace(change.Path);
        var hunks = new List<FormattingHunk>();
        var real = false;
        foreach (var hunk in change.Hunks)
        {
            var deleted = hunk.Deleted.Select(l => l.Text).ToList();
            var added = hunk.Added.ToList();
            if (Compare(deleted, added.Select(l => l.Text).ToList(), indentation, imports, braces) is { } kinds)
            {
                var first = added.Count > 0 ? added[0].NewNumber!.Value : hunk.NewStart;
                var last = added.Count > 0 ? added[^1].NewNumber!.Value : first;
                hunks.Add(new FormattingHunk(first, last, deleted.Count + added.Count, kinds));
            }
            else
            {
                real = true;
            }
        }

        if (!real && hunks.Count > 0)
        {
            var order = new[] { FormattingKinds.ImportOrder, FormattingKinds.LineEndings, FormattingKinds.BlankLines, FormattingKinds.Whitespace };
            return new FormattingVerdict(true, order.Where(k => hunks.Any(h => h.Kinds.Contains(k))).ToList(), []);
        }

        return new FormattingVerdict(false, [], hunks);
    }

    /// <summary>The formatting kinds that turn <paramref name="before"/> into <paramref name="after"/>, or null when the change is real.</summary>
    internal static IReadOnlyList<string>? Compare(IReadOnlyList<string> before, IReadOnlyList<string> after, bool indentationMatters, Func<string, bool>? isImport, bool bracesLanguage = false)
    {
        // The same lines deleted and added again within a hunk: a line moved. Imports moving is ordering; anything
        // else moving changes the order the program runs in.
        if (before.SequenceEqual(after, StringComparer.Ordinal))
        {
            return isImport is not null && before.Any(isImport) && before.All(l => string.IsNullOrWhiteSpace(l) || isImport(l))
                ? [FormattingKinds.ImportOrder]
                : null;
        }

        var oldCanonical = NonBlank(before, indentationMatters);
        var newCanonical = NonBlank(after, indentationMatters);
        var kinds = new List<string>();
        if (!oldCanonical.Select(l => l.Canonical).SequenceEqual(newCanonical.Select(l => l.Canonical), StringComparer.Ordinal)
            && !(bracesLanguage && Joined(oldCanonical) == Joined(newCanonical)))
        {
            // Reordering keeps the number of lines; most real changes fail this before any import is parsed.
            if (isImport is null || oldCanonical.Count != newCanonical.Count || !OnlyImportsReordered(oldCanonical, newCanonical, isImport))
            {
                return null;
            }

            kinds.Add(FormattingKinds.ImportOrder);
        }

        var oldStripped = before.Select(l => l.TrimEnd('\r')).ToList();
        var newStripped = after.Select(l => l.TrimEnd('\r')).ToList();
        if (before.Count(l => l.EndsWith('\r')) != after.Count(l => l.EndsWith('\r')))
        {
            kinds.Add(FormattingKinds.LineEndings);
        }

        if (oldStripped.Count(string.IsNullOrWhiteSpace) != newStripped.Count(string.IsNullOrWhiteSpace))
        {
            kinds.Add(FormattingKinds.BlankLines);
        }

        var oldContent = oldStripped.Where(l => !string.IsNullOrWhiteSpace(l));
        var newContent = newStripped.Where(l => !string.IsNullOrWhiteSpace(l));
        if (!kinds.Contains(FormattingKinds.ImportOrder) && !oldContent.SequenceEqual(newContent, StringComparer.Ordinal))
        {
            kinds.Add(FormattingKinds.Whitespace);
        }

        // Trailing blanks on blank lines, or a changed newline at the end of the file: still whitespace.
        return kinds.Count == 0 ? [FormattingKinds.Whitespace] : kinds;
    }

    /// <summary>
    /// The canonical lines as one string, for languages where a line break is whitespace (a brace moved to the next
    /// line). A line comment or preprocessor line still ends its line: code joined onto it would change meaning.
    /// </summary>
    private static string Joined(List<(string Raw, string Canonical)> lines) =>
        string.Concat(lines.Select(l => l.Canonical.Contains("//", StringComparison.Ordinal) || l.Canonical.StartsWith('#') ? l.Canonical + "\n" : l.Canonical));

    private static List<(string Raw, string Canonical)> NonBlank(IReadOnlyList<string> lines, bool indentationMatters) =>
        lines.Select(l => (Raw: l, Canonical: CanonicalLine.Of(l, indentationMatters)))
            .Where(l => l.Canonical.Length > 0)
            .ToList();

    /// <summary>Everything but the imports is unchanged and in order, and the imports are the same set in another order.</summary>
    private static bool OnlyImportsReordered(
        List<(string Raw, string Canonical)> before,
        List<(string Raw, string Canonical)> after,
        Func<string, bool> isImport)
    {
        var oldImports = before.Where(l => isImport(l.Raw)).Select(l => l.Canonical).ToList();
        var newImports = after.Where(l => isImport(l.Raw)).Select(l => l.Canonical).ToList();
        if (oldImports.Count == 0 || oldImports.SequenceEqual(newImports, StringComparer.Ordinal))
        {
            return false;
        }

        var others = before.Where(l => !isImport(l.Raw)).Select(l => l.Canonical);
        var newOthers = after.Where(l => !isImport(l.Raw)).Select(l => l.Canonical);
        return others.SequenceEqual(newOthers, StringComparer.Ordinal)
            && oldImports.Order(StringComparer.Ordinal).SequenceEqual(newImports.Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
