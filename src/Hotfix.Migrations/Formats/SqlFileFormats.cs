using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Formats;

/// <summary>Shared reading for frameworks whose migrations are plain SQL files.</summary>
internal static class SqlFiles
{
    /// <summary>An up file with an optional sibling down file.</summary>
    public static MigrationPiece UpWithSiblingDown(string text, string? downPath, string? downText, MigrationDatabase database, string missingDetail)
    {
        var body = new MigrationBody { DownInSameFile = false };
        body.Up.AddRange(SqlParsers.Parse(text, database));
        if (downPath is null || downText is null)
        {
            body.DownStatus = DownStatus.Missing;
            body.DownDetail = missingDetail;
        }
        else
        {
            body.Down.AddRange(SqlParsers.Parse(downText, database));
            body.DownLine = 1;
        }

        return new MigrationPiece(null, body, text + "\0" + downText);
    }

    /// <summary>
    /// Up and down kept in one file (dbmate sections, Liquibase --rollback lines): each direction's lines, blank where
    /// they belong to the other, so line numbers stay the file's.
    /// </summary>
    public static MigrationBody Sections(string[] upLines, string[] downLines, int? downLine, MigrationDatabase database, string missingDetail)
    {
        var body = new MigrationBody { DownLine = downLine };
        body.Up.AddRange(SqlParsers.Parse(string.Join('\n', upLines), database));
        if (downLine is null)
        {
            body.DownStatus = DownStatus.Missing;
            body.DownDetail = missingDetail;
        }
        else
        {
            body.Down.AddRange(SqlParsers.Parse(string.Join('\n', downLines), database));
        }

        return body;
    }

    /// <summary>
    /// Splits a file with up and down sections (dbmate, goose) into each direction's lines, blank where they belong to
    /// the other, so line numbers stay the file's. <paramref name="marker"/> names a line's section switch ("up",
    /// "down"), returns "" for another directive line (blank in both), or null for a line of SQL.
    /// </summary>
    public static (string[] Up, string[] Down, int? DownLine) SplitSections(string text, Func<string, string?> marker)
    {
        var lines = text.Split('\n');
        var up = new string[lines.Length];
        var down = new string[lines.Length];
        string? section = null;
        var downLine = (int?)null;
        for (var k = 0; k < lines.Length; k++)
        {
            if (marker(lines[k]) is { } switched)
            {
                section = switched.Length > 0 ? switched : section;
                downLine ??= switched == "down" ? k + 1 : null;
                up[k] = down[k] = string.Empty;
                continue;
            }

            up[k] = section == "up" ? lines[k] : string.Empty;
            down[k] = section == "down" ? lines[k] : string.Empty;
        }

        return (up, down, downLine);
    }

    /// <summary>A migration of a framework that has no downs (drizzle-kit, Prisma Migrate).</summary>
    public static MigrationPiece WithoutDown(string text, MigrationDatabase database)
    {
        var body = new MigrationBody { DownStatus = DownStatus.NotSupported };
        body.Up.AddRange(SqlParsers.Parse(text, database));
        return new MigrationPiece(null, body, text);
    }

    public static bool IsSql(string path) => path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);
}

/// <summary>golang-migrate: <c>{version}_{title}.up.sql</c> with its sibling <c>{version}_{title}.down.sql</c>.</summary>
internal sealed partial class GolangMigrateFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.GolangMigrate;

    public MigrationFrameworkFacts Facts { get; } = new("golang-migrate", "golang-migrate", DownSupport.Expected);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        var name = Name().Match(RepoPath.FileName(path));
        if (!name.Success)
        {
            return null;
        }

        return new MigrationFileMatch(Framework, name.Groups[3].Value == "up" ? MigrationFileRole.Migration : MigrationFileRole.Down);
    }

    public string? DownPathFor(string upPath, RepositoryFiles files) => Swap(upPath, ".up.", ".down.");

    public string? UpPathFor(string downPath, RepositoryFiles files) => Swap(downPath, ".down.", ".up.");

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        [SqlFiles.UpWithSiblingDown(text, downPath, downText, database, $"no {RepoPath.FileName(DownPathFor(path, null!) ?? path)} next to the up file")];

    private static string? Swap(string path, string from, string to)
    {
        var name = RepoPath.FileName(path);
        var at = name.LastIndexOf(from, StringComparison.Ordinal);
        return at < 0 ? null : RepoPath.Combine(RepoPath.Directory(path), name[..at] + to + name[(at + from.Length)..]);
    }

    [GeneratedRegex(@"^([0-9]+)_(.*)\.(up|down)\.(sql)$")]
    private static partial Regex Name();
}

