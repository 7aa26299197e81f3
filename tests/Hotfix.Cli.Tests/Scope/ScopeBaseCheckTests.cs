using Hotfix.TestSupport;
using static Hotfix.Cli.Tests.Scope.CheckJson;

namespace Hotfix.Cli.Tests.Scope;

/// <summary>The change set is measured against the same main the Branch section compares with.</summary>
public class ScopeBaseCheckTests
{
    [Fact]
    public void A_branch_from_origin_main_is_measured_against_it_when_local_main_is_stale()
    {
        using var repo = ReleasedUpstreamWhileLocalMainIsStale();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Git("reset", "--quiet", "--hard", "origin/main");
        repo.Commit("fix(pricing): round half away from zero", ("src/Pricing.cs", "decimal.Round(x, 2, MidpointRounding.AwayFromZero);\n"));

        var (exit, root) = Run(repo, "--severity", "SEV1");
        Assert.Empty(Findings(root, "HF1101"));
        Assert.Equal(0, exit);
        var scope = root.GetProperty("scope");
        Assert.Equal("origin/main", scope.GetProperty("baseBranch").GetString());
        Assert.Equal(repo.Git("rev-parse", "origin/main"), scope.GetProperty("mergeBase").GetString());
        Assert.Equal((1, 2), (scope.GetProperty("counts").GetProperty("countedFiles").GetInt32(), scope.GetProperty("counts").GetProperty("countedLines").GetInt32()));
    }

    [Fact]
    public void A_branch_from_origin_main_that_bundles_more_is_still_over_budget()
    {
        using var repo = ReleasedUpstreamWhileLocalMainIsStale();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Git("reset", "--quiet", "--hard", "origin/main");
        repo.Commit("fix and more", Enumerable.Range(1, 6).Select(i => ($"src/Extra{i}.cs", (string?)Numbered("int e", 3))).ToArray());

        var (exit, root) = Run(repo, "--severity", "SEV1");
        Assert.Equal(1, exit);
        Assert.Contains("6 files and 18 changed lines", Assert.Single(Findings(root, "HF1101")).GetProperty("message").GetString());
    }

    /// <summary>
    /// Local main a release behind origin/main (a clone that fetched and never pulled): the release is 12 files, more
    /// than a SEV1 budget.
    /// </summary>
    private static TestRepository ReleasedUpstreamWhileLocalMainIsStale()
    {
        var repo = TestRepository.Create();
        repo.Commit("Service", ("src/Pricing.cs", "decimal.Round(x, 2, MidpointRounding.ToZero);\n"));
        var stale = repo.Head;
        repo.Commit("Merge release 2.15", Enumerable.Range(1, 12).Select(i => ($"src/Features/Feature{i}.cs", (string?)Numbered("int f", 35))).ToArray());
        repo.Git("update-ref", "refs/remotes/origin/main", "HEAD");
        repo.Git("reset", "--quiet", "--hard", stale);
        return repo;
    }
}
