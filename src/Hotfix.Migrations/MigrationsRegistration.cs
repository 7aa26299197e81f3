using Hotfix.Migrations.Checks;
using Hotfix.Migrations.Rollback;
using Hotfix.Policy.Ports;

namespace Hotfix;

/// <summary>Registers the migrations module with a <see cref="HotfixEngineBuilder"/>.</summary>
public static class MigrationsRegistration
{
    /// <summary>
    /// Adds migration detection for 26 frameworks and the HF20xx rules (destructive, irreversible, locking,
    /// backward-incompatible, edited applied migrations, downs that do not invert, unbounded data changes), and the
    /// migration rollback planner (<see cref="HotfixEngine.PlanMigrationRollback"/>).
    /// </summary>
    public static HotfixEngineBuilder AddMigrations(this HotfixEngineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Ports.Add<IMigrationRollbackPlanner>(new MigrationRollbackPlanner());
        return builder.AddModule(new MigrationsModule());
    }
}
