using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checklists;

/// <summary>
/// The checklist for people (text; Markdown as a PR-ready task list) and machines (JSON), optionally one phase only.
/// Each item shows its id, which <c>hotfix checklist --done ID</c> ticks off in the incident record.
/// </summary>
internal sealed class ChecklistSection(DeploymentChecklist checklist, ChecklistPhase? only = null) : ReportSection
{
    public DeploymentChecklist Checklist { get; } = checklist;

    public override string Key => "checklist";

    public override string Title =>
        "Deployment checklist" + (Checklist.Request.Incident is { } incident ? $" — {incident}" : string.Empty)
        + (only is { } phase ? $" ({phase.RunbookName()})" : string.Empty);

    private IEnumerable<ChecklistPhase> Phases => only is { } phase ? [phase] : ChecklistPhases.All;

    public override void WriteJson(Utf8JsonWriter writer)
    {
        var request = Checklist.Request;
        var changes = request.Changes;
        var json = new ChecklistJson(
            request.Incident?.ToString(),
            request.Branch,
            request.Severity?.Name(),
            new ChangesJson(changes is not null, changes?.BaseBranch, changes?.MergeBase, changes?.Files.Count, changes is null ? request.ChangesUnavailableReason : null),
            Checklist.Components.Select(c => new ComponentJson(
                c.Component.Name,
                c.Affected,
                c.ChangedPaths,
                c.Component.Image,
                c.Component.Workload,
                c.Component.Workload is { } w && request.Revisions.TryGetValue(w, out var lookup) ? lookup.Revision : null)).ToList(),
            Phases.Select(phase => new PhaseJson(
                phase.Name(),
                Checklist.In(phase).Select(e => new ItemJson(e.Id, e.Text, e.RunbookLine, e.Commands, e.Note, e.Done is not null, e.Done?.By, e.Done?.At, e.Done?.Note)).ToList())).ToList());
        JsonSerializer.Serialize(writer, json, ChecklistJsonContext.Default.ChecklistJson);
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        var request = Checklist.Request;
        var facts = new List<(string, string)>();
        if (request.Branch is { } branch)
        {
            facts.Add(("Branch", branch));
        }

        if (request.Severity is { } severity)
        {
            facts.Add(("Severity", severity.Name()));
        }

        facts.Add(("Change", request.Changes is { } changes
            ? $"{changes.Files.Count} file(s) since {changes.BaseBranch} ({changes.MergeBase[..Math.Min(7, changes.MergeBase.Length)]})"
            : $"unknown — {request.ChangesUnavailableReason ?? "not read"}; every component's items are conditional"));
        if (Checklist.Components.Count > 0)
        {
            facts.Add(("Components", string.Join(", ", Checklist.Components.Select(c => c.Component.Name + c.Affected switch
            {
                true => " (changed)",
                false => " (unchanged)",
                _ => " (unknown)",
            }))));
        }

        document.Facts([.. facts]);
        foreach (var phase in Phases)
        {
            var entries = Checklist.In(phase).ToList();
            var open = entries.Count(e => e.Done is null);
            document.Heading($"{phase.RunbookName()} ({entries.Count - open}/{entries.Count} done)");
            document.Checklist(entries.Select(e => new ChecklistItem($"{e.Text} ({e.Id})", e.Done is not null, Note(e), e.Commands)));
        }
    }

    private static string? Note(ChecklistEntry entry)
    {
        if (entry.Done is not { } done)
        {
            return entry.Note;
        }

        var doneNote = $"done by {done.By} at {done.At.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}" + (done.Note is null ? string.Empty : $": {done.Note}");
        return entry.Note is null ? doneNote : $"{entry.Note}; {doneNote}";
    }
}

internal sealed record ChecklistJson(
    string? Incident,
    string? Branch,
    string? Severity,
    ChangesJson Changes,
    IReadOnlyList<ComponentJson> Components,
    IReadOnlyList<PhaseJson> Phases);

internal sealed record ChangesJson(bool Available, string? BaseBranch, string? MergeBase, int? Files, string? UnavailableReason);

internal sealed record ComponentJson(string Name, bool? Affected, IReadOnlyList<string> ChangedPaths, string? Image, string? Workload, long? CurrentRevision);

internal sealed record PhaseJson(string Phase, IReadOnlyList<ItemJson> Items);

internal sealed record ItemJson(
    string Id,
    string Text,
    string RunbookLine,
    IReadOnlyList<string> Commands,
    string? Note,
    bool Done,
    string? DoneBy,
    DateTimeOffset? DoneAt,
    string? DoneNote);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ChecklistJson))]
internal sealed partial class ChecklistJsonContext : JsonSerializerContext;
