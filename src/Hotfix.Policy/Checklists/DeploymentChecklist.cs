namespace Hotfix.Policy.Checklists;

/// <summary>The runbook's deployment checklist for one change: its items by phase and the components it touched.</summary>
public sealed class DeploymentChecklist
{
    internal DeploymentChecklist(DeploymentChecklistRequest request, IReadOnlyList<AffectedComponent> components, IReadOnlyList<ChecklistEntry> entries)
    {
        Request = request;
        Components = components;
        Entries = entries;
    }

    /// <summary>The components of the policy the change touched (images to rebuild, workloads to restart).</summary>
    public IReadOnlyList<AffectedComponent> Components { get; }

    /// <summary>Every item in runbook order: pre-deploy, deploy, post-deploy.</summary>
    public IReadOnlyList<ChecklistEntry> Entries { get; }

    internal DeploymentChecklistRequest Request { get; }

    /// <summary>The items of one phase.</summary>
    public IEnumerable<ChecklistEntry> In(ChecklistPhase phase) => Entries.Where(e => e.Phase == phase);

    /// <summary>The item with this id (e.g. <c>pre.review</c>), or null.</summary>
    public ChecklistEntry? Find(string id) => Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
}
