using Hotfix.Migrations.Detection;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Ports;

namespace Hotfix.Migrations;

/// <summary>
/// The migrations of the check's change set, detected once and shared by every rule and section
/// (<c>MigrationFact.Of(context)</c>). Change classification uses <see cref="HasDatabaseChange"/> to mark a hotfix as a
/// database change; the HF20xx rules use the migrations themselves.
/// </summary>
internal sealed class MigrationFact
{
    private MigrationFact(MigrationScan? scan, string? unavailableReason, bool hostHasNoChangeSets = false)
    {
        HostHasNoChangeSets = hostHasNoChangeSets;
        Migrations = scan?.Migrations ?? [];
        SchemaChangesWithoutMigration = scan?.SchemaChangesWithoutMigration ?? [];
        UnindexedRelations = scan?.UnindexedRelations ?? [];
        UnavailableReason = unavailableReason;
    }

    /// <summary>Migrations the hotfix adds, edits, renames or deletes, in path order.</summary>
    public IReadOnlyList<DetectedMigration> Migrations { get; }

    /// <summary>Schema-intent files (model snapshot, schema.prisma, drizzle snapshot, schema.rb) changed without a migration of their framework.</summary>
    public IReadOnlyList<SchemaChangeWithoutMigration> SchemaChangesWithoutMigration { get; }

    /// <summary>Relations a changed schema.prisma adds under <c>relationMode = "prisma"</c> with no index on their fields.</summary>
    public IReadOnlyList<Formats.UnindexedRelation> UnindexedRelations { get; }

    /// <summary>Why migrations could not be looked for (the change set is unavailable), else null.</summary>
    public string? UnavailableReason { get; }

    /// <summary>
    /// The host supplied no <see cref="IChangeSetReader"/>: it embeds the core without change-based checks, so the
    /// migration rules stay silent rather than report a problem the host chose not to ask about.
    /// </summary>
    public bool HostHasNoChangeSets { get; }

    /// <summary>The hotfix changes the database: a migration or a schema-intent file is part of it.</summary>
    public bool HasDatabaseChange => Migrations.Count > 0 || SchemaChangesWithoutMigration.Count > 0;

    /// <summary>Every path that makes this a database change (migrations, their downs, schema files).</summary>
    public IReadOnlyList<string> DatabasePaths =>
        Migrations.Select(m => m.Path)
            .Concat(Migrations.Select(m => m.Down.Path).OfType<string>())
            .Concat(SchemaChangesWithoutMigration.Select(s => s.Path))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static MigrationFact Of(CheckContext context) => context.Fact(Compute);

    /// <summary>Detects the migrations of a change set directly (hosts and tests without a check context).</summary>
    public static MigrationFact From(ChangeSet changes, IChangeSetReader? reader) => new(MigrationScanner.Scan(changes, reader), null);

    private static MigrationFact Compute(CheckContext context)
    {
        if (context.Ports.Find<IChangeSetReader>() is null)
        {
            return new MigrationFact(null, $"the host supplied no {nameof(IChangeSetReader)} adapter", hostHasNoChangeSets: true);
        }

        var changes = ChangeSetFact.Of(context);
        return changes.Changes is null
            ? new MigrationFact(null, changes.UnavailableReason ?? "the change set is not available")
            : From(changes.Changes, context.Ports.Find<IChangeSetReader>());
    }
}
