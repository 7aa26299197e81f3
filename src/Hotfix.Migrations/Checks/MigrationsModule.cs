using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Classification;
using Hotfix.Policy.Ports;

namespace Hotfix.Migrations.Checks;

/// <summary>MUST_CHECK "Does it affect data integrity? (migrations, writes, deletes)" for migrations: HF2001–HF2008, HF2010, and HF4004 (missing indexes).</summary>
internal sealed class MigrationsModule : ICheckModule
{
    public string Name => "migrations";

    public int ReportOrder => 300;

    public IReadOnlyList<Type> RequiredPorts { get; } = [typeof(IChangeSetReader)];

    public IReadOnlyList<ICheckRule> Rules { get; } =
    [
        new MigrationPresentRule(),
        new DestructiveMigrationRule(),
        new IrreversibleMigrationRule(),
        new BackwardIncompatibleMigrationRule(),
        new LockingMigrationRule(),
        new EditedAppliedMigrationRule(),
        new DownDoesNotInvertUpRule(),
        new UnboundedMigrationDataChangeRule(),
        new MissingForeignKeyIndexRule(),
        new StatementOutsideTransactionRule(),
    ];

    public IReadOnlyList<IReportSectionProvider> Sections { get; } = [new MigrationsSectionProvider()];

    public IReadOnlyList<IChangeKindSignalProvider> SignalProviders { get; } = [new MigrationKindSignals()];
}
