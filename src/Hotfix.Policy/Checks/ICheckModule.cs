using Hotfix.Policy.Checks.Classification;

namespace Hotfix.Policy.Checks;

/// <summary>An area of the runbook (branching, scope, migrations…): its rules and the report sections it adds.</summary>
internal interface ICheckModule
{
    /// <summary>A short lower-case name, unique among the modules of one engine (e.g. <c>migrations</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Where the module's sections stand in a report (stable sort, lower first): the core's modules are 100 branching,
    /// 200 scope, 400 test plan, 500 review; migrations report at 300. Modules without an opinion come last.
    /// </summary>
    int ReportOrder => 1000;

    /// <summary>The rules the module evaluates, in report order.</summary>
    IReadOnlyList<ICheckRule> Rules { get; }

    /// <summary>The report sections the module adds (summaries beside the findings).</summary>
    IReadOnlyList<IReportSectionProvider> Sections { get; }

    /// <summary>
    /// The ports the module's rules read (e.g. <c>IChangeSetReader</c>): the engine builder refuses to build without
    /// an adapter for each, so a rule never silently reports nothing for want of one.
    /// </summary>
    IReadOnlyList<Type> RequiredPorts => [];

    /// <summary>
    /// Evidence the module adds to the change's classification (e.g. "database: adds a migration"), so the test plan
    /// and the checklist see what the module recognised. None by default.
    /// </summary>
    IReadOnlyList<IChangeKindSignalProvider> SignalProviders => [];
}
