using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Branching;

/// <summary>HOTFIX:BRANCHING: the branch's name, origin and relation to main and the back-merge target.</summary>
internal sealed class BranchingModule : ICheckModule
{
    public string Name => "branching";

    public int ReportOrder => 100;

    public IReadOnlyList<Type> RequiredPorts { get; } = [typeof(IHistoryReader)];

    public IReadOnlyList<ICheckRule> Rules { get; } =
    [
        new BranchNameRule(),
        new NotBasedOnMainRule(),
        new BaseBehindMainRule(),
        new ShallowHistoryRule(),
    ];

    public IReadOnlyList<IReportSectionProvider> Sections { get; } = [new BranchSectionProvider()];
}
