namespace Hotfix.Policy.Checks;

/// <summary>An area of the runbook (branching, scope, migrations…): its rules and the report sections it adds.</summary>
public interface ICheckModule
{
    string Name { get; }

    IReadOnlyList<ICheckRule> Rules { get; }

    IReadOnlyList<IReportSectionProvider> Sections { get; }
}
