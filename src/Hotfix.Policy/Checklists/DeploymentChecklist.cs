namespace Hotfix.Policy.Checklists;

/// <summary>The runbook's deployment checklist for one change: its items by phase and the components it touched.</summary>
public sealed record DeploymentChecklist(
    DeploymentChecklistRequest Request,
    IReadOnlyList<AffectedComponent> Components,
    IReadOnlyList<ChecklistEntry> Entries)
{
    public IEnumerable<ChecklistEntry> In(ChecklistPhase phase) => Entries.Where(e => e.Phase == phase);

    public ChecklistEntry? Find(string id) => Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
}
