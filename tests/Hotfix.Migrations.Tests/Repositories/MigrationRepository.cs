using Hotfix.Git;
using Hotfix.Migrations;
using Hotfix.Migrations.Checks;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;
using Hotfix.TestSupport;

namespace Hotfix.Migrations.Tests.Repositories;

/// <summary>Real repositories for migration tests: main with the given files, then a hotfix branch.</summary>
internal static class MigrationRepository
{
    public const string Branch = "hotfix/INC-2026-0042-fix-orders";

    /// <summary>A repository whose main holds <paramref name="mainFiles"/>, with HEAD on a new hotfix branch.</summary>
    public static TestRepository Create(params (string Path, string? Content)[] mainFiles)
    {
        var repo = TestRepository.Create();
        if (mainFiles.Length > 0)
        {
            repo.Commit("Service as released", mainFiles);
        }

        repo.Switch(Branch, create: true);
        return repo;
    }

    public static MigrationFact Scan(TestRepository repo)
    {
        using var git = GitRepository.Open(repo.Path);
        Assert.True(git.TryReadChangeSet("main", "origin", repo.Head, out var changes, out var reason), reason);
        return MigrationFact.From(changes, git);
    }

    public static DetectedMigration Single(TestRepository repo) => Assert.Single(Scan(repo).Migrations);

    /// <summary>
    /// <paramref name="use"/> of the hotfix's migrations while the repository is still open: the rollback plan lists
    /// and reads the migrations' folders through it (<see cref="Scan"/> closes it before returning).
    /// </summary>
    public static T WithMigrations<T>(TestRepository repo, Func<IReadOnlyList<DetectedMigration>, T> use)
    {
        using var git = GitRepository.Open(repo.Path);
        Assert.True(git.TryReadChangeSet("main", "origin", repo.Head, out var changes, out var reason), reason);
        return use(MigrationFact.From(changes, git).Migrations);
    }

    /// <summary>The migration checks (or <paramref name="modules"/>) on the hotfix branch of <paramref name="repo"/>.</summary>
    public static CheckReport Check(TestRepository repo, HotfixPolicy? policy = null, CheckOptions? options = null, IEnumerable<ICheckModule>? modules = null)
    {
        using var git = GitRepository.Open(repo.Path);
        var ports = new PortSet().Add<IRepositoryReader>(git).Add<IChangeSetReader>(git);
        var context = new CheckContext(policy ?? HotfixPolicy.Runbook, new CheckSubject(Branch, repo.Head), options ?? new CheckOptions(), ports);
        return CheckRunner.Run(context, modules ?? [new MigrationsModule()], new ToolInfo("hotfix", "test"));
    }

    public static string Kinds(IEnumerable<MigrationOperation> operations) =>
        string.Join(",", operations.Select(o => MigrationNames.Of(o.Kind)));
}
