using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;
using Hotfix.Migrations.Formats;

namespace Hotfix.Migrations.Rollback;

/// <summary>
/// The number of each forward migration where the framework numbers its migrations (Django's <c>0005_</c>, numbered
/// SQL, DbUp, golang-migrate, Flyway's <c>V12__</c>, FluentMigrator's <c>[Migration(42)]</c>, drizzle-kit): the
/// highest number in the migration's folder at the hotfix's head + 1, written in the width of that highest one. A
/// timestamp-style version — and the name of a framework whose generator stamps it (Rails, Ecto, Knex, Sequelize,
/// Laravel, goose, TypeORM; <see cref="VersionStamp"/>) — gets the current UTC time in its format when that sorts
/// after the last one, else the last + 1. Alembic's revisions are chained instead (<see cref="AlembicRevisions"/>);
/// the frameworks whose generator alone can make the file keep the placeholder (<see cref="GeneratorOnlyNames"/>). Several
/// migrations of the hotfix in one folder get consecutive numbers, the newest's undo first (it runs first). Gaps are
/// never filled: a number below the highest may have run somewhere.
/// </summary>
internal static partial class NextMigrationNumbers
{
    public static IReadOnlyList<MigrationName?> Assign(IReadOnlyList<DetectedMigration> newestFirst, DateTimeOffset now)
    {
        var series = new Dictionary<(MigrationFramework, string), Series>();
        var alembic = new Dictionary<string, AlembicRevisions>();
        return newestFirst.Select(m =>
        {
            if (GeneratorOnlyNames.Of(m.Framework) is { } generatorOnly)
            {
                return generatorOnly;
            }

            if (m.Framework == MigrationFramework.Alembic)
            {
                var folder = RepoPath.Directory(m.Path);
                if (!alembic.TryGetValue(folder, out var revisions))
                {
                    alembic[folder] = revisions = AlembicRevisions.Of(m.Files, folder);
                }

                return revisions.Next();
            }

            if (SchemeOf(m) is not { } scheme)
            {
                return null;
            }

            var key = (m.Framework, scheme.Folder);
            if (!series.TryGetValue(key, out var s))
            {
                series[key] = s = Series.Of(m.Files, scheme, now);
            }

            return s.Next();
        }).ToList();
    }

    /// <summary>
    /// Where a framework's numbers are: the folder whose files are listed (at any depth for frameworks that scan
    /// recursively), the numbers a file carries, and whether the runner orders files by name (a new number must then
    /// also sort last as text). <paramref name="Stamps"/> are the timestamp formats its generator writes (the default:
    /// <c>yyyyMMddHHmmss</c>, <c>yyyyMMddHHmm</c>); <paramref name="Render"/> writes a version back into a file name
    /// (Laravel's underscores), the identity when null.
    /// </summary>
    private sealed record Scheme(
        string Folder, bool Recursive, Func<string, RepositoryFiles, IEnumerable<string>> Versions, bool NameOrder, string What,
        IReadOnlyList<VersionStamp>? Stamps = null, Func<string, string>? Render = null)
    {
        public IReadOnlyList<VersionStamp> StampsOrDefault => Stamps ?? [VersionStamp.Seconds, VersionStamp.Minutes];

        public string Write(string version) => Render is null ? version : Render(version);
    }

