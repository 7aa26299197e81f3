using Hotfix.TestSupport;
using static Hotfix.Cli.Tests.Scope.CheckJson;

namespace Hotfix.Cli.Tests.Scope;

/// <summary>HF1101 on a hotfix that is a pure <c>git revert</c> of a commit main already has.</summary>
public class RevertCheckTests
{
    private static (TestRepository Repo, string Feature) MainWithAFeature()
    {
        var repo = TestRepository.Create();
        var feature = repo.Commit("feat(checkout): stackable discount engine", Enumerable.Range(1, 7).Select(i => ($"src/Discounts/Rule{i}.cs", (string?)Numbered("int d", 20))).ToArray());
        repo.Switch("hotfix/INC-2026-0042-revert-discounts", create: true);
        repo.Git("revert", "--no-edit", feature);
        return (repo, feature);
    }

    [Fact]
    public void A_pure_revert_of_a_commit_on_main_is_named_as_such_and_the_waiver_suggested()
    {
        var (repo, feature) = MainWithAFeature();
        using var _ = repo;

        var (exit, root) = Run(repo, "--severity", "SEV1");
        Assert.Equal(1, exit);
        var message = Assert.Single(Findings(root, "HF1101")).GetProperty("message").GetString()!;
        Assert.Contains($"It is a git revert of {feature[..7]}, already on main", message);
        Assert.Contains($"--allow HF1101 --reason \"revert of {feature[..7]}\"", message);
        Assert.DoesNotContain("Move what the incident does not need", message);
    }

    [Fact]
    public void A_revert_with_another_change_beside_it_gets_the_usual_advice()
    {
        var (repo, _) = MainWithAFeature();
        using var _r = repo;
        repo.Commit("and tidy pricing", ("src/Pricing.cs", "int p;\n"));

        var (_, root) = Run(repo, "--severity", "SEV1");
        var message = Assert.Single(Findings(root, "HF1101")).GetProperty("message").GetString()!;
        Assert.DoesNotContain("git revert", message);
        Assert.Contains("Move what the incident does not need", message);
    }
}
