using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Branching;

internal sealed class BranchSectionProvider : IReportSectionProvider
{
    public ReportSection Build(CheckContext context) =>
        new BranchSection(context.Subject.BranchName, SubjectIncident.Of(context), context.Subject.CommitSha, BranchHistory.Of(context));
}
