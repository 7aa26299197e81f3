using Hotfix.Policy.Branching;
using Hotfix.Policy.Incidents;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Branching;

public sealed class BranchSectionProvider : IReportSectionProvider
{
    public ReportSection Build(CheckContext context)
    {
        var name = context.Subject.BranchName;
        IncidentId? incident = HotfixBranchName.TryParse(name, context.Policy.Branches.Naming, out var parsed, out _)
            ? parsed.Incident
            : IncidentId.FindAll(name) is [var first, ..] ? first : null;
        return new BranchSection(name, incident, context.Subject.CommitSha, BranchHistory.Of(context));
    }
}
