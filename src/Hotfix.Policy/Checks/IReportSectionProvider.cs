using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks;

/// <summary>Adds a section (branch, scope, migrations, required tests, review…) to the check report.</summary>
internal interface IReportSectionProvider
{
    /// <summary>The section, or null when it has nothing to say for this subject.</summary>
    ReportSection? Build(CheckContext context);
}
