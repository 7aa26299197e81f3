using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// MikroORM's migrator options, read from <c>mikro-orm.config.*</c>: <c>transactional: false</c> runs no migration in a
/// transaction; otherwise <c>allOrNothing</c> (on unless set to false) runs every pending migration in one master
/// transaction, which a migration's <c>isTransactional()</c> returning false does not leave (the maintainer, in
/// mikro-orm/mikro-orm#4775). Without a configuration file in the repository nothing is assumed, so a migration's own
/// opt-out is taken at its word.
/// </summary>
internal static partial class MikroOrmTransactionSettings
{
    private const int MaxFiles = 16;

    public static ProjectTransactionSettings Read(RepositoryFiles files)
    {
        var texts = files.HeadFiles.Where(p => RepoPath.FileName(p).StartsWith("mikro-orm.config", StringComparison.Ordinal) && !p.Contains("node_modules/", StringComparison.Ordinal))
            .Take(MaxFiles).Select(files.ReadHead).OfType<string>().ToList();
        return texts.Count == 0
            ? ProjectTransactionSettings.None
            : new ProjectTransactionSettings(
                NoTransaction: texts.Any(t => TransactionalFalse().IsMatch(t)),
                OneTransactionForAll: !texts.Any(t => AllOrNothingFalse().IsMatch(t)));
    }

    [GeneratedRegex(@"\btransactional[""']?\s*:\s*false\b")]
    private static partial Regex TransactionalFalse();

    [GeneratedRegex(@"\ballOrNothing[""']?\s*:\s*false\b")]
    private static partial Regex AllOrNothingFalse();
}
