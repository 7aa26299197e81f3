using Hotfix.Policy.Checks.Classification;

namespace Hotfix.Policy.Checks.Testing;

/// <summary>HOTFIX:EXPEDITED_TESTING: the change's kinds and the tests the runbook requires for them.</summary>
internal sealed class TestPlanModule : ICheckModule
{
    public string Name => "testing";

    public int ReportOrder => 400;

    public IReadOnlyList<ICheckRule> Rules { get; } = [];

    public IReadOnlyList<IReportSectionProvider> Sections { get; } = [new ClassificationSectionProvider(), new RequiredTestsSectionProvider(), new TestsNotRequiredSectionProvider()];
}
