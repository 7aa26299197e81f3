namespace Hotfix.Migrations;

/// <summary>
/// What one migration step does to the database, whatever framework wrote it: a SQL statement, an EF Core
/// <c>MigrationBuilder</c> call, a Rails/Django/Alembic/Knex/TypeORM call or a Liquibase change all map to one of these.
/// </summary>
internal enum MigrationOperationKind
{
    CreateTable,
    DropTable,
    RenameTable,

    /// <summary>A table-level change that is none of the others (options, partitions, comments).</summary>
    AlterTable,
    AddColumn,
    DropColumn,
    RenameColumn,

    /// <summary>A column's type, nullability or default changes (see the operation's Old/New properties).</summary>
    AlterColumn,
    CreateIndex,
    DropIndex,
    RenameIndex,
    Reindex,
    AddConstraint,
    DropConstraint,
    ValidateConstraint,
    CreateSchema,
    DropSchema,
    RenameSchema,

    /// <summary>Views, sequences, types, functions, triggers, extensions… (<c>ObjectType</c> says which).</summary>
    CreateObject,
    DropObject,
    AlterObject,
    Truncate,
    InsertData,
    UpdateData,
    DeleteData,

    /// <summary>VACUUM FULL, CLUSTER and similar whole-table maintenance.</summary>
    Maintenance,

    /// <summary>SQL the recogniser did not understand, kept verbatim so a person can read it.</summary>
    RawSql,
}

/// <summary>The kind of constraint an <see cref="MigrationOperationKind.AddConstraint"/>/<c>DropConstraint</c> is about.</summary>
internal enum ConstraintKind
{
    Unknown,
    PrimaryKey,
    ForeignKey,
    Unique,
    Check,
    Exclusion,
}

/// <summary>The database a migration runs on; some risks (locks, rewrites) depend on it.</summary>
internal enum MigrationDatabase
{
    /// <summary>Not detected; PostgreSQL rules are applied and the report says so.</summary>
    Unknown,
    PostgreSql,
    MySql,
    Sqlite,
    SqlServer,
}

/// <summary>Which half of a migration an operation belongs to.</summary>
internal enum MigrationDirection
{
    Up,
    Down,
}

/// <summary>Stable lower-case names used in reports (JSON <c>kind</c>, <c>database</c>).</summary>
internal static class MigrationNames
{
    public static string Of(MigrationOperationKind kind)
    {
        switch (kind)
        {
            case MigrationOperationKind.CreateTable: return "create-table";
            case MigrationOperationKind.DropTable: return "drop-table";
            case MigrationOperationKind.RenameTable: return "rename-table";
            case MigrationOperationKind.AlterTable: return "alter-table";
            case MigrationOperationKind.AddColumn: return "add-column";
            case MigrationOperationKind.DropColumn: return "drop-column";
            case MigrationOperationKind.RenameColumn: return "rename-column";
            case MigrationOperationKind.AlterColumn: return "alter-column";
            case MigrationOperationKind.CreateIndex: return "create-index";
            case MigrationOperationKind.DropIndex: return "drop-index";
            case MigrationOperationKind.RenameIndex: return "rename-index";
            case MigrationOperationKind.Reindex: return "reindex";
            case MigrationOperationKind.AddConstraint: return "add-constraint";
            case MigrationOperationKind.DropConstraint: return "drop-constraint";
            case MigrationOperationKind.ValidateConstraint: return "validate-constraint";
            case MigrationOperationKind.CreateSchema: return "create-schema";
            case MigrationOperationKind.DropSchema: return "drop-schema";
            case MigrationOperationKind.RenameSchema: return "rename-schema";
            case MigrationOperationKind.CreateObject: return "create-object";
            case MigrationOperationKind.DropObject: return "drop-object";
            case MigrationOperationKind.AlterObject: return "alter-object";
            case MigrationOperationKind.Truncate: return "truncate";
            case MigrationOperationKind.InsertData: return "insert-data";
            case MigrationOperationKind.UpdateData: return "update-data";
            case MigrationOperationKind.DeleteData: return "delete-data";
            case MigrationOperationKind.Maintenance: return "maintenance";
            default: return "raw-sql";
        }
    }

    public static string Of(MigrationDatabase database)
    {
        switch (database)
        {
            case MigrationDatabase.PostgreSql: return "postgresql";
            case MigrationDatabase.MySql: return "mysql";
            case MigrationDatabase.Sqlite: return "sqlite";
            case MigrationDatabase.SqlServer: return "sqlserver";
            default: return "unknown";
        }
    }

    public static string Of(ConstraintKind kind)
    {
        switch (kind)
        {
            case ConstraintKind.PrimaryKey: return "primary key";
            case ConstraintKind.ForeignKey: return "foreign key";
            case ConstraintKind.Unique: return "unique constraint";
            case ConstraintKind.Check: return "check constraint";
            case ConstraintKind.Exclusion: return "exclusion constraint";
            default: return "constraint";
        }
    }
}
