namespace Hotfix.Policy.Policies;

/// <summary>Who holds the runbook's roles. Empty by default: the runbook's people belong in a company policy.</summary>
public sealed class PeoplePolicy
{
    /// <summary>Approves deployment; may perform the SEV1 expedited review.</summary>
    public string? IncidentCommander { get; init; }

    /// <summary>May perform expedited reviews.</summary>
    public IReadOnlyList<string> SeniorDevelopers { get; init; } = [];

    /// <summary>Code owners by area (informational; shown in checklists).</summary>
    public IReadOnlyDictionary<string, string> Owners { get; init; } = new Dictionary<string, string>();
}
