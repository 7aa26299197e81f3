using Hotfix.Policy.Changes;

namespace Hotfix.Migrations;

/// <summary>The way back of one migration: where it is, what Hotfix found, and its operations.</summary>
internal sealed record MigrationDown(
    string? Path,
    DownStatus Status,
    string Detail,
    int? Line,
    IReadOnlyList<MigrationOperation> Operations,
    IReadOnlyList<DownInversion.Problem> Problems);

/// <summary>A migration the hotfix adds, edits, renames or deletes, read into the common operation model.</summary>
internal sealed class DetectedMigration
{
    private IReadOnlyList<IReadOnlyList<MigrationRisk>>? risks;

    public required MigrationFramework Framework { get; init; }

    /// <summary>The file of the up migration (for a deleted migration: the path it had).</summary>
    public required string Path { get; init; }

    /// <summary>For a rename: the path at the merge base.</summary>
    public string? OldPath { get; init; }

    /// <summary>The changeset id (author:id) when the file holds several migrations (Liquibase), else null.</summary>
    public string? Id { get; init; }

    /// <summary>Where the migration starts in its file.</summary>
    public int Line { get; init; } = 1;

    /// <summary>How the hotfix changed it. Added migrations are new; anything else touches one that is already on main.</summary>
    public required FileChangeKind Change { get; init; }

    /// <summary>The migration already exists on main (at the merge base): it has run somewhere and must not change.</summary>
    public bool ExistedOnMain { get; init; }

    /// <summary>The SQL files it runs (Liquibase <c>sqlFile</c>).</summary>
    public IReadOnlyList<string> IncludedFiles { get; init; } = [];

    /// <summary>The SQL files it runs (Liquibase <c>sqlFile</c>) whose text the hotfix changed.</summary>
    public IReadOnlyList<string> EditedIncludedFiles { get; init; } = [];

    /// <summary>The migration's own file is as it is on main: the hotfix changed only a file it runs.</summary>
    public bool ChangelogUntouched { get; init; }

    public MigrationDatabase Database { get; init; }

    public required IReadOnlyList<MigrationOperation> Up { get; init; }

    public required MigrationDown Down { get; init; }

    public IReadOnlyList<MigrationWaiverComment> Waivers { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Whether its statements run inside a transaction, as its framework and its own opt-out say (HF2010).</summary>
    public MigrationTransaction Transaction { get; init; } = MigrationTransaction.Unknown;

    /// <summary>Where it is shown: the path, plus the changeset id for Liquibase.</summary>
    public string DisplayName => Id is null ? Path : $"{Path}#{Id}";

    /// <summary>The repository's files at the hotfix's head (null: unknown), for the rollback plan's names from the migration's folder.</summary>
    public Detection.RepositoryFiles? Files { get; init; }

    /// <summary>The columns a table had before this migration, from the earlier migrations of its folder (null: unknown).</summary>
    public Func<string, IReadOnlyCollection<string>?>? PreviousColumns { get; init; }

    /// <summary>The indexes the earlier migrations of its folder created (null: unknown), for HF4004.</summary>
    public Func<IndexCoverage>? IndexesBefore { get; init; }

    /// <summary>The check constraints the earlier migrations of its folder left (null: unknown): a validated NOT NULL check.</summary>
    public Func<NotNullChecks>? ChecksBefore { get; init; }

    /// <summary>Whether a table was created by an earlier migration of the same hotfix (null: unknown), for the risk table.</summary>
    public Func<string, bool>? CreatedByHotfix { get; init; }

    /// <summary>The risks of each up operation (same order as <see cref="Up"/>), from the shared risk table.</summary>
    public IReadOnlyList<IReadOnlyList<MigrationRisk>> Risks => risks ??= MigrationRiskTable.AssessAll(Up, Database, PreviousColumns, ChecksBefore?.Invoke(), CreatedByHotfix);
}

/// <summary>A schema-intent file (model snapshot, schema.prisma, drizzle snapshot, schema.rb) changed without a migration.</summary>
internal sealed record SchemaChangeWithoutMigration(MigrationFramework Framework, string Path, string What);
