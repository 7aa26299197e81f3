namespace Hotfix.Policy.Migrations;

/// <summary>The migration frameworks Hotfix recognises in a change set.</summary>
public enum MigrationFramework
{
    EfCore,
    DrizzleKit,
    Flyway,
    Liquibase,
    Rails,
    Django,
    Alembic,
    Prisma,
    Knex,
    TypeOrm,
    GolangMigrate,
    Dbmate,
    Sqitch,
}

/// <summary>Whether a framework has down migrations at all.</summary>
public enum DownSupport
{
    /// <summary>Every migration is expected to have a down (or the framework derives it).</summary>
    Expected,

    /// <summary>Undo scripts exist but are optional (Flyway's are a paid edition feature).</summary>
    Optional,

    /// <summary>The framework has no down migrations (drizzle-kit, Prisma Migrate): the answer is a forward migration.</summary>
    None,
}

public static class MigrationFrameworks
{
    /// <summary>The id used in reports (JSON <c>framework</c>).</summary>
    public static string Id(this MigrationFramework framework) => framework switch
    {
        MigrationFramework.EfCore => "ef-core",
        MigrationFramework.DrizzleKit => "drizzle-kit",
        MigrationFramework.Flyway => "flyway",
        MigrationFramework.Liquibase => "liquibase",
        MigrationFramework.Rails => "rails",
        MigrationFramework.Django => "django",
        MigrationFramework.Alembic => "alembic",
        MigrationFramework.Prisma => "prisma",
        MigrationFramework.Knex => "knex",
        MigrationFramework.TypeOrm => "typeorm",
        MigrationFramework.GolangMigrate => "golang-migrate",
        MigrationFramework.Dbmate => "dbmate",
        _ => "sqitch",
    };

    /// <summary>The name people know it by.</summary>
    public static string DisplayName(this MigrationFramework framework) => framework switch
    {
        MigrationFramework.EfCore => "EF Core",
        MigrationFramework.DrizzleKit => "drizzle-kit",
        MigrationFramework.Flyway => "Flyway",
        MigrationFramework.Liquibase => "Liquibase",
        MigrationFramework.Rails => "Rails",
        MigrationFramework.Django => "Django",
        MigrationFramework.Alembic => "Alembic",
        MigrationFramework.Prisma => "Prisma Migrate",
        MigrationFramework.Knex => "Knex",
        MigrationFramework.TypeOrm => "TypeORM",
        MigrationFramework.GolangMigrate => "golang-migrate",
        MigrationFramework.Dbmate => "dbmate",
        _ => "sqitch",
    };

    public static DownSupport Downs(this MigrationFramework framework) => framework switch
    {
        MigrationFramework.DrizzleKit or MigrationFramework.Prisma => DownSupport.None,
        MigrationFramework.Flyway => DownSupport.Optional,
        _ => DownSupport.Expected,
    };

    /// <summary>
    /// File names sort in the order the migrations run (a number or timestamp prefix), so the files before one in its
    /// folder are its history. Alembic names start with a random revision id and sqitch orders by its plan file.
    /// </summary>
    public static bool NamesSortInRunOrder(this MigrationFramework framework) =>
        framework is not (MigrationFramework.Alembic or MigrationFramework.Sqitch or MigrationFramework.Liquibase);

    /// <summary>How the framework would undo a migration, for the "no down" message.</summary>
    public static string NoDownAdvice(this MigrationFramework framework) => framework switch
    {
        MigrationFramework.DrizzleKit =>
            "drizzle-kit has no down migrations (`drizzle-kit drop` only deletes the migration file, it does not revert a database)",
        MigrationFramework.Prisma =>
            "Prisma Migrate has no down migrations (a `prisma migrate diff` script only recovers a failed migration)",
        MigrationFramework.Flyway =>
            "no Flyway undo script (U<version>__*.sql; undo is a Flyway Teams feature)",
        _ => "no down migration",
    };
}
