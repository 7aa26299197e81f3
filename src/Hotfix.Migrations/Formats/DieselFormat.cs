using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Diesel (Rust): <c>migrations/&lt;version&gt;_&lt;name&gt;/up.sql</c> with its <c>down.sql</c> in the same folder. The folder
/// name sorts in run order (<c>2026-11-10-090000_add_note</c> or <c>00000000000000_diesel_initial_setup</c>).
/// </summary>
internal sealed partial class DieselFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Diesel;

    public MigrationFrameworkFacts Facts { get; } = new("diesel", "Diesel", DownSupport.Expected);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        var name = RepoPath.FileName(path);
        if (name is not ("up.sql" or "down.sql") || !Folder().IsMatch(RepoPath.FileName(RepoPath.Directory(path))))
        {
            return null;
        }

        return new MigrationFileMatch(Framework, name == "up.sql" ? MigrationFileRole.Migration : MigrationFileRole.Down);
    }

    public string? DownPathFor(string upPath, RepositoryFiles files) => RepoPath.Combine(RepoPath.Directory(upPath), "down.sql");

    public string? UpPathFor(string downPath, RepositoryFiles files) => RepoPath.Combine(RepoPath.Directory(downPath), "up.sql");

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        [SqlFiles.UpWithSiblingDown(text, downPath, downText, database, "no down.sql beside up.sql: `diesel migration revert` cannot undo it")];

    /// <summary>A Diesel migration folder: a version of digits and dashes, an underscore, a name.</summary>
    [GeneratedRegex(@"^[0-9][0-9-]{7,}_\w+$")]
    private static partial Regex Folder();
}