    private static Scheme? SchemeOf(DetectedMigration m)
    {
        var directory = RepoPath.Directory(m.Path);
        IEnumerable<string> Named(string name, Regex pattern) => pattern.Match(name) is { Success: true } match ? [match.Groups["v"].Value] : [];
        return m.Framework switch
        {
            // drizzle-kit v1 keeps each migration as the one script of a folder of its own, numbered by the folder.
            MigrationFramework.DrizzleKit when RepoPath.FileName(m.Path) == "migration.sql" => new(
                RepoPath.Directory(directory), true,
                (p, _) => RepoPath.FileName(p) == "migration.sql" && RepoPath.Directory(RepoPath.Directory(p)) == RepoPath.Directory(directory)
                    ? Named(RepoPath.FileName(RepoPath.Directory(p)), LeadingNumber()) : [],
                false, "migration folder names"),
            MigrationFramework.DrizzleKit => new(directory, false, (p, _) => Named(RepoPath.FileName(p), SqlNumber()), false, "file names"),
            MigrationFramework.Django => new(directory, false, (p, _) => Named(RepoPath.FileName(p), DjangoNumber()), false, "file names"),
            MigrationFramework.NumberedSql => new(directory, false, (p, _) => Named(RepoPath.FileName(p), SqlNumber()), true, "file names"),
            MigrationFramework.DbUp => new(directory, false, (p, _) => Named(RepoPath.FileName(p), SqlNumber()), true, "script names"),
            MigrationFramework.GolangMigrate => new(directory, false, (p, _) => Named(RepoPath.FileName(p), GolangNumber()), false, "file names"),
            MigrationFramework.Flyway => new(directory, true, (p, _) => Named(RepoPath.FileName(p), FlywayVersion()), false, "V file names"),
            // Generators that stamp the file with the UTC time: the next name is that time when it sorts last.
            MigrationFramework.Rails => new(directory, false, (p, _) => Named(RepoPath.FileName(p), RailsVersion()), false, "file names", [VersionStamp.Seconds]),
            MigrationFramework.Ecto => new(directory, false, (p, _) => Named(RepoPath.FileName(p), EctoVersion()), false, "file names", [VersionStamp.Seconds]),
            MigrationFramework.Goose => new(directory, false, (p, _) => Named(RepoPath.FileName(p), GooseVersion()), false, "file names", [VersionStamp.Seconds]),
            MigrationFramework.Knex => new(directory, false, (p, _) => Named(RepoPath.FileName(p), KnexVersion()), true, "file names", [VersionStamp.Seconds]),
            MigrationFramework.Sequelize => new(directory, false, (p, _) => Named(RepoPath.FileName(p), SequelizeVersion()), true, "file names", [VersionStamp.Seconds]),
            MigrationFramework.TypeOrm => new(directory, false, (p, _) => Named(RepoPath.FileName(p), TypeOrmVersion()), false, "file names", [VersionStamp.UnixMilliseconds]),
            MigrationFramework.Laravel => new(
                directory, false,
                (p, _) => LaravelVersion().Match(RepoPath.FileName(p)) is { Success: true } match ? [string.Concat(match.Groups["v"].Captures.Select(c => c.Value))] : [],
                true, "file names", [VersionStamp.Laravel],
                v => v.Length == 14 ? $"{v[..4]}_{v[4..6]}_{v[6..8]}_{v[8..]}" : v),
            MigrationFramework.FluentMigrator => new(
                directory, true,
                (p, files) => p.EndsWith(".cs", StringComparison.Ordinal) && files.ReadHead(p) is { } text
                    ? FluentMigratorFormat.DeclaredVersions(text) : [],
                false, "[Migration(…)] attributes of the .cs files"),
            _ => null,
        };
    }

    /// <summary>The numbers of one folder, handed out in turn.</summary>
    private sealed class Series
    {
        private readonly Func<int, string>? value;
        private readonly string note;
        private int taken;

        private Series(Func<int, string>? value, string note)
        {
            this.value = value;
            this.note = note;
        }

