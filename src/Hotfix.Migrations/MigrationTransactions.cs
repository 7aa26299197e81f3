using System.Text.RegularExpressions;

namespace Hotfix.Migrations;

/// <summary>How a framework runs a migration's statements on PostgreSQL, as far as transactions go.</summary>
internal enum TransactionBoundary
{
    /// <summary>The framework opens a transaction around each migration (or all of them) unless the migration opts out.</summary>
    Wrapped,

    /// <summary>
    /// No wrapping transaction, but the driver sends the whole file as one query, and PostgreSQL runs a query of several
    /// statements as one implicit transaction (golang-migrate's postgres driver): a statement alone in its file is fine.
    /// </summary>
    OneQueryPerFile,

    /// <summary>
    /// The framework reads the migration first (Flyway): it wraps it in a transaction unless it finds a statement it
    /// knows cannot run in one (<see cref="FlywayStatements"/>), and refuses a migration that has both kinds unless
    /// the project allows mixing them.
    /// </summary>
    DetectedPerMigration,
}

/// <summary>Where a framework lets a migration say "no transaction", and so where Hotfix looks for it.</summary>
internal enum OptOutScope
{
    /// <summary>Anywhere in the migration (its file, or its changeset when a file holds several).</summary>
    Migration,

    /// <summary>The first line of the file that holds the statement (sqlx's <c>-- no-transaction</c>).</summary>
    FirstLine,

    /// <summary>The header of an indented block around the statement (Alembic's <c>with …autocommit_block():</c>).</summary>
    EnclosingBlock,

    /// <summary>The C# statement that issues it (EF Core's <c>Sql(…, suppressTransaction: true)</c>).</summary>
    CSharpStatement,

    /// <summary>A file beside the migration (Diesel's <c>metadata.toml</c>; Flyway's <c>V2__x.sql.conf</c>, named after the script).</summary>
    SiblingFile,
}

/// <summary>One way a migration opts out of its framework's transaction.</summary>
/// <param name="Scope">Where the pattern is looked for.</param>
/// <param name="Pattern">The opt-out's text.</param>
/// <param name="Direction">The half it covers (dbmate's up and down sections opt out apart); null for both.</param>
/// <param name="File">
/// For <see cref="OptOutScope.SiblingFile"/>: the file's name in the migration's folder; <c>{file}</c> stands for the
/// migration file's own name.
/// </param>
internal sealed record TransactionOptOut(OptOutScope Scope, Regex Pattern, MigrationDirection? Direction = null, string? File = null);

/// <summary>A framework's transaction model: what it wraps the migration in, and the opt-out a migration writes.</summary>
/// <param name="Boundary">What runs the statements inside a transaction.</param>
/// <param name="Transaction">The transaction, for messages: "the transaction goose wraps each migration in".</param>
/// <param name="Advice">The opt-out, pasteable, and where it goes.</param>
/// <param name="OptOuts">The forms of the opt-out Hotfix recognises.</param>
internal sealed record TransactionModel(TransactionBoundary Boundary, string Transaction, string Advice, IReadOnlyList<TransactionOptOut> OptOuts);

/// <summary>What the project's own configuration says about transactions, for every migration at once.</summary>
/// <param name="AllowsMixed">Flyway's <c>mixed = true</c>: a migration of both kinds runs without a transaction instead of being refused.</param>
/// <param name="NoTransaction">Flyway's <c>executeInTransaction = false</c>: no migration runs in a transaction.</param>
internal sealed record ProjectTransactionSettings(bool AllowsMixed = false, bool NoTransaction = false)
{
    public static ProjectTransactionSettings None { get; } = new();
}

