using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// sqlx (Rust): <c>migrations/&lt;version&gt;_&lt;name&gt;.sql</c> (run forward only) or a reversible pair
/// <c>&lt;version&gt;_&lt;name&gt;.up.sql</c> / <c>.down.sql</c>, in a crate whose Cargo.toml depends on sqlx. Read before
/// golang-migrate, whose file names the reversible pair shares. sqlx stores a checksum of every applied migration and
/// refuses to run when one changed.
/// </summary>
internal sealed partial class SqlxFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Sqlx;

    public MigrationFrameworkFacts Facts { get; } = new("sqlx", "sqlx", DownSupport.Optional,
        "no .down.sql: a simple sqlx migration runs forward only (`sqlx migrate revert` needs the reversible pair)", RecordsChecksum: true);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        var name = Name().Match(RepoPath.FileName(path));
        if (!name.Success || RepoPath.FileName(RepoPath.Directory(path)) != "migrations" || !settings.IsSqlxCrate(path))
        {
            return null;
        }

        return new MigrationFileMatch(Framework, name.Groups["direction"].Value == "down" ? MigrationFileRole.Down : MigrationFileRole.Migration);
    }

    public string? DownPathFor(string upPath, RepositoryFiles files) =>
        upPath.EndsWith(".up.sql", StringComparison.Ordinal) ? upPath[..^".up.sql".Length] + ".down.sql" : null;

    public string? UpPathFor(string downPath, RepositoryFiles files) =>
        downPath.EndsWith(".down.sql", StringComparison.Ordinal) ? downPath[..^".down.sql".Length] + ".up.sql" : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        path.EndsWith(".up.sql", StringComparison.Ordinal)
            ? [SqlFiles.UpWithSiblingDown(text, downPath, downText, database, $"no {RepoPath.FileName(DownPathFor(path, null!) ?? path)} next to the up file")]
            : [SqlFiles.UpWithSiblingDown(text, null, null, database, Facts.NoDownAdvice)];

    [GeneratedRegex(@"^[0-9]+_.+?(?:\.(?<direction>up|down))?\.sql$")]
    private static partial Regex Name();
}