        public static Series Of(RepositoryFiles? files, Scheme scheme, DateTimeOffset now)
        {
            var where = scheme.Folder.Length == 0 ? "the repository's root" : scheme.Folder + "/";
            if (files is not { ListsWholeTree: true })
            {
                return Placeholder($"{where} could not be listed (the host gave Hotfix no repository reader)");
            }

            var found = files.HeadFiles
                .Where(p => scheme.Recursive ? RepoPath.IsUnder(p, scheme.Folder) : RepoPath.Directory(p) == scheme.Folder)
                .SelectMany(p => scheme.Versions(p, files).Select(v => (Version: v, Path: p)))
                .ToList();
            var at = $"{where} at {files.Changes.Head[..Math.Min(7, files.Changes.Head.Length)]}";
            if (found.Count == 0)
            {
                return Placeholder($"none of the {scheme.What} in {at} carries a number to follow");
            }

            if (found.FirstOrDefault(f => !f.Version.All(char.IsAsciiDigit)) is { Version: not null } dotted)
            {
                return Placeholder($"the versions in {at} have several parts ({dotted.Version} in {dotted.Path}): whether the next raises the last part or an earlier one is the team's numbering, not the listing's");
            }

            var last = found.MaxBy(f => BigInteger.Parse(f.Version, CultureInfo.InvariantCulture));
            var width = last.Version.Length;
            var widths = found.Select(f => f.Version.Length).Distinct().Order().ToList();
            var mixed = widths.Count > 1 ? $" (the {scheme.What} mix {string.Join(", ", widths)}-digit numbers; this follows the highest)" : string.Empty;
            var highest = BigInteger.Parse(last.Version, CultureInfo.InvariantCulture);
            string Plus(int k) => (highest + 1 + k).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

            if (scheme.StampsOrDefault.FirstOrDefault(s => s.Matches(last.Version)) is { } stamp)
            {
                var current = stamp.At(now);
                return string.CompareOrdinal(current, last.Version) > 0
                    ? new(k => scheme.Write(stamp.At(now + (k * stamp.Step))),
                        $"the current UTC time as {stamp.Name}, which sorts after the last version in {at}, {scheme.Write(last.Version)} ({last.Path})")
                    : new(k => scheme.Write(Plus(k)), $"the last version in {at}, {scheme.Write(last.Version)} ({last.Path}), + 1 — the current UTC time {scheme.Write(current)} does not sort after it");
            }

            // A runner that sorts names as text runs 10_ before 9_: the new name must come last as text as well.
            var first = Plus(0);
            if (scheme.NameOrder && found.FirstOrDefault(f => string.CompareOrdinal(first, f.Version) <= 0) is { Path: not null } before)
            {
                return Placeholder($"after the highest number in {at}, {last.Version} ({last.Path}), {first} would still sort before {RepoPath.FileName(before.Path)} by name{mixed}: name the file so the runner applies it last");
            }

            return new(k => scheme.Write(Plus(k)), $"the highest number in {at} is {scheme.Write(last.Version)} ({last.Path}); + 1, {width} digits wide{mixed}");
        }

        public MigrationName Next()
        {
            var k = taken++;
            if (value is null)
            {
                return new(null, $"The number stays a placeholder: {note}.");
            }

            var number = value(k);
            return new(number, $"Number {number}: {note}" + (k == 0 ? "." : $", moved on by {k} for the undos of the hotfix's newer migrations in this folder (they run first)."));
        }

        private static Series Placeholder(string reason) => new(null, reason);

    }

    [GeneratedRegex(@"^(?<v>[0-9]+)")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^(?<v>[0-9]+)[_.-].*\.sql$")]
    private static partial Regex SqlNumber();

    [GeneratedRegex(@"^(?<v>[0-9]+)_\w*\.py$")]
    private static partial Regex DjangoNumber();

    [GeneratedRegex(@"^(?<v>[0-9]+)_.*\.up\.sql$")]
    private static partial Regex GolangNumber();

    [GeneratedRegex(@"^(?<v>[0-9]+)_\w+\.rb$")]
    private static partial Regex RailsVersion();

    [GeneratedRegex(@"^(?<v>[0-9]+)_\w+\.exs$")]
    private static partial Regex EctoVersion();

    [GeneratedRegex(@"^(?<v>[0-9]+)_.*\.(?:sql|go)$")]
    private static partial Regex GooseVersion();

    [GeneratedRegex(@"^(?<v>[0-9]+)_.*\.(?:[cm]?js|ts)$")]
    private static partial Regex KnexVersion();

    [GeneratedRegex(@"^(?<v>[0-9]+)-.*\.(?:c?js|ts)$")]
    private static partial Regex SequelizeVersion();

    [GeneratedRegex(@"^(?<v>[0-9]+)-\w+\.(?:js|ts)$")]
    private static partial Regex TypeOrmVersion();

    [GeneratedRegex(@"^(?<v>[0-9]{4})_(?<v>[0-9]{2})_(?<v>[0-9]{2})_(?<v>[0-9]{6})_.*\.php$")]
    private static partial Regex LaravelVersion();

    [GeneratedRegex(@"^V(?<v>[0-9]+(?:[._][0-9]+)*)__")]
    private static partial Regex FlywayVersion();
}
