using Hotfix.Migrations.Rollback;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The command line's engine: the session's policy and repository, the core's and the migrations package's checks,
/// the process's clock — the same composition a host makes with <see cref="HotfixEngine.CreateBuilder"/>.
/// </summary>
internal static class CliEngine
{
    public static HotfixEngine For(RepositorySession session, CliEnvironment environment)
    {
        var builder = HotfixEngine.CreateBuilder()
            .UsePolicy(session.Policy, session.PolicyFile)
            .UseGitRepository(session.Repository)
            .UseTimeProvider(environment.Time)
            .UseIncidentRecords(Workspace.RecordStore(environment, session.Policy, session.Repository.Root))
            .UseToolName(ToolIdentity.Current.Name, ToolIdentity.Current.Version);
        foreach (var module in CliModules.All)
        {
            builder.AddModule(module);
        }

        // What AddMigrations() registers besides its module: the migration rollback planner.
        builder.AddPort<IMigrationRollbackPlanner>(new MigrationRollbackPlanner());

        return builder.Build();
    }
}
