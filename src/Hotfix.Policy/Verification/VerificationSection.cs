using System.Text.Json;
using System.Text.Json.Serialization;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Verification;

/// <summary>The stability window of an incident: what is due, what passed, whether it can be declared stable and closed.</summary>
internal sealed class VerificationSection(IncidentId incident, StabilityWindowStatus status) : ReportSection
{
    public StabilityWindowStatus Status { get; } = status;

    public override string Key => "verification";

    public override string Title => $"Stability window — {incident}";

    public override void WriteJson(Utf8JsonWriter writer)
    {
        var s = Status;
        var json = new VerificationJson(
            incident.ToString(),
            s.Now,
            new WindowJson(s.WindowHours, s.Deployed?.At, s.Deployed?.By, s.EndsAt),
            s.Checkpoints.Select(c => new CheckpointJson(
                c.Name,
                c.Hour,
                c.DueAt,
                Name(c.State).Replace(' ', '-').ToLowerInvariant(),
                c.Checks.Select(k => new CheckJson(k.Check.Id, k.Check.Check, k.State.ToString().ToLowerInvariant(), k.Latest?.By, k.Latest?.At, k.Latest?.Note, k.Latest?.Source)).ToList())).ToList(),
            s.DueChecks.Select(d => $"{d.Checkpoint.Name} {d.Check.Check.Id}").ToList(),
            new StableJson(s.CanDeclareStable, s.DeclaredStable is not null, s.DeclaredStable?.At, s.NotStableBecause),
            s.PostMortem is { } pm ? new PostMortemJson(pm.Status, pm.At, pm.By, pm.Note) : null,
            new CloseJson(s.CanClose, s.Closed is not null, s.Closed?.At, s.CannotCloseBecause));
        JsonSerializer.Serialize(writer, json, VerificationJsonContext.Default.VerificationJson);
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        var s = Status;
        document.Facts(
            ("Deployed", s.Deployed is { } d ? $"{StabilityWindow.Time(d.At)} by {d.By}" : $"not recorded (hotfix verify {incident} --deployed)"),
            ("Window", s.EndsAt is { } end ? $"{s.WindowHours} h, ends {StabilityWindow.Time(end)}" : $"{s.WindowHours} h"),
            ("Stable", s.DeclaredStable is { } st ? $"declared by {st.By} at {StabilityWindow.Time(st.At)}" : s.CanDeclareStable ? "yes — can be declared stable now" : "not yet"),
            ("Post-mortem", s.PostMortem is { } pm ? $"{pm.Status} ({pm.By}, {StabilityWindow.Time(pm.At)}){(pm.Note is null ? string.Empty : ": " + pm.Note)}" : "not scheduled"),
            ("Incident", s.Closed is { } c ? $"closed by {c.By} at {StabilityWindow.Time(c.At)}" : s.CanClose ? "can be closed now" : "cannot be closed yet"));

        foreach (var checkpoint in s.Checkpoints)
        {
            var due = checkpoint.DueAt is { } at ? $"due {StabilityWindow.Time(at)}" : $"{checkpoint.Hour} h after the deploy";
            document.Heading($"{checkpoint.Name} — {due} ({Name(checkpoint.State)})");
            document.Checklist(checkpoint.Checks.Select(k => new ChecklistItem(
                $"{k.Check.Check} ({k.Check.Id})",
                k.State == CheckState.Pass,
                k.Latest is { } l ? $"{(l.Passed ? "pass" : "FAILED")} — {l.By}, {StabilityWindow.Time(l.At)}{(l.Source == "attested" ? string.Empty : $", measured by {l.Source}")}{(l.Note is null ? string.Empty : ": " + l.Note)}" : null)));
        }

        if (!s.CanDeclareStable && s.DeclaredStable is null)
        {
            document.Heading("Not stable yet because");
            document.List(s.NotStableBecause);
        }
        else if (s.Closed is null && !s.CanClose)
        {
            document.Heading("Cannot close yet because");
            document.List(s.CannotCloseBecause);
        }
    }

    private static string Name(CheckpointState state) => state switch
    {
        CheckpointState.NotStarted => "not started",
        CheckpointState.NotDue => "not due",
        CheckpointState.Due => "due",
        CheckpointState.Overdue => "OVERDUE",
        CheckpointState.Passed => "passed",
        _ => "failed",
    };
}

internal sealed record VerificationJson(
    string Incident,
    DateTimeOffset Now,
    WindowJson Window,
    IReadOnlyList<CheckpointJson> Checkpoints,
    IReadOnlyList<string> Due,
    StableJson Stable,
    PostMortemJson? PostMortem,
    CloseJson Close);

internal sealed record WindowJson(int Hours, DateTimeOffset? DeployedAt, string? DeployedBy, DateTimeOffset? EndsAt);

internal sealed record CheckpointJson(string Name, int Hour, DateTimeOffset? DueAt, string State, IReadOnlyList<CheckJson> Checks);

internal sealed record CheckJson(string Id, string Check, string State, string? By, DateTimeOffset? At, string? Note, string? Source);

internal sealed record StableJson(bool Can, bool Declared, DateTimeOffset? DeclaredAt, IReadOnlyList<string> Reasons);

internal sealed record PostMortemJson(string Status, DateTimeOffset At, string By, string? Note);

internal sealed record CloseJson(bool Can, bool Closed, DateTimeOffset? ClosedAt, IReadOnlyList<string> Reasons);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(VerificationJson))]
internal sealed partial class VerificationJsonContext : JsonSerializerContext;
