using System.Text.Json;
using Hotfix.Policy.Incidents;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Branching;

/// <summary>The <c>branch</c> section of the report: which branch, which incident, which commit.</summary>
public sealed class BranchSection : ReportSection
{
    public BranchSection(string name, IncidentId? incident, string headCommit)
    {
        Name = name;
        Incident = incident;
        HeadCommit = headCommit;
    }

    public string Name { get; }

    public IncidentId? Incident { get; }

    public string HeadCommit { get; }

    public override string Key => "branch";

    public override string Title => "Branch";

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        if (Incident is { } id)
        {
            writer.WriteString("incidentId", id.ToString());
        }
        else
        {
            writer.WriteNull("incidentId");
        }

        writer.WriteString("headCommit", HeadCommit);
        writer.WriteEndObject();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        document.Facts(
            ("Name", Name),
            ("Incident", Incident?.ToString() ?? "none found in the branch name"),
            ("Head", HeadCommit.Length > 12 ? HeadCommit[..12] : HeadCommit));
    }
}
