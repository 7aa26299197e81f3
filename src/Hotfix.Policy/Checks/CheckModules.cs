using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Checks.Migrations;

namespace Hotfix.Policy.Checks;

/// <summary>The modules <c>hotfix check</c> runs, in report order.</summary>
public static class CheckModules
{
    public static IReadOnlyList<ICheckModule> All { get; } =
    [
        new BranchingModule(),
        new MigrationsModule(),
    ];
}
