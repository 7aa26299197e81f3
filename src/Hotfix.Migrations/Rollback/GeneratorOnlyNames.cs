using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Rollback;

/// <summary>
/// The frameworks whose new migration only their own generator can make — it writes files beside the migration that
/// Hotfix cannot (EF Core's designer and model snapshot, EF6's designer and model resource, Prisma's folder from
/// schema.prisma) — so the plan keeps the <c>&lt;timestamp&gt;</c> and says why instead of printing a half-made migration.
/// </summary>
internal static class GeneratorOnlyNames
{
    public static MigrationName? Of(MigrationFramework framework) => framework switch
    {
        MigrationFramework.EfCore => Placeholder(
            "`dotnet ef migrations add` stamps the migration id with the UTC time it runs and writes it, with the target model, into the .Designer.cs "
            + "([DbContext], [Migration(\"…\")]) and the model snapshot; EF Core does not find a migration without them. Run it, then replace the Up it writes with this one"),
        MigrationFramework.Ef6 => Placeholder(
            "`Add-Migration` stamps the migration id (yyyyMMddHHmmssf, UTC) and writes it into the .Designer.cs (IMigrationMetadata.Id) with the target model "
            + "in the .resx; Entity Framework 6 does not run a migration without them. Run it, then replace the Up it writes with this one"),
        MigrationFramework.Prisma => Placeholder(
            "`prisma migrate dev --create-only` names the folder with the UTC time it runs and writes it from schema.prisma; "
            + "a folder made by hand leaves schema.prisma declaring what the migration undoes, and the next `migrate dev` would put it back"),
        _ => null,
    };

    private static MigrationName Placeholder(string reason) => new(null, $"The timestamp stays a placeholder: {reason}.");
}
