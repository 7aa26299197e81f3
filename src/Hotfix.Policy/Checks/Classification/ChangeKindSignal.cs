namespace Hotfix.Policy.Checks.Classification;

/// <summary>
/// Evidence that a change is of one kind (database, api, auth, performance, infrastructure, frontend, config, or a
/// kind of the policy's own): which file and why. The test plan quotes the reason next to the test it requires.
/// </summary>
/// <param name="Kind">The change kind (lowercase, as in policy <c>classification</c> and <c>tests.conditional</c>).</param>
/// <param name="Reason">Why, in words: "path matches '**/Migrations/**'", "line 12 adds [Authorize]" …</param>
/// <param name="Path">The file the evidence is in; null for evidence about the whole change (e.g. --kind).</param>
internal sealed record ChangeKindSignal(string Kind, string Reason, string? Path = null)
{
    public override string ToString() => Path is null ? Reason : $"{Path}: {Reason}";

    /// <summary>
    /// Signals in words, one entry per file ("src/Db.cs (path matches '*DbContext.cs', line 12 adds …)"), at most
    /// <paramref name="max"/> files, then "and N more files".
    /// </summary>
    public static string Summarize(IEnumerable<ChangeKindSignal> signals, int max)
    {
        var groups = signals.GroupBy(s => s.Path).ToList();
        var shown = groups.Take(max).Select(g => g.Key is null ? string.Join(", ", g.Select(s => s.Reason)) : $"{g.Key} ({string.Join(", ", g.Select(s => s.Reason))})");
        return string.Join("; ", shown) + (groups.Count > max ? $"; and {groups.Count - max} more files" : string.Empty);
    }
}
