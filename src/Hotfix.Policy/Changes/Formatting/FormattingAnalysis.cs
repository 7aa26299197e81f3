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

        // Hunk by hunk: only the hunks are read, and a file is formatting only when every hunk is. Imports reordered
        // and braces moved stay inside one hunk (their lines are near each other), so nothing is lost by not reading
        // the unchanged rest of the file. Each side is read from its first to its last changed line with the context
        // lines between them, so a line moved across unchanged code is seen to move.
        var syntax = WhitespaceSyntaxes.Of(change.Path, change.NewContent.Text);
        var imports = ImportLines.For(change.Path);
        var braces = CanonicalLine.LineBreaksAreWhitespace(change.Path);
        var hunks = new List<FormattingHunk>();
        var lineEndings = new List<int>();
        var real = false;
        foreach (var hunk in change.Hunks)
        {
            var span = ChangedSpan(hunk);
            var before = span.Where(l => l.Kind != DiffLineKind.Added).Select(l => l.Text).ToList();
            var after = span.Where(l => l.Kind != DiffLineKind.Deleted).Select(l => l.Text).ToList();
            var deleted = hunk.Deleted.ToList();
            var added = hunk.Added.ToList();
            if (Compare(before, after, syntax, imports, braces) is { } kinds)
            {
                var first = added.Count > 0 ? added[0].NewNumber!.Value : hunk.NewStart;
                var last = added.Count > 0 ? added[^1].NewNumber!.Value : first;
                hunks.Add(new FormattingHunk(first, last, deleted.Count + added.Count, kinds));
            }
            else
            {
                real = true;
                if (syntax != WhitespaceSyntax.Verbatim)
                {
                    lineEndings.AddRange(LineEndingOnly(deleted, added));
                }
            }
        }

        if (!real && hunks.Count > 0)
        {
            var order = new[] { FormattingKinds.ImportOrder, FormattingKinds.LineEndings, FormattingKinds.BlankLines, FormattingKinds.Whitespace };
            return new FormattingVerdict(true, order.Where(k => hunks.Any(h => h.Kinds.Contains(k))).ToList(), []);
        }

        if (lineEndings.Count == 0)
        {
            return new FormattingVerdict(false, [], hunks);
        }

        var (direction, uniform) = LineEndingChange.DirectionOf(change.OldContent.Text);
        return new FormattingVerdict(false, [], hunks) { LineEndings = new LineEndingChange(lineEndings, direction, uniform) };
    }

    /// <summary>The hunk's lines from its first to its last changed line.</summary>
    private static IEnumerable<DiffLine> ChangedSpan(DiffHunk hunk)
    {
        var first = -1;
        var last = -1;
        for (var i = 0; i < hunk.Lines.Count; i++)
        {
            if (hunk.Lines[i].Kind != DiffLineKind.Context)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        return first < 0 ? [] : hunk.Lines.Skip(first).Take(last - first + 1);
    }

    /// <summary>
    /// The added lines (numbers on the head) that replace a deleted line differing only in its line ending: inside a
    /// real hunk, the lines an editor re-saved with other line endings around the fix.
    /// </summary>
    private static IEnumerable<int> LineEndingOnly(List<DiffLine> deleted, List<DiffLine> added)
    {
        var unmatched = deleted.GroupBy(l => l.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var line in added)
        {
            var other = line.Text.EndsWith('\r') ? line.Text[..^1] : line.Text + "\r";
            if (unmatched.TryGetValue(other, out var count) && count > 0)
            {
                unmatched[other] = count - 1;
                yield return line.NewNumber!.Value;
            }
        }
    }

    /// <summary>The formatting kinds that turn <paramref name="before"/> into <paramref name="after"/>, or null when the change is real.</summary>
    internal static IReadOnlyList<string>? Compare(IReadOnlyList<string> before, IReadOnlyList<string> after, WhitespaceSyntax syntax, Func<string, bool>? isImport, bool bracesLanguage = false) =>
        NonWhitespaceSum(before) == NonWhitespaceSum(after) ? CompareLines(before, after, syntax, isImport, bracesLanguage) : null;

    /// <summary>
    /// An order-free checksum of the lines' non-whitespace characters. Every verdict other than "real" keeps them as a
    /// multiset: a canonical line keeps each non-whitespace character of its line, a dropped line has none, and
    /// reordered imports are the same lines. So different sums answer "real" — most hunks of a fix — before any line
    /// is made canonical; equal sums are only a hint, and <see cref="CompareLines"/> decides.
    /// </summary>
    internal static ulong NonWhitespaceSum(IReadOnlyList<string> lines)
    {
        ulong sum = 0;
        foreach (var line in lines)
        {
            foreach (var c in line)
            {
                if (!char.IsWhiteSpace(c))
                {
                    // Spread each character over the word, so that different multisets rarely share a sum.
                    var x = (c + 1UL) * 0x9E3779B97F4A7C15UL;
                    sum += x ^ (x >> 29);
                }
            }
        }

        return sum;
    }

    /// <summary><see cref="Compare"/> without the checksum's early answer.</summary>
    internal static IReadOnlyList<string>? CompareLines(IReadOnlyList<string> before, IReadOnlyList<string> after, WhitespaceSyntax syntax, Func<string, bool>? isImport, bool bracesLanguage)
    {
        // The same lines deleted and added again within a hunk: a line moved. Imports moving is ordering; anything
        // else moving changes the order the program runs in.
        if (before.SequenceEqual(after, StringComparer.Ordinal))
        {
            return isImport is not null && before.Any(isImport) && before.All(l => string.IsNullOrWhiteSpace(l) || isImport(l))
                ? [FormattingKinds.ImportOrder]
                : null;
        }

        var oldCanonical = NonBlank(before, syntax);
        var newCanonical = NonBlank(after, syntax);
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

    private static List<(string Raw, string Canonical)> NonBlank(IReadOnlyList<string> lines, WhitespaceSyntax syntax) =>
        lines.Select(l => (Raw: l, Canonical: CanonicalLine.Of(l, syntax)))
            .Where(l => l.Canonical.Length > 0)
            .ToList();

    /// <summary>
    /// The imports are the same set in another order, each within its own run of consecutive imports, and everything
    /// else is unchanged and in place. An import never moves across another line: past code (Python's
    /// <c>monkey.patch_all()</c>, <c>sys.path.insert</c>) or a side-effect import (<c>import 'reflect-metadata'</c>)
    /// it changes what runs first.
    /// </summary>
    private static bool OnlyImportsReordered(
        List<(string Raw, string Canonical)> before,
        List<(string Raw, string Canonical)> after,
        Func<string, bool> isImport)
    {
        var reordered = false;
        var i = 0;
        while (i < before.Count)
        {
            if (!isImport(before[i].Raw))
            {
                if (isImport(after[i].Raw) || !string.Equals(before[i].Canonical, after[i].Canonical, StringComparison.Ordinal))
                {
                    return false;
                }

                i++;
                continue;
            }

            var end = i;
            while (end < before.Count && isImport(before[end].Raw))
            {
                end++;
            }

            var oldRun = before[i..end].Select(l => l.Canonical).ToList();
            var newRun = after[i..end].Where(l => isImport(l.Raw)).Select(l => l.Canonical).ToList();
            if (newRun.Count != oldRun.Count
                || !oldRun.Order(StringComparer.Ordinal).SequenceEqual(newRun.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                return false;
            }

            reordered |= !oldRun.SequenceEqual(newRun, StringComparer.Ordinal);
            i = end;
        }

        return reordered;
    }
}
