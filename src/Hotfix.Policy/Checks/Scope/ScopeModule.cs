using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>
/// MUST_CHECK "Is the change scoped tightly to the incident? (no unrelated changes bundled)": size, formatting,
/// dependencies, components and refactors of the change since the merge base with main.
/// </summary>
internal sealed class ScopeModule : ICheckModule
{
    public string Name => "scope";

    public int ReportOrder => 200;

    public IReadOnlyList<Type> RequiredPorts { get; } = [typeof(IChangeSetReader)];

    public IReadOnlyList<ICheckRule> Rules { get; } =
    [
        new ChangeTooLargeRule(),
        new FormattingOnlyRule(),
        new DependencyChangeRule(),
        new OutsideScopeRule(),
        new UnrelatedRefactorRule(),
    ];

    public IReadOnlyList<IReportSectionProvider> Sections { get; } = [new ScopeSectionProvider()];
}
