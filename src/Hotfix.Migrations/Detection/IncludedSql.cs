using Hotfix.Migrations.Formats;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// Puts the statements of the SQL files a migration runs (Liquibase's <c>sqlFile</c>) in the place of the step that
/// names them. A format's reader never touches the repository, so it leaves such a step as unreadable raw SQL that
/// names the file; here the file is found and read, and what it does is judged like SQL written in the changelog.
/// </summary>
internal static class IncludedSql
{
    /// <summary>
    /// Expands the pieces' steps in place, and returns the pieces with the files' text in their fingerprints: Liquibase's
    /// checksum of a changeset covers its sqlFile, so a changeset whose file changed is an edited changeset.
    /// </summary>
    /// <param name="pieces">What the format read from the migration at <paramref name="path"/>.</param>
    /// <param name="path">The migration's file (relative paths start beside it).</param>
    /// <param name="read">Reads a file at the same commit as the migration (the head, or the merge base for its old version).</param>
    /// <param name="files">The repository's files, to search for a path that is not relative.</param>
    /// <param name="database">The database the SQL runs against.</param>
    public static IReadOnlyList<MigrationPiece> Expand(IReadOnlyList<MigrationPiece> pieces, string path, Func<string, string?> read, RepositoryFiles files, MigrationDatabase database)
    {
        var expanded = new List<MigrationPiece>(pieces.Count);
        foreach (var piece in pieces)
        {
            Expand(piece.Body.Up, piece.Body, path, read, files, database);
            Expand(piece.Body.Down, piece.Body, path, read, files, database);
            var included = piece.Body.IncludedFiles;
            expanded.Add(included.Count == 0
                ? piece
                : piece with { Fingerprint = piece.Fingerprint + string.Concat(included.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => "\0" + f.Key + "\0" + f.Value)) });
        }

        return expanded;
    }

    private static void Expand(List<MigrationOperation> steps, MigrationBody body, string path, Func<string, string?> read, RepositoryFiles files, MigrationDatabase database)
    {
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var step = steps[i];
            if (step.IncludedSqlFile is not { } named
                || LiquibaseIncludes.Resolve(path, named, step.IncludedSqlFileIsRelative, files.HeadFiles, folder: false) is not { } file
                || read(file) is not { } sql)
            {
                continue; // not found: the step stays raw SQL that names the file, which a reviewer has to read
            }

            body.IncludedFiles[file] = sql;
            var statements = SqlParsers.Parse(sql, database);
            foreach (var statement in statements)
            {
                // Findings point at the sqlFile element; the file's own line is in the text.
                statement.Text = $"{file}:{statement.Line ?? 1}: {statement.Text}";
                statement.Line = step.Line;
            }

            steps.RemoveAt(i);
            steps.InsertRange(i, statements);
        }
    }
}