/// <summary>Flyway: <c>V{version}__{desc}.sql</c>, its undo <c>U{version}__{desc}.sql</c>, repeatable <c>R__{desc}.sql</c>; locations from flyway.conf/flyway.toml.</summary>
internal sealed partial class FlywayFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Flyway;

    public MigrationFrameworkFacts Facts { get; } = new("flyway", "Flyway", DownSupport.Optional, "no Flyway undo script (U<version>__*.sql; undo is a Flyway Teams feature)", RecordsChecksum: true);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        var name = Name().Match(RepoPath.FileName(path));
        if (!name.Success || name.Groups["prefix"].Value != "R" && !name.Groups["version"].Success || name.Groups["prefix"].Value == "R" && name.Groups["version"].Success)
        {
            return null;
        }

        if (settings.FlywayLocations is { } locations && !locations.Any(l => RepoPath.IsUnder(path, l)))
        {
            return null;
        }

        return name.Groups["prefix"].Value switch
        {
            "U" => new MigrationFileMatch(Framework, MigrationFileRole.Down),
            "B" => new MigrationFileMatch(Framework, MigrationFileRole.Companion),
            _ => new MigrationFileMatch(Framework, MigrationFileRole.Migration),
        };
    }

    public string? DownPathFor(string upPath, RepositoryFiles files) => Sibling(upPath, "V", "U", files);

    public string? UpPathFor(string downPath, RepositoryFiles files) => Sibling(downPath, "U", "V", files);

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        text = WithoutPlaceholders(text);
        downText = downText is null ? null : WithoutPlaceholders(downText);
        if (RepoPath.FileName(path).StartsWith("R__", StringComparison.Ordinal))
        {
            var body = new MigrationBody { DownStatus = DownStatus.Repeatable, DownDetail = "repeatable migration: Flyway re-applies it whenever its checksum changes, so editing it is how it is meant to change" };
            body.Up.AddRange(SqlParsers.Parse(text, database));
            return [new MigrationPiece(null, body, text)];
        }

        return [SqlFiles.UpWithSiblingDown(text, downPath, downText, database, MigrationFramework.Flyway.NoDownAdvice())];
    }

    /// <summary>
    /// Flyway replaces <c>${schema}</c>, <c>${flyway:defaultSchema}</c> … before it runs a script; their values live in
    /// the deployment's configuration. A placeholder that qualifies a name (<c>${schema}.orders</c>) is dropped, so the
    /// statement names <c>orders</c>; any other stands for itself without its braces.
    /// </summary>
    private static string WithoutPlaceholders(string text) =>
        text.Contains("${", StringComparison.Ordinal) ? Placeholder().Replace(text, m => m.Groups["dot"].Success ? string.Empty : m.Groups["name"].Value) : text;

    [GeneratedRegex(@"\$\{(?:flyway:)?(?<name>[\w.-]+)\}(?<dot>\.)?")]
    private static partial Regex Placeholder();

    private static string? Sibling(string path, string from, string to, RepositoryFiles files)
    {
        var name = Name().Match(RepoPath.FileName(path));
        if (!name.Success || name.Groups["prefix"].Value != from || !name.Groups["version"].Success)
        {
            return null;
        }

        var version = name.Groups["version"].Value;
        var directory = RepoPath.Directory(path);
        var prefix = to + version + "__";
        return files.FilesIn(directory).FirstOrDefault(p => RepoPath.FileName(p).StartsWith(prefix, StringComparison.Ordinal) && SqlFiles.IsSql(p))
            ?? RepoPath.Combine(directory, prefix + name.Groups["description"].Value + ".sql");
    }

    [GeneratedRegex(@"^(?<prefix>[VURB])(?<version>[0-9]+(?:[._][0-9]+)*)?__(?<description>.+)\.sql$")]
    private static partial Regex Name();
}

