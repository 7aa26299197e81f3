namespace Hotfix.Policy.Checklists;

/// <summary>
/// One item of the deployment checklist, tailored to the change: stable id (for <c>--done</c> and the record), the
/// task, the runbook line it comes from, the commands that do it, a note (what is known, what to fill in), and who
/// ticked it off when the incident record says so.
/// </summary>
/// <param name="Id">Stable id, for <c>--done</c> and the incident record.</param>
/// <param name="Phase">PRE_DEPLOY, DEPLOY or POST_DEPLOY.</param>
/// <param name="Text">The task.</param>
/// <param name="RunbookLine">The runbook line the item comes from, word for word.</param>
/// <param name="Commands">Shell commands that do it; empty when it is not a command.</param>
/// <param name="Note">What is known or still to fill in; null when nothing.</param>
public sealed record ChecklistEntry(
    string Id,
    ChecklistPhase Phase,
    string Text,
    string RunbookLine,
    IReadOnlyList<string> Commands,
    string? Note)
{
    /// <summary>Who ticked the item off, from the incident record; null while it is open.</summary>
    public ChecklistCompletion? Done { get; init; }
}

/// <summary>Who ticked an item off, when, and what they noted (from the incident record's deploy-step entries).</summary>
/// <param name="By">The person who ticked it off.</param>
/// <param name="At">When.</param>
/// <param name="Note">What they noted; null when nothing.</param>
public sealed record ChecklistCompletion(string By, DateTimeOffset At, string? Note);
