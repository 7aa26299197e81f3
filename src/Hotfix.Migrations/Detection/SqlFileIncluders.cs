using Hotfix.Migrations.Formats;
using Hotfix.Policy.Changes;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// The Liquibase changelogs whose changesets run a SQL file the hotfix edited (<c>sqlFile</c>). The changelog itself
/// is untouched, so without this search the edit is no migration change at all — yet Liquibase's checksum of the
/// changeset covers the file, and every database that ran it refuses the next update.
/// </summary>
internal static class SqlFileIncluders
{
    // Reading changelog-shaped files is paid only when a .sql file no format claims was edited; the cap keeps a
    // repository with thousands of XML or YAML files from paying it in full.
    private const int MaxChangelogs = 2000;

    public static IEnumerable<string> Of(IReadOnlyList<FileChange> editedSql, RepositoryFiles files, LiquibaseFormat liquibase, MigrationSettings settings)
    {
        if (editedSql.Count == 0)
        {
            yield break;
        }

        var edited = editedSql.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var names = edited.Select(RepoPath.FileName).Distinct(StringComparer.Ordinal).ToList();
        foreach (var changelog in files.HeadFiles.Where(IsChangelogShaped).Where(p => !edited.Contains(p)).Take(MaxChangelogs))
        {
            if (files.ReadBase(changelog) is not { } text
                || !names.Any(n => text.Contains(n, StringComparison.Ordinal))
                || liquibase.Match(changelog, text, settings, files) is null
                || !Runs(changelog, text, edited, files, liquibase))
            {
                continue;
            }

            yield return changelog;
        }
    }

    private static bool Runs(string changelog, string text, HashSet<string> edited, RepositoryFiles files, LiquibaseFormat liquibase)
    {
        IReadOnlyList<MigrationPiece> pieces;
        try
        {
            pieces = liquibase.Read(changelog, text, null, null, MigrationDatabase.Unknown);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false; // a changelog that cannot be read is judged where it is changed, not here
        }

        return pieces
            .SelectMany(p => p.Body.Up.Concat(p.Body.Down))
            .Any(s => s.IncludedSqlFile is { } named
                && LiquibaseIncludes.Resolve(changelog, named, s.IncludedSqlFileIsRelative, files.HeadFiles, folder: false) is { } file
                && edited.Contains(file));
    }

    private static bool IsChangelogShaped(string path) =>
        path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);
}