/// <summary>dbmate: one SQL file with <c>-- migrate:up</c> and <c>-- migrate:down</c> sections.</summary>
internal sealed partial class DbmateFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Dbmate;

    public MigrationFrameworkFacts Facts { get; } = new("dbmate", "dbmate", DownSupport.Expected);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        SqlFiles.IsSql(path) && Marker().IsMatch(text) && Marker().Match(text).Groups[1].Value == "up"
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var (up, down, downLine) = SqlFiles.SplitSections(text, line => Marker().Match(line) is { Success: true } marker ? marker.Groups[1].Value : null);
        return [new MigrationPiece(null, SqlFiles.Sections(up, down, downLine, database, "the file has no -- migrate:down section"), text)];
    }

    [GeneratedRegex(@"(?m)^\s*--\s*migrate:(up|down)\b")]
    private static partial Regex Marker();
}

/// <summary>sqitch: <c>deploy/&lt;change&gt;.sql</c> paired with <c>revert/&lt;change&gt;.sql</c> beside a <c>sqitch.plan</c>.</summary>
internal sealed class SqitchFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Sqitch;

    public MigrationFrameworkFacts Facts { get; } = new("sqitch", "sqitch", DownSupport.Expected, NamesSortInRunOrder: false, RecordsChecksum: true);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        if (RepoPath.FileName(path) == "sqitch.plan")
        {
            return new MigrationFileMatch(Framework, MigrationFileRole.Companion);
        }

        if (!SqlFiles.IsSql(path) || Split(path) is not { } parts || !files.ExistsAtHead(RepoPath.Combine(parts.Root, "sqitch.plan")))
        {
            return null;
        }

        // change@tag.sql is the frozen copy a rework leaves of an applied version: bookkeeping, not a new change.
        if (parts.Change.Contains('@', StringComparison.Ordinal))
        {
            return new MigrationFileMatch(Framework, MigrationFileRole.Companion);
        }

        return parts.Kind switch
        {
            "deploy" => new MigrationFileMatch(Framework, MigrationFileRole.Migration),
            "revert" => new MigrationFileMatch(Framework, MigrationFileRole.Down),
            _ => new MigrationFileMatch(Framework, MigrationFileRole.Companion),
        };
    }

    public string? DownPathFor(string upPath, RepositoryFiles files) => Split(upPath) is { Kind: "deploy" } p ? RepoPath.Combine(p.Root, "revert/" + p.Change) : null;

    public string? UpPathFor(string downPath, RepositoryFiles files) => Split(downPath) is { Kind: "revert" } p ? RepoPath.Combine(p.Root, "deploy/" + p.Change) : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        [SqlFiles.UpWithSiblingDown(text, downPath, downText, database, "no revert script for this change (revert/" + (Split(path)?.Change ?? RepoPath.FileName(path)) + ")")];

    /// <summary>
    /// <c>sqitch rework</c> freezes the current scripts as <c>deploy/change@tag.sql</c> (and revert, verify), adds
    /// <c>change [change@tag]</c> to the plan and lets <c>deploy/change.sql</c> be rewritten: the new version runs as a
    /// new change, and its revert goes back to the frozen one.
    /// </summary>
    public string? ReworkedFrom(string upPath, RepositoryFiles files)
    {
        if (Split(upPath) is not { Kind: "deploy" } parts || !parts.Change.EndsWith(".sql", StringComparison.Ordinal))
        {
            return null;
        }

        var plan = RepoPath.Combine(parts.Root, "sqitch.plan");
        var change = parts.Change[..^4];
        var rework = new Regex(@"(?m)^\s*" + Regex.Escape(change) + @"\s+\[[^\]]*?" + Regex.Escape(change) + @"@(?<tag>[^\s\]]+)");
        var added = rework.Matches(files.ReadHead(plan) ?? string.Empty).Select(m => m.Groups["tag"].Value)
            .Except(rework.Matches(files.ReadBase(plan) ?? string.Empty).Select(m => m.Groups["tag"].Value))
            .LastOrDefault();
        var frozen = added is null ? null : RepoPath.Combine(parts.Root, "deploy/" + change + "@" + added + ".sql");
        return frozen is not null && files.ExistsAtHead(frozen) ? frozen : null;
    }

    /// <summary>root/{deploy|revert|verify}/change.sql (changes may sit in sub-folders).</summary>
    private static (string Root, string Kind, string Change)? Split(string path)
    {
        var segments = path.Split('/');
        for (var k = segments.Length - 2; k >= 0; k--)
        {
            if (segments[k] is "deploy" or "revert" or "verify")
            {
                return (string.Join('/', segments[..k]), segments[k], string.Join('/', segments[(k + 1)..]));
            }
        }

        return null;
    }
}

