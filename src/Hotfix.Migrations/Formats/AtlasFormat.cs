using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Atlas versioned migrations: <c>&lt;version&gt;_&lt;name&gt;.sql</c> in a folder whose <c>atlas.sum</c> holds the hash of
/// every file (a folder in golang-migrate, goose or Flyway layout is read by that framework's format first). Atlas keeps
/// no down files: <c>atlas migrate down</c> plans the way back against the dev database.
/// </summary>
internal sealed partial class AtlasFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Atlas;

    public MigrationFrameworkFacts Facts { get; } = new(
        "atlas", "Atlas", DownSupport.None,
        "Atlas keeps no down files (`atlas migrate down` plans the way back against the dev database and refuses a plan that loses data)",
        RecordsChecksum: true);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        var name = RepoPath.FileName(path);
        if (name == "atlas.sum")
        {
            return new MigrationFileMatch(Framework, MigrationFileRole.Companion);
        }

        return SqlFiles.IsSql(path) && Name().IsMatch(name) && files.ExistsAtHead(RepoPath.Combine(RepoPath.Directory(path), "atlas.sum"))
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;
    }

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        [SqlFiles.WithoutDown(text, database)];

    [GeneratedRegex(@"^[0-9]+(_.*)?\.sql$")]
    private static partial Regex Name();
}
