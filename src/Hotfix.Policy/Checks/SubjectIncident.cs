using Hotfix.Policy.Branching;

namespace Hotfix.Policy.Checks;

/// <summary>The incident a check is about: from a valid hotfix branch name, else the first incident id in the name.</summary>
internal static class SubjectIncident
{
    public static IncidentId? Of(CheckContext context)
    {
        var name = context.Subject.BranchName;
        return HotfixBranchName.TryParse(name, context.Policy.Branches.Naming, out var parsed, out _)
            ? parsed.Incident
            : IncidentId.FindAll(name) is [var first, ..] ? first : null;
    }
}
