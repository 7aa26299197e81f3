using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// Whether the runner of a repository's numbered SQL migrations keeps a checksum of each applied file, as far as the
/// repository shows it. postgres-migrations hashes every file and refuses to run when an applied one changed; a
/// <c>psql -f</c> loop in a Makefile or script, node-pg-migrate, yoyo (its hash is of the migration's id, not its text)
/// and shmig record only which files ran. A runner the repository does not show may be either (many home-made ones
/// store a hash), so then every byte still counts.
/// </summary>
internal static partial class NumberedSqlRunner
{
    private const int MaxFiles = 64;

    /// <summary>False only when the repository shows a runner without a checksum and none with one.</summary>
    public static bool RecordsChecksum(RepositoryFiles files)
    {
        var withoutChecksum = false;
        foreach (var path in files.HeadFiles.Where(IsRunnerConfig).Take(MaxFiles))
        {
            var name = RepoPath.FileName(path);
            var text = files.ReadHead(path) ?? string.Empty;
            if (name == "package.json" && HashingNodeRunner().IsMatch(text))
            {
                return true;
            }

            withoutChecksum |= name is "yoyo.ini" or "shmig.conf"
                || name == "package.json" && NodePgMigrate().IsMatch(text)
                || (name.StartsWith("requirements", StringComparison.Ordinal) || name == "pyproject.toml") && Yoyo().IsMatch(text)
                || (name == "Makefile" || name.EndsWith(".sh", StringComparison.Ordinal)) && PsqlFile().IsMatch(text);
        }

        return !withoutChecksum;
    }

    private static bool IsRunnerConfig(string path)
    {
        if (path.Contains("node_modules/", StringComparison.Ordinal))
        {
            return false;
        }

        var name = RepoPath.FileName(path);
        return name is "package.json" or "yoyo.ini" or "shmig.conf" or "pyproject.toml" or "Makefile"
            || name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal)
            || name.EndsWith(".sh", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"""postgres-migrations""\s*:")]
    private static partial Regex HashingNodeRunner();

    [GeneratedRegex(@"""node-pg-migrate""\s*:")]
    private static partial Regex NodePgMigrate();

    [GeneratedRegex(@"(?im)^\s*""?yoyo-migrations\b")]
    private static partial Regex Yoyo();

    /// <summary>psql running each migration file: <c>psql "$DATABASE_URL" -f "$f"</c> (also <c>--file=</c>).</summary>
    [GeneratedRegex(@"\bpsql\b[^\n]*\s(?:-f|--file[= ])")]
    private static partial Regex PsqlFile();
}
