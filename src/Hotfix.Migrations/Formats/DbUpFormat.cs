using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// DbUp (.NET): SQL scripts embedded in a project that references a <c>dbup-*</c> package, kept in a <c>Scripts</c> or
/// <c>Migrations</c> folder and run once each in name order; the journal records script names, and no script is ever
/// undone. Other .sql files of the project (queries loaded as resources) are not scripts.
/// </summary>
internal sealed class DbUpFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.DbUp;

    public MigrationFrameworkFacts Facts { get; } = new(
        "dbup", "DbUp", DownSupport.None,
        "DbUp runs scripts forward only (its journal records which ran; nothing undoes one)");

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        SqlFiles.IsSql(path) && InScriptsFolder(path) && settings.DbUpProjectOf(path) is not null
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        [SqlFiles.WithoutDown(text, database)];

    private static bool InScriptsFolder(string path) =>
        path.Split('/').SkipLast(1).Any(folder => folder.Equals("Scripts", StringComparison.OrdinalIgnoreCase) || folder.Equals("Migrations", StringComparison.OrdinalIgnoreCase));
}
