namespace Hotfix.Migrations.Detection;

/// <summary>What a file is to its migration framework.</summary>
internal enum MigrationFileRole
{
    /// <summary>A migration (its up, and its down when the framework keeps both in one file).</summary>
    Migration,

    /// <summary>A separate down/undo/revert file (golang-migrate .down, Flyway U, sqitch revert/).</summary>
    Down,

    /// <summary>A file that states the schema the migrations should produce (model snapshot, schema.prisma, schema.rb…).</summary>
    SchemaIntent,

    /// <summary>Bookkeeping that changes with migrations (EF Designer.cs, drizzle _journal.json, migration_lock.toml, sqitch.plan).</summary>
    Companion,
}

/// <summary>A file recognised as belonging to a framework.</summary>
internal sealed record MigrationFileMatch(MigrationFramework Framework, MigrationFileRole Role, string What = "");

/// <summary>
/// One migration framework: how its files are recognised (by path and content), how a migration pairs with its down,
/// and how its text becomes operations. Implementations never throw on odd input.
/// </summary>
internal interface IMigrationFormat
{
    MigrationFramework Framework { get; }

    /// <summary>What reports and messages say about the framework: its id, its name, whether it has downs.</summary>
    MigrationFrameworkFacts Facts { get; }

    /// <summary>The file's role, or null when the file is not this framework's. <paramref name="text"/> is empty when unreadable.</summary>
    MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files);

    /// <summary>The sibling down file of an up file, when the framework keeps downs apart (whether or not it exists).</summary>
    string? DownPathFor(string upPath, RepositoryFiles files) => null;

    /// <summary>The up file a down file belongs to.</summary>
    string? UpPathFor(string downPath, RepositoryFiles files) => null;

    /// <summary>
    /// For a migration the framework lets you rewrite in place (sqitch <c>rework</c>): the frozen copy of the version
    /// it replaces, when the head marks it as reworked; else null. A reworked change is a new migration, not an edit.
    /// </summary>
    string? ReworkedFrom(string upPath, RepositoryFiles files) => null;

    /// <summary>
    /// Why the framework re-runs the migration at <paramref name="upPath"/> whenever it changes, when the project's
    /// set-up says so (DbUp's <c>RunAlways</c> scripts) — editing one is how it is meant to change; else null.
    /// </summary>
    string? RepeatableBecause(string upPath, MigrationSettings settings, RepositoryFiles files) => null;

    /// <summary>
    /// The migrations that ran before the one at <paramref name="upPath"/>, in run order, for a framework that orders
    /// them by something other than their file names (Alembic's <c>down_revision</c> chain); null when the names say it.
    /// </summary>
    IReadOnlyList<string>? RunBefore(string upPath, RepositoryFiles files) => null;

    /// <summary>
    /// Tables the framework's own schema snapshot says existed before the migration at <paramref name="upPath"/>, as
    /// (table, columns with their types); empty when the framework keeps none. Used where no earlier migration defines a
    /// table (a squashed or baselined history).
    /// </summary>
    IEnumerable<(string Table, IReadOnlyList<(string Column, string? Type)> Columns)> SnapshotBefore(string upPath, RepositoryFiles files) => [];

    /// <summary>Reads the migrations in a file (one for most frameworks; one per changeset for Liquibase).</summary>
    /// <param name="downPath">The sibling down file, when the framework has them and it exists; else null.</param>
    /// <param name="path">The file's repository-relative path (forward slashes).</param>
    /// <param name="text">The file's text; empty when it could not be read.</param>
    /// <param name="downText">
    /// The down file's text, when <paramref name="downPath"/> is given and readable; else null.
    /// </param>
    /// <param name="database">The database the migrations run against, which decides how raw SQL is read.</param>
    IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database);
}
