using Hotfix.Migrations.Code;

namespace Hotfix.Migrations;

/// <summary>The migration frameworks Hotfix recognises in a change set.</summary>
internal enum MigrationFramework
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
    Goose,
    Atlas,
    Supabase,
    Ef6,
    FluentMigrator,
    Sequelize,
    Laravel,
    Diesel,
    Doctrine,
    Ecto,
    DbUp,
    MikroOrm,
    Sqlx,
    NumberedSql,
}

/// <summary>Whether a framework has down migrations at all.</summary>
internal enum DownSupport
{
    /// <summary>Every migration is expected to have a down (or the framework derives it).</summary>
    Expected,

    /// <summary>Undo scripts exist but are optional (Flyway's are a paid edition feature).</summary>
    Optional,

    /// <summary>The framework has no down migrations (drizzle-kit, Prisma Migrate): the answer is a forward migration.</summary>
    None,
}

/// <summary>The facts of one framework, declared by its <see cref="Detection.IMigrationFormat"/>.</summary>
/// <param name="Id">The id used in reports (JSON <c>framework</c>), e.g. <c>ef-core</c>.</param>
/// <param name="DisplayName">The name people know it by.</param>
/// <param name="Downs">Whether the framework has down migrations at all.</param>
/// <param name="NoDownAdvice">How the framework would undo a migration, for the "no down" message.</param>
/// <param name="NamesSortInRunOrder">
/// File names sort in the order the migrations run (a number or timestamp prefix), so the files before one in its
/// folder are its history. False for Alembic (random revision ids), sqitch (its plan file) and Liquibase (changelogs).
/// </param>
/// <param name="HasTablelessModels">
/// Migrations may declare models without a table (Django's proxy and unmanaged models), whose later operations touch no
/// database: the history is asked before such an operation is judged.
/// </param>
/// <param name="Source">The language its migration files are written in.</param>
/// <param name="RecordsChecksum">
/// The framework stores a checksum of every applied migration and refuses or warns when the file no longer matches
/// (Flyway, Liquibase, Prisma Migrate, sqitch's script hashes, drizzle's hashes): any edit of an applied migration
/// matters, even one that changes only a comment. The others record only a name or version, so an edit that leaves
/// the code as it runs (comments, layout) changes nothing a database sees.
/// </param>
internal sealed record MigrationFrameworkFacts(
    string Id, string DisplayName, DownSupport Downs, string NoDownAdvice = "no down migration", bool NamesSortInRunOrder = true,
    bool HasTablelessModels = false, SourceLanguage Source = SourceLanguage.Sql, bool RecordsChecksum = false);

/// <summary>Each framework's facts, from the one format that reads it (a test proves there is exactly one).</summary>
internal static class MigrationFrameworks
{
    private static readonly Dictionary<MigrationFramework, MigrationFrameworkFacts> ByFramework =
        Detection.MigrationScanner.Formats.ToDictionary(f => f.Framework, f => f.Facts);

    public static MigrationFrameworkFacts Facts(this MigrationFramework framework) => ByFramework[framework];

    /// <summary>The id used in reports (JSON <c>framework</c>).</summary>
    public static string Id(this MigrationFramework framework) => framework.Facts().Id;

    /// <summary>The name people know it by.</summary>
    public static string DisplayName(this MigrationFramework framework) => framework.Facts().DisplayName;

    public static DownSupport Downs(this MigrationFramework framework) => framework.Facts().Downs;

    /// <summary>How the framework would undo a migration, for the "no down" message.</summary>
    public static string NoDownAdvice(this MigrationFramework framework) => framework.Facts().NoDownAdvice;

    /// <summary>Whether the files before a migration in its folder are its history.</summary>
    public static bool NamesSortInRunOrder(this MigrationFramework framework) => framework.Facts().NamesSortInRunOrder;

    /// <summary>Whether migrations may declare models without a table (Django proxy and unmanaged models).</summary>
    public static bool HasTablelessModels(this MigrationFramework framework) => framework.Facts().HasTablelessModels;

    /// <summary>Whether the framework validates applied migrations against a stored checksum.</summary>
    public static bool RecordsChecksum(this MigrationFramework framework) => framework.Facts().RecordsChecksum;
}
