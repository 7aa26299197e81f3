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

    /// <summary>
    /// The framework wraps nothing; the script opens and commits its own transaction (sqitch's PostgreSQL template has
    /// <c>BEGIN;</c> … <c>COMMIT;</c>, and sqitch hands the file to psql as it is): only a statement between them runs in one.
    /// </summary>
    InScriptBlock,
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
/// <param name="RunsApart">
/// The statements (as <see cref="NonTransactionalStatement"/> names them) the framework recognises and runs by
/// themselves, outside the migration's transaction (the Supabase CLI's own list).
/// </param>
internal sealed record TransactionModel(TransactionBoundary Boundary, string Transaction, string Advice, IReadOnlyList<TransactionOptOut> OptOuts, IReadOnlySet<string>? RunsApart = null);

/// <summary>What the project's own configuration says about transactions, for every migration at once.</summary>
/// <param name="AllowsMixed">Flyway's <c>mixed = true</c>: a migration of both kinds runs without a transaction instead of being refused.</param>
/// <param name="NoTransaction">
/// Flyway's <c>executeInTransaction = false</c>, MikroORM's <c>transactional: false</c>, a DbUp project whose upgrader is
/// not built with a transaction: no migration runs in a transaction.
/// </param>
/// <param name="OneTransactionForAll">
/// MikroORM's <c>allOrNothing</c> (its default, when its configuration is in the repository and does not turn it off):
/// one transaction around every pending migration, which a migration's own opt-out does not leave.
/// </param>
internal sealed record ProjectTransactionSettings(bool AllowsMixed = false, bool NoTransaction = false, bool OneTransactionForAll = false)
{
    public static ProjectTransactionSettings None { get; } = new();
}

/// <summary>
/// Each framework's transaction model on PostgreSQL, in one place. A framework missing here is one Hotfix does not
/// judge: Sequelize wraps nothing (a transaction the migration opens itself is not followed), and Prisma Migrate's
/// handling changed between versions Hotfix cannot tell apart (docs/rules/HF2010.md).
/// </summary>
internal static partial class MigrationTransactions
{
    /// <summary>
    /// The statements the Supabase CLI (v2.109.0 and later; DROP INDEX CONCURRENTLY since supabase/cli#6276) recognises as
    /// unable to run in its per-file pipeline and runs by themselves. Older CLIs wrapped them too; a team on one gets
    /// the failure from its own <c>supabase db reset</c> first, so Hotfix assumes a current CLI and stays quiet.
    /// </summary>
    private static readonly IReadOnlySet<string> SupabaseRunsApart = new HashSet<string>(StringComparer.Ordinal)
    {
        "CREATE INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY", "REINDEX CONCURRENTLY", "VACUUM", "ALTER SYSTEM",
    };

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
        [MigrationFramework.Ef6] = Wrapped(
            "the transaction Entity Framework 6 runs each migration in",
            "`Sql(\"…\", suppressTransaction: true)` for the statement",
            new TransactionOptOut(OptOutScope.CSharpStatement, Ef6SuppressTransaction())),
        [MigrationFramework.MikroOrm] = Wrapped(
            "the transaction MikroORM runs each migration in (and, with `allOrNothing`, its default, the one it runs every pending migration in)",
            "`isTransactional(): boolean { return false; }` on the migration class, and `allOrNothing: false` under `migrations` in mikro-orm.config (without it the master transaction still holds the statement)",
            Anywhere(MikroOrmNotTransactional())),
        [MigrationFramework.DbUp] = new(
            TransactionBoundary.Wrapped,
            "the transaction the project's DbUp upgrader runs its scripts in (`WithTransaction()` / `WithTransactionPerScript()`)",
            "run the script with an upgrader built `.WithoutTransaction()` (a second `DeployChanges` for such scripts, filtered to them)",
            []),
        [MigrationFramework.Sqitch] = new(
            TransactionBoundary.InScriptBlock,
            "the `BEGIN;` … `COMMIT;` block of the deploy script (sqitch's template writes it; sqitch itself runs the script as it is)",
            "out of the `BEGIN;` … `COMMIT;` block: into a change of its own whose deploy script opens no transaction, the safe form",
            []),
        [MigrationFramework.Supabase] = new(
            TransactionBoundary.Wrapped,
            "the transaction the Supabase CLI runs each migration file in (it runs CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM and ALTER SYSTEM apart, but not this)",
            "run the statement outside the migrations (psql or the SQL editor)",
            [],
            SupabaseRunsApart),
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

    /// <summary>DbMigration's <c>Sql(sql, suppressTransaction: true)</c>, named or second.</summary>
    [GeneratedRegex(@"suppressTransaction\s*:\s*true\b|\bSql\((?s:.*),\s*true\s*\)\s*;?\s*$")]
    private static partial Regex Ef6SuppressTransaction();

    [GeneratedRegex(@"\bisTransactional\s*\(\s*\)\s*(?::\s*boolean\s*)?\{\s*return\s+false\s*;?\s*\}")]
    private static partial Regex MikroOrmNotTransactional();

    [GeneratedRegex(@"function\s+isTransactional\s*\(\s*\)\s*(?::\s*bool\s*)?\{\s*return\s+false\s*;")]
    private static partial Regex DoctrineNotTransactional();
}
