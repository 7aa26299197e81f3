namespace Hotfix.Policy.Checks.Review;

/// <summary>HOTFIX:EXPEDITED_CODE_REVIEW: what review the change requires (a section; review records are checked by ReviewGate).</summary>
internal sealed class ReviewModule : ICheckModule
{
    public string Name => "review";

    public int ReportOrder => 500;

    public IReadOnlyList<ICheckRule> Rules { get; } = [];

    public IReadOnlyList<IReportSectionProvider> Sections { get; } = [new ReviewSectionProvider()];
}
