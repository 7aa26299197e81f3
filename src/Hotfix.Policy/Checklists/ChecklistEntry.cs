namespace Hotfix.Policy.Checklists;

/// <summary>
/// One item of the deployment checklist, tailored to the change: stable id (for <c>--done</c> and the record), the
/// task, the runbook line it comes from, the commands that do it, a note (what is known, what to fill in), and who
/// ticked it off when the incident record says so.
/// </summary>
public sealed record ChecklistEntry(
    string Id,
    ChecklistPhase Phase,
    string Text,
    string RunbookLine,
    IReadOnlyList<string> Commands,
    string? Note)
{
    public ChecklistCompletion? Done { get; init; }
}

/// <summary>Who ticked an item off, when, and what they noted (from the incident record's deploy-step entries).</summary>
public sealed record ChecklistCompletion(string By, DateTimeOffset At, string? Note);
