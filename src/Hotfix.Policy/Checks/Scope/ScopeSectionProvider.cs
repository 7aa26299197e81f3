using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Scope;

internal sealed class ScopeSectionProvider : IReportSectionProvider
{
    public ReportSection Build(CheckContext context)
    {
        var analysis = ScopeAnalysis.Of(context);
        var available = analysis.Changes is not null;
        return new ScopeSection(
            analysis,
            available ? ScopeCounts.Of(analysis) : null,
            EffectiveBudget.For(context),
            context.Options.DeclaredScope,
            available ? analysis.TouchedComponents(context.Policy) : [],
            context.Policy.Components.Count > 0);
    }
}
