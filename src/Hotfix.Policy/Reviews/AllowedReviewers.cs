using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Reviews;

/// <summary>
/// Who may perform an expedited review, from policy <c>review.approvers</c>: role names (incident-commander,
/// senior-developer) resolve to the people the policy names for them; a role the policy names nobody for stays open,
/// and a record then has to say which role its reviewer holds. Other entries are people.
/// </summary>
public sealed class AllowedReviewers
{
    /// <summary>The incident commander's role (the runbook's "mira"): may perform the SEV1 expedited review.</summary>
    public const string IncidentCommanderRole = "incident-commander";
    /// <summary>The role of the runbook's "senior dev": may perform expedited reviews.</summary>
    public const string SeniorDeveloperRole = "senior-developer";

    /// <summary>Resolves policy <c>review.approvers</c> against the people the policy names for each role.</summary>
    /// <param name="policy">The effective policy; its <c>review.approvers</c> and <c>people</c> are read.</param>
    public AllowedReviewers(HotfixPolicy policy)
    {
        var people = new List<(string Name, string? Role)>();
        var openRoles = new List<string>();
        foreach (var approver in policy.Review.Approvers)
        {
            switch (approver)
            {
                case IncidentCommanderRole when policy.People.IncidentCommander is { } commander:
                    people.Add((commander, IncidentCommanderRole));
                    break;
                case SeniorDeveloperRole when policy.People.SeniorDevelopers.Count > 0:
                    people.AddRange(policy.People.SeniorDevelopers.Select(p => (p, (string?)SeniorDeveloperRole)));
                    break;
                case IncidentCommanderRole or SeniorDeveloperRole:
                    openRoles.Add(approver);
                    break;
                default:
                    people.Add((approver, RoleOf(policy, approver)));
                    break;
            }
        }

        People = people.DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        OpenRoles = openRoles.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Named people, with the role they hold when the policy says.</summary>
    public IReadOnlyList<(string Name, string? Role)> People { get; }

    /// <summary>Roles the policy allows but names nobody for.</summary>
    public IReadOnlyList<string> OpenRoles { get; }

    /// <summary>"mira (incident-commander), sandro (senior-developer) or oncall-lead"; open roles are named as roles.</summary>
    public string Describe()
    {
        var parts = People.Select(p => p.Role is null ? p.Name : $"{p.Name} ({p.Role})").ToList();
        if (OpenRoles.Count > 0)
        {
            parts.Add($"anyone holding the role {string.Join(" or ", OpenRoles)} (the record names the role: NAME:ROLE)");
        }

        return parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " or " + parts[^1];
    }

    /// <summary>
    /// The <c>--reviewer</c> value a suggested command shows: a person the policy names, else <c>NAME:ROLE</c> with an
    /// open role — a bare NAME would be refused (HF5005) when the policy names nobody for its roles.
    /// </summary>
    internal string ReviewerForm() =>
        People.Count > 0 ? People[0].Name
        : OpenRoles.Count > 0 ? $"NAME:{OpenRoles[0]}"
        : "NAME";

    /// <summary>True when <paramref name="name"/>, holding <paramref name="role"/> (if given), may review.</summary>
    public bool Allows(string name, string? role) =>
        People.Any(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        || (role is not null && OpenRoles.Contains(role.Trim(), StringComparer.Ordinal));

    private static string? RoleOf(HotfixPolicy policy, string person) =>
        string.Equals(policy.People.IncidentCommander, person, StringComparison.OrdinalIgnoreCase) ? IncidentCommanderRole
        : policy.People.SeniorDevelopers.Contains(person, StringComparer.OrdinalIgnoreCase) ? SeniorDeveloperRole
        : null;
}
