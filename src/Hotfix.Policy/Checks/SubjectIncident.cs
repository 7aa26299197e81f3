using Hotfix.Policy.Branching;
using Hotfix.Policy.Records;

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

    /// <summary>
    /// The record of the subject's incident, when the host keeps records: read once per check run, so that every section
    /// and rule of one report judges the same entries — also while another process appends to the record — and a
    /// finish, which runs the whole check, does not read it once per section.
    /// </summary>
    public static IncidentRecord? RecordOf(CheckContext context) =>
        context.Fact(static c => new RecordFact(
            Of(c) is { } incident && c.Ports.Find<IIncidentRecordStore>() is { } store ? store.Read(incident) : null)).Record;

    private sealed record RecordFact(IncidentRecord? Record);
}
