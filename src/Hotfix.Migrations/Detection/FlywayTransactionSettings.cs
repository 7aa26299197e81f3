using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// Flyway's project-wide transaction settings, wherever a repository sets them: <c>flyway.conf</c>
/// (<c>flyway.mixed=true</c>), <c>flyway.toml</c> (<c>mixed = true</c>), Spring Boot's <c>spring.flyway.mixed</c>, the
/// Maven and Gradle plugins, and the environment (<c>FLYWAY_MIXED=true</c>) or command line (<c>-mixed=true</c>) of the
/// scripts, compose files and CI workflows that run it. The same for <c>executeInTransaction=false</c>. One file that
/// sets it counts for the whole repository.
/// </summary>
internal static partial class FlywayTransactionSettings
{
    private const int MaxFiles = 64;

    public static ProjectTransactionSettings Read(RepositoryFiles files)
    {
        var texts = files.HeadFiles.Where(IsWhereFlywayIsConfigured).Take(MaxFiles).Select(files.ReadHead).OfType<string>().ToList();
        return new ProjectTransactionSettings(
            AllowsMixed: texts.Any(t => Mixed().IsMatch(t) || MixedYaml().IsMatch(t) && t.Contains("flyway", StringComparison.OrdinalIgnoreCase)),
            NoTransaction: texts.Any(t => NoTransaction().IsMatch(t)));
    }

    private static bool IsWhereFlywayIsConfigured(string path)
    {
        var name = RepoPath.FileName(path);
        return name is "flyway.conf" or "flyway.toml" or "pom.xml" or "build.gradle" or "build.gradle.kts" or "Makefile" or "Dockerfile" or ".gitlab-ci.yml"
            || name.StartsWith(".env", StringComparison.Ordinal)
            || name.StartsWith("docker-compose", StringComparison.Ordinal) || name.StartsWith("compose.", StringComparison.Ordinal)
            || name.EndsWith(".sh", StringComparison.Ordinal)
            || path.StartsWith(".github/workflows/", StringComparison.Ordinal)
            || (name.StartsWith("application", StringComparison.Ordinal) || name.StartsWith("bootstrap", StringComparison.Ordinal))
                && (name.EndsWith(".properties", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>flyway.mixed=true</c>, <c>spring.flyway.mixed=true</c>, TOML's <c>mixed = true</c>, Gradle's
    /// <c>mixed = true</c>, Maven's <c>&lt;mixed&gt;true&lt;/mixed&gt;</c>, <c>FLYWAY_MIXED=true</c> (or <c>: "true"</c>
    /// in YAML), <c>-mixed=true</c>.
    /// </summary>
    [GeneratedRegex(@"(?im)(?:^\s*(?:spring\.)?(?:flyway\.)?mixed\s*=\s*[""']?true\b|<mixed>\s*true\s*</mixed>|\bFLYWAY_MIXED[""']?\s*[=:]\s*[""']?true\b|(?:^|\s)-mixed=[""']?true\b)")]
    private static partial Regex Mixed();

    /// <summary>Spring Boot's YAML: <c>mixed: true</c> nested under <c>flyway:</c>.</summary>
    [GeneratedRegex(@"(?m)^\s+mixed\s*:\s*[""']?true\b")]
    private static partial Regex MixedYaml();

    /// <summary>The same spellings for <c>executeInTransaction=false</c> (Spring: <c>execute-in-transaction</c>).</summary>
    [GeneratedRegex(@"(?im)(?:^\s*(?:spring\.)?(?:flyway\.)?(?:executeInTransaction|execute-in-transaction)\s*[=:]\s*[""']?false\b|<executeInTransaction>\s*false\s*</executeInTransaction>|\bFLYWAY_EXECUTE_IN_TRANSACTION[""']?\s*[=:]\s*[""']?false\b|(?:^|\s)-executeInTransaction=[""']?false\b)")]
    private static partial Regex NoTransaction();
}
