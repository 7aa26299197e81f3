namespace Hotfix.Migrations;

/// <summary>A safe alternative to a risky migration step, as the anchors (strong_migrations, squawk, Atlas) recommend it.</summary>
internal sealed class MigrationRecipe
{
    public MigrationRecipe(string id, string summary)
    {
        Id = id;
        Summary = summary;
    }

    /// <summary>Stable id (e.g. <c>expand-contract-column</c>); the rule pages have a section per recipe.</summary>
    public string Id { get; }

    /// <summary>The steps in one paragraph, for finding messages.</summary>
    public string Summary { get; }

    public override string ToString() => Summary;
}

/// <summary>Every recipe the risk table refers to.</summary>
internal static class MigrationRecipes
{
    public static readonly MigrationRecipe DropTable = new MigrationRecipe(
        "expand-contract-table",
        "Stop reading and writing the table in code and deploy that first; back the data up (CREATE TABLE … AS SELECT, or a dump); drop the table in a later migration, after the stability window.");

    public static readonly MigrationRecipe DropColumn = new MigrationRecipe(
        "expand-contract-column",
        "Stop using the column in code (EF: remove the property; Rails: ignored_columns) and deploy that first; back the values up; drop the column in a later migration, after the stability window.");

    public static readonly MigrationRecipe DropSchema = new MigrationRecipe(
        "no-drop-schema",
        "Do not drop schemas or databases in a hotfix; move what must go into a separate, reviewed change with a backup.");

    public static readonly MigrationRecipe Truncate = new MigrationRecipe(
        "no-truncate",
        "Do not truncate in a migration; if rows must go, back them up and delete them in batches with an explicit WHERE, outside the schema migration.");

    public static readonly MigrationRecipe TypeChange = new MigrationRecipe(
        "new-column-backfill",
        "Add a new column with the new type, write both columns, backfill in batches, move reads to the new column, stop writing the old one, drop it in a later migration.");

    public static readonly MigrationRecipe Rename = new MigrationRecipe(
        "expand-contract-rename",
        "Keep the old name: map the new name in the ORM only, or add the new column/table, write both, backfill, switch reads, and drop the old one later (a view with the old name can bridge a table rename).");

    public static readonly MigrationRecipe AddNotNullColumn = new MigrationRecipe(
        "nullable-then-enforce",
        "Add the column nullable (or with a constant database default), deploy code that writes it, backfill in batches, then enforce NOT NULL in a later migration (CHECK … NOT VALID, VALIDATE, SET NOT NULL).");

    public static readonly MigrationRecipe DropNotNull = new MigrationRecipe(
        "keep-not-null",
        "Deploy code that copes with NULL in every reader first; keep the constraint (or use a sentinel value) until then.");

    public static readonly MigrationRecipe SetNotNull = new MigrationRecipe(
        "check-not-valid-then-set-not-null",
        "ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT in a separate migration; then SET NOT NULL (PostgreSQL 12+ uses the validated check and skips the scan) and drop the check.");

    public static readonly MigrationRecipe CreateIndexConcurrently = new MigrationRecipe(
        "index-concurrently",
        "CREATE INDEX CONCURRENTLY outside a transaction (EF: migrationBuilder.Sql(\"CREATE INDEX CONCURRENTLY …\", suppressTransaction: true) or Npgsql's IsCreatedConcurrently; Rails: disable_ddl_transaction! and algorithm: :concurrently; Django: AddIndexConcurrently; Alembic: postgresql_concurrently=True in an autocommit_block; SQL Server: WITH (ONLINE = ON)).");

    public static readonly MigrationRecipe DropIndexConcurrently = new MigrationRecipe(
        "drop-index-concurrently",
        "DROP INDEX CONCURRENTLY outside a transaction (Rails: algorithm: :concurrently; Django: RemoveIndexConcurrently).");

    public static readonly MigrationRecipe ConstraintNotValid = new MigrationRecipe(
        "constraint-not-valid",
        "Add the constraint NOT VALID (Rails: validate: false), then VALIDATE CONSTRAINT in a separate migration: the validation takes only a SHARE UPDATE EXCLUSIVE lock.");

    public static readonly MigrationRecipe MySqlForeignKey = new MigrationRecipe(
        "mysql-foreign-key-in-place",
        "Check first that every row has its parent, then add the key after SET foreign_key_checks = 0 so InnoDB adds it in place (ALGORITHM=INPLACE, no copy) and set it back to 1; or use an online schema change tool (gh-ost, pt-online-schema-change).");

    public static readonly MigrationRecipe SqlServerNoCheck = new MigrationRecipe(
        "sql-server-nocheck",
        "Add the constraint WITH NOCHECK (ALTER TABLE … WITH NOCHECK ADD CONSTRAINT …; EF: Sql(\"…\") instead of AddForeignKey): nothing is read, so the ALTER is brief; then check the rows and make it trusted with ALTER TABLE … WITH CHECK CHECK CONSTRAINT … in a later step, at a quiet time (that statement reads every row).");

    public static readonly MigrationRecipe UniqueUsingIndex = new MigrationRecipe(
        "unique-using-index",
        "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE (or PRIMARY KEY) USING INDEX: no table scan under an exclusive lock.");

    public static readonly MigrationRecipe ValidateSeparately = new MigrationRecipe(
        "validate-separately",
        "Move VALIDATE CONSTRAINT into its own migration (its own transaction), after the NOT VALID constraint is deployed.");

    public static readonly MigrationRecipe VolatileDefault = new MigrationRecipe(
        "default-after-add",
        "Add the column without the default, then SET DEFAULT for new rows, then backfill existing rows in batches; use a trigger instead of a stored generated column.");

    public static readonly MigrationRecipe TypeRewrite = new MigrationRecipe(
        "new-column-backfill",
        "Add a new column with the new type, write both, backfill in batches, switch reads, drop the old column later — or schedule the rewrite in a maintenance window, not in a hotfix.");

    public static readonly MigrationRecipe ReindexConcurrently = new MigrationRecipe(
        "reindex-concurrently",
        "REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction.");

    public static readonly MigrationRecipe Maintenance = new MigrationRecipe(
        "no-maintenance-in-hotfix",
        "Do not run VACUUM FULL or CLUSTER in a migration: use pg_repack (or REPACK CONCURRENTLY) in a maintenance window.");

    public static readonly MigrationRecipe MySqlOnline = new MigrationRecipe(
        "mysql-online-ddl",
        "Drop ALGORITHM=COPY / LOCK=SHARED|EXCLUSIVE so MySQL can use online DDL, or use an online schema change tool (gh-ost, pt-online-schema-change).");

    public static readonly MigrationRecipe BatchedDataChange = new MigrationRecipe(
        "batched-data-change",
        "Give the statement a WHERE that names the rows it must change, back those rows up, and run large data changes in batches outside the schema migration (its own script or migration without a DDL transaction).");
}
