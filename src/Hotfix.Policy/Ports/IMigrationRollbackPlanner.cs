using Hotfix.Policy.Checks;
using Hotfix.Policy.Decisions;

namespace Hotfix.Policy.Ports;

/// <summary>
/// Plans the rollback of a hotfix's migrations (<see cref="HotfixEngine.PlanMigrationRollback"/>); the migrations
/// package registers it with <c>AddMigrations()</c>, since only it can read the migrations.
/// </summary>
internal interface IMigrationRollbackPlanner
{
    MigrationRollbackPlan Plan(CheckContext context);
}