/// <summary>Prisma Migrate: <c>…/migrations/&lt;14-digit id&gt;_&lt;name&gt;/migration.sql</c>; no down migrations.</summary>
internal sealed partial class PrismaFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Prisma;

    public MigrationFrameworkFacts Facts { get; } = new("prisma", "Prisma Migrate", DownSupport.None, "Prisma Migrate has no down migrations (a `prisma migrate diff` script only recovers a failed migration)", RecordsChecksum: true);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        if (path.EndsWith(".prisma", StringComparison.Ordinal))
        {
            return new MigrationFileMatch(Framework, MigrationFileRole.SchemaIntent, "Prisma schema");
        }

        if (RepoPath.FileName(path) == "migration_lock.toml")
        {
            return new MigrationFileMatch(Framework, MigrationFileRole.Companion);
        }

        if (RepoPath.FileName(path) != "migration.sql")
        {
            return null;
        }

        var folder = RepoPath.Directory(path);
        var migrations = RepoPath.Directory(folder);
        return Folder().IsMatch(RepoPath.FileName(folder)) && RepoPath.FileName(migrations) == "migrations"
               && (files.ExistsAtHead(RepoPath.Combine(migrations, "migration_lock.toml")) || RepoPath.IsUnder(path, "prisma") || path.Contains("/prisma/", StringComparison.Ordinal))
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;
    }

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        return [SqlFiles.WithoutDown(text, database)];
    }

    [GeneratedRegex(@"^[0-9]{14}_")]
    private static partial Regex Folder();
}

/// <summary>
/// drizzle-kit: <c>&lt;out&gt;/NNNN_name.sql</c> with <c>meta/_journal.json</c> (0.x) or <c>&lt;out&gt;/&lt;id&gt;_name/migration.sql</c>
/// with <c>snapshot.json</c> (v1); <c>out</c> comes from drizzle.config.*. Statements are separated by
/// <c>--&gt; statement-breakpoint</c>. No down migrations.
/// </summary>
internal sealed class DrizzleFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.DrizzleKit;

    public MigrationFrameworkFacts Facts { get; } = new("drizzle-kit", "drizzle-kit", DownSupport.None, "drizzle-kit has no down migrations (`drizzle-kit drop` only deletes the migration file, it does not revert a database)", RecordsChecksum: true);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        // Only SQL files and drizzle's JSON companions can match: finding the configured out folders lists every file
        // of the head commit, which a hotfix that changes C# files must not pay for.
        if (!SqlFiles.IsSql(path) && !path.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var output in settings.DrizzleOuts)
        {
            if (!RepoPath.IsUnder(path, output))
            {
                continue;
            }

            var directory = RepoPath.Directory(path);
            var name = RepoPath.FileName(path);
            if (directory == RepoPath.Combine(output, "meta"))
            {
                return name.EndsWith("_snapshot.json", StringComparison.Ordinal)
                    ? new MigrationFileMatch(Framework, MigrationFileRole.SchemaIntent, "drizzle-kit snapshot")
                    : new MigrationFileMatch(Framework, MigrationFileRole.Companion);
            }

            if (directory == output && SqlFiles.IsSql(path))
            {
                return new MigrationFileMatch(Framework, MigrationFileRole.Migration);
            }

            if (RepoPath.Directory(directory) == output && name == "migration.sql")
            {
                return new MigrationFileMatch(Framework, MigrationFileRole.Migration);
            }

            if (RepoPath.Directory(directory) == output && name == "snapshot.json")
            {
                return new MigrationFileMatch(Framework, MigrationFileRole.SchemaIntent, "drizzle-kit snapshot");
            }
        }

        return SqlFiles.IsSql(path) && text.Contains("--> statement-breakpoint", StringComparison.Ordinal)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;
    }

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        return [SqlFiles.WithoutDown(text, database)];
    }

    public IEnumerable<(string Table, IReadOnlyList<(string Column, string? Type)> Columns)> SnapshotBefore(string upPath, RepositoryFiles files) =>
        DrizzleSnapshot.Before(upPath, files);
}
