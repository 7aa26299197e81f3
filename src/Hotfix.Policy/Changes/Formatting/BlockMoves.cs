namespace Hotfix.Policy.Changes.Formatting;

/// <summary>A file whose whole change is moving code: a rename without edits, or blocks moved without changes.</summary>
/// <param name="Path">The file.</param>
/// <param name="IsPureRename">Renamed with identical content.</param>
/// <param name="MovedLines">Lines with content in moved blocks (the larger of the deleted and added side); 0 for a pure rename.</param>
/// <param name="Counterparts">The other files the blocks moved to or from (empty when they moved inside the file).</param>
internal sealed record BlockMove(string Path, bool IsPureRename, int MovedLines, IReadOnlyList<string> Counterparts);

/// <summary>
/// Finds changes that only move code. Every run of deleted lines must reappear unchanged (ignoring indentation and
/// spacing, see <see cref="CanonicalLine"/>) in runs of added lines somewhere in the change set, and every run of
/// added lines must come from deleted runs the same way, in contiguous pieces. Small moves are logic: moving a two-line null check
/// above a dereference is a fix, so a file counts as a move only with at least <see cref="MinimumMovedLines"/> moved
/// lines that are more than braces.
/// </summary>
internal static class BlockMoves
{
    public const int MinimumMovedLines = 5;

    public static IReadOnlyList<BlockMove> Find(IReadOnlyList<FileChange> files)
    {
        var moves = new List<BlockMove>();
        var runs = new List<Run>();
        foreach (var file in files)
        {
            if (file.Kind == FileChangeKind.Renamed && file.OldObjectId == file.NewObjectId && file.OldMode == file.NewMode)
            {
                moves.Add(new BlockMove(file.Path, true, 0, []));
                continue;
            }

            if (file.IsBinary || file.IsSubmodule || file.IsSymlink || file.ChangedLines == 0)
            {
                continue;
            }

            var syntax = WhitespaceSyntaxes.Of(file.Path, file.NewContent?.Text);
            foreach (var hunk in file.Hunks)
            {
                Run? current = null;
                foreach (var line in hunk.Lines)
                {
                    if (line.Kind == DiffLineKind.Context)
                    {
                        current = null;
                        continue;
                    }

                    var deleted = line.Kind == DiffLineKind.Deleted;
                    if (current is null || current.Deleted != deleted)
                    {
                        current = new Run(file, deleted);
                        runs.Add(current);
                    }

                    // Blank and brace-only lines say nothing about where code came from, and diffs slide them
                    // between neighbouring blocks; only lines with content are matched.
                    var canonical = CanonicalLine.Of(line.Text, syntax);
                    if (canonical.Length > 0 && !CanonicalLine.IsTrivial(canonical))
                    {
                        current.Lines.Add(canonical);
                    }
                }
            }
        }

        // Index the opposite side by line so each run only tries the places its first line occurs.
        var index = new Dictionary<(bool Deleted, string Line), List<(Run Run, int At)>>();
        foreach (var run in runs)
        {
            for (var i = 0; i < run.Lines.Count; i++)
            {
                var key = (run.Deleted, run.Lines[i]);
                if (!index.TryGetValue(key, out var places))
                {
                    index[key] = places = [];
                }

                places.Add((run, i));
            }
        }

        foreach (var group in runs.GroupBy(r => r.File))
        {
            var fileRuns = group.Where(r => r.Lines.Count > 0).ToList();
            var counterparts = new SortedSet<string>(StringComparer.Ordinal);
            var allMoved = fileRuns.Count > 0;
            foreach (var run in fileRuns)
            {
                var sources = Cover(run, index);
                if (sources is null)
                {
                    allMoved = false;
                    break;
                }

                counterparts.UnionWith(sources.Where(s => s.File != run.File).Select(s => s.File.Path));
            }

            if (!allMoved)
            {
                continue;
            }

            var moved = Math.Max(fileRuns.Where(r => r.Deleted).Sum(r => r.Lines.Count), fileRuns.Where(r => !r.Deleted).Sum(r => r.Lines.Count));
            if (moved >= MinimumMovedLines)
            {
                moves.Add(new BlockMove(group.Key.Path, false, moved, counterparts.ToList()));
            }
        }

        return moves.OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The runs of the opposite kind that <paramref name="run"/>'s lines come from, in contiguous pieces taken greedily
    /// (longest first), or null when some line appears in none of them — then the run is not a move.
    /// </summary>
    private static List<Run>? Cover(Run run, Dictionary<(bool Deleted, string Line), List<(Run Run, int At)>> index)
    {
        var sources = new List<Run>();
        var position = 0;
        while (position < run.Lines.Count)
        {
            if (!index.TryGetValue((!run.Deleted, run.Lines[position]), out var places))
            {
                return null;
            }

            var best = 0;
            Run? bestRun = null;
            foreach (var (candidate, at) in places)
            {
                var length = 0;
                while (position + length < run.Lines.Count && at + length < candidate.Lines.Count
                    && string.Equals(candidate.Lines[at + length], run.Lines[position + length], StringComparison.Ordinal))
                {
                    length++;
                }

                if (length > best)
                {
                    best = length;
                    bestRun = candidate;
                }
            }

            // A block moves in pieces of two lines or more: single lines found here and there are edits, not a move.
            if (best < Math.Min(2, run.Lines.Count - position))
            {
                return null;
            }

            sources.Add(bestRun!);
            position += best;
        }

        return sources;
    }

    private sealed class Run(FileChange file, bool deleted)
    {
        public FileChange File { get; } = file;

        public bool Deleted { get; } = deleted;

        public List<string> Lines { get; } = [];
    }
}
