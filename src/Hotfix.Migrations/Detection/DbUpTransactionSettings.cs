using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// Whether a DbUp project runs its scripts in a transaction: DbUp runs none unless the upgrader is built with
/// <c>.WithTransaction()</c> or <c>.WithTransactionPerScript()</c>, in the project's own C#. A project that also builds an
/// upgrader <c>.WithoutTransaction()</c> (usually for exactly such scripts) is not judged, since which upgrader runs
/// which script is decided by filters Hotfix does not follow.
/// </summary>
internal static partial class DbUpTransactionSettings
{
    private const int MaxFiles = 64;

    public static ProjectTransactionSettings Read(RepositoryFiles files, string projectFolder)
    {
        var texts = files.HeadFiles
            .Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && (projectFolder.Length == 0 || RepoPath.IsUnder(p, projectFolder))
                && !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .Take(MaxFiles).Select(files.ReadHead).OfType<string>().Where(t => t.Contains("DeployChanges", StringComparison.Ordinal)).ToList();
        var wrapped = texts.Any(t => WithTransaction().IsMatch(t)) && !texts.Any(t => WithoutTransaction().IsMatch(t));
        return new ProjectTransactionSettings(NoTransaction: !wrapped);
    }

    /// <summary><c>.WithTransaction()</c>, <c>.WithTransactionPerScript()</c>, <c>.WithTransactionAlwaysRollback()</c>.</summary>
    [GeneratedRegex(@"\.WithTransaction\w*\s*\(")]
    private static partial Regex WithTransaction();

    [GeneratedRegex(@"\.WithoutTransaction\s*\(")]
    private static partial Regex WithoutTransaction();
}
