using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>The compare-and-swap the incident record relies on, checked against git rev-parse.</summary>
public class ReferenceSwapTests
{
    private const string Name = "refs/hotfix/incidents/INC-2026-0042";

    [Fact]
    public void Creation_and_updates_happen_only_from_the_expected_value()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var gitDir = Path.Combine(repo.Path, ".git");
        var main = repo.Git("rev-parse", "main");
        var develop = repo.Git("rev-parse", "develop");

        Assert.Equal(SwapResult.Swapped, ReferenceSwap.Swap(gitDir, Name, main, null, "test"));
        Assert.Equal(main, repo.Git("rev-parse", Name));

        // A second creator that also saw no reference must not overwrite the first.
        Assert.Equal(SwapResult.Conflict, ReferenceSwap.Swap(gitDir, Name, develop, null, "test"));
        Assert.Equal(main, repo.Git("rev-parse", Name));

        // An update from a stale value is refused; from the current one it lands.
        Assert.Equal(SwapResult.Conflict, ReferenceSwap.Swap(gitDir, Name, develop, develop, "test"));
        Assert.Equal(main, repo.Git("rev-parse", Name));
        Assert.Equal(SwapResult.Swapped, ReferenceSwap.Swap(gitDir, Name, develop, main, "test"));
        Assert.Equal(develop, repo.Git("rev-parse", Name));
    }
}
