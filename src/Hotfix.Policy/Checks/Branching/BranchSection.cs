using System.Text.Json;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Branching;

/// <summary>
/// The <c>branch</c> section of the report: which branch, which incident, which commit — and, when history could be
/// read, where it left main (base commit), what it adds (commits ahead) and what it misses (commits behind).
/// </summary>
internal sealed class BranchSection : ReportSection
{
    /// <summary>At most this many commits are listed in the JSON <c>commitsAhead</c> array; the count is always exact.</summary>
    public const int ListedCommits = 100;

    public BranchSection(string name, IncidentId? incident, string headCommit, BranchHistory? history = null)
    {
        Name = name;
        Incident = incident;
        HeadCommit = headCommit;
        History = history;
    }

    public string Name { get; }

    public IncidentId? Incident { get; }

    public string HeadCommit { get; }

    /// <summary>The comparison with main; null when the section was built without one.</summary>
    public BranchHistory? History { get; }

    public override string Key => "branch";

    public override string Title => "Branch";

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        if (Incident is { } id)
        {
            writer.WriteString("incidentId", id.ToString());
        }
        else
        {
            writer.WriteNull("incidentId");
        }

        writer.WriteString("headCommit", HeadCommit);

        var state = History?.State ?? BranchHistoryState.Unavailable;
        var exact = History is { IsComplete: true };
        writer.WriteString("history", StateName(state));
        WriteStringOrNull(writer, "mainBranch", History?.Main?.Name);
        WriteStringOrNull(writer, "mainCommit", History?.Main?.TipSha);
        WriteStringOrNull(writer, "baseCommit", exact ? History!.BaseCommit : null);
        if (exact)
        {
            writer.WriteNumber("commitsAheadCount", History!.Ahead.Count);
            writer.WriteNumber("commitsBehind", History.Behind);
            var fromDevelop = History.FromBackMergeTarget.Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
            writer.WriteStartArray("commitsAhead");
            foreach (var commit in History.Ahead.Take(ListedCommits))
            {
                writer.WriteStartObject();
                writer.WriteString("sha", commit.Sha);
                writer.WriteString("subject", commit.Subject);
                writer.WriteBoolean("fromBackMergeTarget", fromDevelop.Contains(commit.Sha));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull("commitsAheadCount");
            writer.WriteNull("commitsBehind");
            writer.WriteNull("commitsAhead");
        }

        writer.WriteEndObject();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        var facts = new List<(string, string)>
        {
            ("Name", Name),
            ("Incident", Incident?.ToString() ?? "none found in the branch name"),
            ("Head", Short(HeadCommit, 12)),
        };
        var history = History;
        switch (history?.State ?? BranchHistoryState.Unavailable)
        {
            case BranchHistoryState.Compared or BranchHistoryState.Unrelated:
                var main = history!.Main!;
                facts.Add(("Main", $"{main.Name} at {Short(main.TipSha, 12)}"));
                facts.Add(("Base", history.BaseCommit is null ? "none — no common history with main" : Short(history.BaseCommit, 12)));
                var fromDevelop = history.FromBackMergeTarget.Count;
                facts.Add(("Ahead", CommitLists.Count(history.Ahead.Count, "commit") + $" not on {main.Name}" + (fromDevelop > 0 ? $" ({fromDevelop} from {history.BackMergeTarget[0].Name})" : string.Empty)));
                facts.Add(("Behind", CommitLists.Count(history.Behind, "commit") + $" on {main.Name} not here"));
                break;
            case BranchHistoryState.TooShallow:
                facts.Add(("Main", $"{history!.Main!.Name} at {Short(history.Main.TipSha, 12)}"));
                facts.Add(("Base", "unknown — shallow clone (HF0105)"));
                break;
            case BranchHistoryState.MainMissing:
                facts.Add(("Main", "not found in this clone"));
                break;
            default:
                facts.Add(("History", "not read (no history adapter)"));
                break;
        }

        document.Facts([.. facts]);
        if (history is { IsComplete: true, Ahead.Count: > 0 })
        {
            var shown = history.Ahead.Take(20).Select(c => $"{c.ShortSha} {CommitLists.Printable(c.Subject)}").ToList();
            if (history.Ahead.Count > shown.Count)
            {
                shown.Add($"… and {history.Ahead.Count - shown.Count} more");
            }

            document.List(shown);
        }
    }

    private static string StateName(BranchHistoryState state) => state switch
    {
        BranchHistoryState.Compared => "complete",
        BranchHistoryState.Unrelated => "unrelated",
        BranchHistoryState.TooShallow => "shallow",
        BranchHistoryState.MainMissing => "mainMissing",
        _ => "unavailable",
    };

    private static void WriteStringOrNull(Utf8JsonWriter writer, string key, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(key);
        }
        else
        {
            writer.WriteString(key, value);
        }
    }

    private static string Short(string sha, int length) => sha.Length > length ? sha[..length] : sha;
}