/// <summary>
/// Each framework's transaction model on PostgreSQL, in one place. A framework missing here is one whose behaviour
/// Hotfix has not confirmed (Sequelize and DbUp do not wrap by default, sqitch scripts own their BEGIN/COMMIT, Prisma,
/// Supabase, MikroORM): its migrations are not judged.
/// </summary>
internal static partial class MigrationTransactions
{
    private static readonly Dictionary<MigrationFramework, TransactionModel> Models = new()
    {
        [MigrationFramework.Goose] = new(
            TransactionBoundary.Wrapped,
            "the transaction goose runs each migration in",
            "`-- +goose NO TRANSACTION` at the top of the SQL file (a Go migration: register it with `goose.AddMigrationNoTxContext(up, down)`, whose functions take a `*sql.DB`)",
            [Anywhere(GooseNoTransaction()), Anywhere(GooseGoNoTransaction())]),
        [MigrationFramework.Dbmate] = new(
            TransactionBoundary.Wrapped,
            "the transaction dbmate runs each migration section in",
            "`-- migrate:up transaction:false` (and `-- migrate:down transaction:false`) as the section headers",
            [new(OptOutScope.Migration, DbmateUpNoTransaction(), MigrationDirection.Up), new(OptOutScope.Migration, DbmateDownNoTransaction(), MigrationDirection.Down)]),
        [MigrationFramework.Sqlx] = Wrapped(
            "the transaction sqlx runs each migration in",
            "`-- no-transaction` as the file's first line",
            new TransactionOptOut(OptOutScope.FirstLine, SqlxNoTransaction())),
        [MigrationFramework.Atlas] = Wrapped(
            "the transaction Atlas runs each migration file in (its default tx-mode \"file\")",
            "`-- atlas:txmode none` at the top of the file",
            Anywhere(AtlasTxModeNone())),
        [MigrationFramework.Diesel] = Wrapped(
            "the transaction Diesel runs each migration in",
            "`run_in_transaction = false` in a `metadata.toml` beside up.sql",
            new TransactionOptOut(OptOutScope.SiblingFile, DieselNoTransaction(), File: "metadata.toml")),
        [MigrationFramework.GolangMigrate] = new(
            TransactionBoundary.OneQueryPerFile,
            "the implicit transaction PostgreSQL runs a multi-statement query in (golang-migrate's postgres driver sends the whole file as one query)",
            "a migration file of its own, holding that statement alone (or `x-multi-statement=true` in the database URL, which Hotfix cannot see)",
            []),
        [MigrationFramework.DrizzleKit] = new(
            TransactionBoundary.Wrapped,
            "the one transaction drizzle's migrator runs every pending migration in",
            "run the statement outside drizzle's migrator instead (psql, or a deploy step after `migrate`), and take it out of the migration file",
            []),
        [MigrationFramework.Rails] = Wrapped(
            "the transaction Rails runs each migration in",
            "`disable_ddl_transaction!` in the migration class",
            Anywhere(RailsDisableTransaction())),
        [MigrationFramework.Django] = Wrapped(
            "the transaction Django runs each migration in",
            "`atomic = False` on the Migration class",
            Anywhere(DjangoAtomicFalse())),
        [MigrationFramework.Alembic] = Wrapped(
            "the transaction Alembic's env.py runs the migrations in",
            "`with op.get_context().autocommit_block():` around the operation",
            new TransactionOptOut(OptOutScope.EnclosingBlock, AlembicAutocommitBlock())),
        [MigrationFramework.EfCore] = Wrapped(
            "the transaction EF Core runs each migration in",
            "`migrationBuilder.Sql(\"…\", suppressTransaction: true)` for the statement (or, for an index, Npgsql's `.Annotation(\"Npgsql:CreatedConcurrently\", true)`, which suppresses it by itself)",
            new TransactionOptOut(OptOutScope.CSharpStatement, EfSuppressTransaction())),
        [MigrationFramework.Knex] = Wrapped(
            "the transaction Knex runs each migration in",
            "`exports.config = { transaction: false };` in the migration file",
            Anywhere(KnexConfigNoTransaction())),
        [MigrationFramework.TypeOrm] = Wrapped(
            "the transaction TypeORM runs the migrations in (migrationsTransactionMode \"all\" by default)",
            "`transaction = false;` on the migration class",
            Anywhere(TypeOrmTransactionFalse())),
        [MigrationFramework.Ecto] = Wrapped(
            "the transaction Ecto runs each migration in",
            "`@disable_ddl_transaction true` (and `@disable_migration_lock true`) in the migration module",
            Anywhere(EctoDisableTransaction())),
        [MigrationFramework.Laravel] = Wrapped(
            "the transaction Laravel runs each migration in on PostgreSQL",
            "`public $withinTransaction = false;` in the migration class",
            Anywhere(LaravelWithinTransactionFalse())),
        [MigrationFramework.Liquibase] = Wrapped(
            "the transaction Liquibase runs each changeset in",
            "`runInTransaction=\"false\"` on the changeSet (YAML `runInTransaction: false`, formatted SQL `runInTransaction:false`)",
            Anywhere(LiquibaseRunInTransactionFalse())),
        [MigrationFramework.FluentMigrator] = Wrapped(
            "the transaction FluentMigrator runs each migration in",
            "`TransactionBehavior.None` in the migration's attribute: `[Migration(<version>, TransactionBehavior.None)]`",
            Anywhere(FluentMigratorTransactionNone())),
        [MigrationFramework.Flyway] = new(
            TransactionBoundary.DetectedPerMigration,
            "the transaction Flyway runs each versioned migration in (it leaves a migration out of it only when it recognises a statement of it as non-transactional, and it recognises none here)",
            "`executeInTransaction=false` in a script configuration file beside the migration, named after it with `.conf` added (`V2__add_index.sql.conf`)",
            [new TransactionOptOut(OptOutScope.SiblingFile, FlywayScriptConfigNoTransaction(), File: "{file}.conf"), Anywhere(FlywayInlineNoTransaction())]),
        [MigrationFramework.Doctrine] = Wrapped(
            "the transaction Doctrine Migrations runs each migration in",
            "`public function isTransactional(): bool { return false; }` in the migration class",
            Anywhere(DoctrineNotTransactional())),
    };

