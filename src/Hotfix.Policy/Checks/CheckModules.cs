using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Checks.Review;
using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Checks.Testing;

namespace Hotfix.Policy.Checks;

/// <summary>
/// The core's own modules, in report order. Other packages add theirs through the engine builder (the migrations
/// module comes from Hotfix.Migrations and reports after scope).
/// </summary>
internal static class CheckModules
{
    public static IReadOnlyList<ICheckModule> Core { get; } =
    [
        new BranchingModule(),
        new ScopeModule(),
        new TestPlanModule(),
        new ReviewModule(),
    ];
}
