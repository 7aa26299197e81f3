using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Checks.Migrations;
using Hotfix.Policy.Checks.Review;
using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Checks.Testing;

namespace Hotfix.Policy.Checks;

/// <summary>The modules <c>hotfix check</c> runs, in report order.</summary>
public static class CheckModules
{
    public static IReadOnlyList<ICheckModule> All { get; } =
    [
        new BranchingModule(),
        new ScopeModule(),
        new MigrationsModule(),
        new TestPlanModule(),
        new ReviewModule(),
    ];
}
