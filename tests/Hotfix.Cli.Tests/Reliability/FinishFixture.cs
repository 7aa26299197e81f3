using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// The repository every fault scenario starts from, and its tips before the finish. develop differs from the hotfix
/// tip by an added file, an added nested folder and a deleted file, so the final checkout adds, creates folders and
/// deletes — every kind of write a kill can interrupt.
/// </summary>
internal sealed record FinishFixture(string Main, string Develop, string Hotfix)
{
    public const string Branch = "hotfix/INC-2026-0042-fix-rounding";

    public static readonly string FixedOrders = HotfixRepositories.OrdersWith("round", "round-half-even");

    /// <summary>Builds it in <paramref name="repo"/>; HEAD on the hotfix branch, clean.</summary>
    public static FinishFixture Build(TestRepository repo)
    {
        repo.Switch("develop");
        repo.Commit("Retire the legacy readme, add the web app", ("README.md", null), ("web/app/index.txt", "web\n"));
        repo.Switch("main");
        repo.Switch(Branch, create: true);
        repo.Commit("Round half to even", ("src/orders.txt", FixedOrders));
        return new FinishFixture(repo.Git("rev-parse", "main"), repo.Git("rev-parse", "develop"), repo.Head);
    }

    /// <summary>The fixture in a new temp repository (its own folder, disposed with it).</summary>
    public static (TestRepository Repo, FinishFixture Fixture) Create()
    {
        var repo = HotfixRepositories.MainAndDevelop();
        return (repo, Build(repo));
    }
}
