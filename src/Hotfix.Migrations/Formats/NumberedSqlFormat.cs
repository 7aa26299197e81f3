using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Numbered SQL migrations run by a runner Hotfix does not know by name — a Makefile or script of the project's own,
/// shmig, node's postgres-migrations and node-pg-migrate, Python's yoyo: <c>&lt;number&gt;{_|-|.}&lt;name&gt;.sql</c> in a
/// folder named <c>migrations</c>, <c>migration</c> or <c>migrate</c> (in any case), applied in name order. Tried after every named
/// framework, so a file one of them claims (golang-migrate's pairs, dbmate's and goose's markers, sqlx, Atlas, Flyway…)
/// stays theirs; seeds, <c>docker-entrypoint-initdb.d</c> scripts and un-numbered files stay unjudged. The down, where
/// there is one: the <c>.down.sql</c> of an <c>.up.sql</c>, yoyo's <c>.rollback.sql</c>, or a down section in the file
/// (node-pg-migrate's <c>-- Down Migration</c>, shmig's <c>-- ==== DOWN ====</c>); many such runners have none.
/// </summary>
internal sealed partial class NumberedSqlFormat : IMigrationFormat
{
    private const string Up = ".up.sql";
    private const string Down = ".down.sql";
    private const string Rollback = ".rollback.sql";

    public MigrationFramework Framework => MigrationFramework.NumberedSql;

    // The runner is the project's own and some hash every applied file (postgres-migrations refuses to run when one
    // changed): any byte of an applied migration counts, unless the repository shows a runner that keeps no checksum
    // (MigrationSettings.FactsOf).
    public MigrationFrameworkFacts Facts { get; } = new(
        "sql-migrations", "numbered SQL", DownSupport.Optional,
        "no down script (no .rollback.sql beside it, no -- Down Migration section): such runners commonly apply files forward only",
        RecordsChecksum: true);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        var name = RepoPath.FileName(path);
        // Any case: Windows and .NET projects name the folder Migrations/.
        if (!Name().IsMatch(name) || RepoPath.FileName(RepoPath.Directory(path)).ToLowerInvariant() is not ("migrations" or "migration" or "migrate"))
        {
            return null;
        }

        return new MigrationFileMatch(Framework, name.EndsWith(Down, StringComparison.Ordinal) || name.EndsWith(Rollback, StringComparison.Ordinal)
            ? MigrationFileRole.Down
            : MigrationFileRole.Migration);
    }

    public string? DownPathFor(string upPath, RepositoryFiles files) =>
        upPath.EndsWith(Up, StringComparison.Ordinal) ? upPath[..^Up.Length] + Down
        : upPath.EndsWith(".sql", StringComparison.Ordinal) ? upPath[..^".sql".Length] + Rollback
        : null;

    public string? UpPathFor(string downPath, RepositoryFiles files) =>
        downPath.EndsWith(Down, StringComparison.Ordinal) ? downPath[..^Down.Length] + Up
        : downPath.EndsWith(Rollback, StringComparison.Ordinal) ? downPath[..^Rollback.Length] + ".sql"
        : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        // Sections only where the file opens one for the up: node-pg-migrate runs a file without that marker whole.
        if (downPath is null && Section().Matches(text).Any(m => Direction(m) == "up"))
        {
            var (up, down, downLine) = SqlFiles.SplitSections(text, line => Section().Match(line) is { Success: true } marker ? Direction(marker) : null);
            return [new MigrationPiece(null, SqlFiles.Sections(up, down, downLine, database, "no down section in the file (-- Down Migration)"), text)];
        }

        var missing = path.EndsWith(Up, StringComparison.Ordinal) ? $"no {RepoPath.FileName(DownPathFor(path, null!)!)} next to the up file" : Facts.NoDownAdvice;
        return [SqlFiles.UpWithSiblingDown(text, downPath, downText, database, missing)];
    }

    private static string Direction(Match marker) => marker.Groups["direction"].Value.ToLowerInvariant();

    /// <summary>A version number, then <c>_</c>, <c>-</c> or <c>.</c>: <c>003_drop_email.sql</c>, <c>0004-add-index.sql</c>, <c>0001.create-users.sql</c>.</summary>
    [GeneratedRegex(@"^[0-9]+[_.-].*\.sql$")]
    private static partial Regex Name();

    /// <summary>node-pg-migrate's <c>-- Up Migration</c> / <c>-- Down Migration</c> (as it matches them) and shmig's <c>-- ====  UP  ====</c> / <c>-- ==== DOWN ====</c>.</summary>
    [GeneratedRegex(@"^\s*--(?:[\s-]*(?<direction>up|down)\s+migration\b|\s*=+\s*(?<direction>up|down)\s*=+\s*$)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Section();
}