    /// <summary>The framework's transaction model, or null when Hotfix has not confirmed it.</summary>
    public static TransactionModel? Of(MigrationFramework framework) => Models.GetValueOrDefault(framework);

    private static TransactionModel Wrapped(string transaction, string advice, TransactionOptOut optOut) =>
        new(TransactionBoundary.Wrapped, transaction, advice, [optOut]);

    private static TransactionOptOut Anywhere(Regex pattern) => new(OptOutScope.Migration, pattern);

    [GeneratedRegex(@"^\s*--\s*\+goose\s+NO\s+TRANSACTION\b", RegexOptions.Multiline)]
    private static partial Regex GooseNoTransaction();

    [GeneratedRegex(@"\bAdd(?:Named)?MigrationNoTx(?:Context)?\s*\(")]
    private static partial Regex GooseGoNoTransaction();

    [GeneratedRegex(@"^\s*--\s*migrate:up\b[^\n]*\btransaction:false\b", RegexOptions.Multiline)]
    private static partial Regex DbmateUpNoTransaction();

    [GeneratedRegex(@"^\s*--\s*migrate:down\b[^\n]*\btransaction:false\b", RegexOptions.Multiline)]
    private static partial Regex DbmateDownNoTransaction();

    [GeneratedRegex(@"^--\s*no-transaction\s*$")]
    private static partial Regex SqlxNoTransaction();

    [GeneratedRegex(@"^\s*--\s*atlas:txmode\s+none\b", RegexOptions.Multiline)]
    private static partial Regex AtlasTxModeNone();

    [GeneratedRegex(@"^\s*run_in_transaction\s*=\s*false\b", RegexOptions.Multiline)]
    private static partial Regex DieselNoTransaction();

    [GeneratedRegex(@"^\s*disable_ddl_transaction!", RegexOptions.Multiline)]
    private static partial Regex RailsDisableTransaction();

    [GeneratedRegex(@"^\s+atomic\s*=\s*False\b", RegexOptions.Multiline)]
    private static partial Regex DjangoAtomicFalse();

    [GeneratedRegex(@"^\s*with\s+[\w.]*(?:get_context\(\))?\.autocommit_block\(\)\s*:")]
    private static partial Regex AlembicAutocommitBlock();

    [GeneratedRegex(@"suppressTransaction\s*:\s*true\b|CreatedConcurrently""\s*,\s*true\b|\.Sql\((?s:.*),\s*true\s*\)\s*;?\s*$")]
    private static partial Regex EfSuppressTransaction();

    [GeneratedRegex(@"^\s*(?:exports\.config|module\.exports\.config|export\s+const\s+config)\s*=\s*\{[^}]*\btransaction\s*:\s*false\b", RegexOptions.Multiline)]
    private static partial Regex KnexConfigNoTransaction();

    [GeneratedRegex(@"^\s*(?:(?:public|readonly|override)\s+)*transaction\s*(?::\s*boolean\s*)?=\s*false\b", RegexOptions.Multiline)]
    private static partial Regex TypeOrmTransactionFalse();

    [GeneratedRegex(@"^\s*@disable_ddl_transaction\s+true\b", RegexOptions.Multiline)]
    private static partial Regex EctoDisableTransaction();

    [GeneratedRegex(@"^\s*(?:public\s+)?(?:bool\s+)?\$withinTransaction\s*=\s*false\s*;", RegexOptions.Multiline)]
    private static partial Regex LaravelWithinTransactionFalse();

    [GeneratedRegex(@"runInTransaction[""']?\s*[:=]\s*[""']?false\b")]
    private static partial Regex LiquibaseRunInTransactionFalse();

    [GeneratedRegex(@"\bTransactionBehavior\.None\b")]
    private static partial Regex FluentMigratorTransactionNone();

    [GeneratedRegex(@"^\s*executeInTransaction\s*=\s*false\b", RegexOptions.Multiline)]
    private static partial Regex FlywayScriptConfigNoTransaction();

    /// <summary>The same setting written as a comment in the script, as many Flyway projects do.</summary>
    [GeneratedRegex(@"^\s*--\s*flyway:executeInTransaction\s*=\s*false\b", RegexOptions.Multiline)]
    private static partial Regex FlywayInlineNoTransaction();

    [GeneratedRegex(@"function\s+isTransactional\s*\(\s*\)\s*(?::\s*bool\s*)?\{\s*return\s+false\s*;")]
    private static partial Regex DoctrineNotTransactional();
}
