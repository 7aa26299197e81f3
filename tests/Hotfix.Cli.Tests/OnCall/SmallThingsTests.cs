using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>The smaller stumbles of a first incident (issue 16, item 11).</summary>
public class SmallThingsTests
{
    [Fact]
    public void Start_without_a_remote_does_not_tell_you_to_push_to_it()
    {
        using var repo = HotfixRepositories.MainAndDevelop();

        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding", "--no-fetch");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Next: commit the fix and check it (this repository has no remote 'origin' to push to — add one with git remote add origin URL, then git push -u origin hotfix/INC-2026-0042-fix-rounding):", result.Out);
        Assert.DoesNotContain("push the branch, open the pull request", result.Out);
    }

    [Fact]
    public void Start_with_a_remote_tells_you_to_push()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();

        var result = HotfixCli.Run(repo, "start", "INC-2026-0042", "fix-rounding");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Next: commit the fix, push the branch, open the pull request and check it:", result.Out);
        Assert.Contains("git push -u origin hotfix/INC-2026-0042-fix-rounding", result.Out);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finish_without_a_remote_says_to_add_one_before_the_push_it_prints(bool dryRun)
    {
        var (repo, _) = Reliability.FinishFixture.Create();
        using var _repo = repo;

        var result = dryRun ? HotfixCli.Run(repo, "finish", "--dry-run") : HotfixCli.Run(repo, "finish");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("push (finish never pushes; this repository has no remote 'origin' yet — add one first with git remote add origin URL):", result.Out);
        Assert.Contains("git push origin main develop", result.Out);
    }

    [Fact]
    public void Finish_with_a_remote_prints_the_push_alone()
    {
        var (repo, _) = Reliability.FinishFixture.Create();
        using var _repo = repo;
        repo.AddOrigin();

        var result = HotfixCli.Run(repo, "finish");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Next: push (finish never pushes):", result.Out);
        Assert.DoesNotContain("no remote", result.Out);
    }

    [Fact]
    public void Verify_and_record_of_an_unknown_incident_both_exit_2_and_name_it()
    {
        using var dir = FileRecords.Workspace();

        var verify = CliRun.Run(dir.Path, "verify", "INC-2026-0099");
        var record = CliRun.Run(dir.Path, "record", "INC-2026-0099");

        Assert.True(verify.ExitCode == 2, verify.ToString());
        Assert.True(record.ExitCode == 2, record.ToString());
        Assert.StartsWith("hotfix: error: incident 'INC-2026-0099': nothing is recorded yet (", verify.Error);
        Assert.StartsWith("hotfix: error: incident 'INC-2026-0099': nothing is recorded yet (", record.Error);
        Assert.Contains("hotfix verify INC-2026-0099 --deployed starts the stability window", verify.Error);
        Assert.Equal(string.Empty, verify.Out);

        var deployed = CliRun.Run(dir.Path, new Dictionary<string, string> { ["HOTFIX_USER"] = "sandro" }, "verify", "INC-2026-0099", "--deployed");
        Assert.True(deployed.ExitCode == 0, deployed.ToString());
        Assert.Equal(0, CliRun.Run(dir.Path, "verify", "INC-2026-0099").ExitCode);
    }

    [Fact]
    public void Audit_says_a_commit_develop_already_has_is_the_same_commit_not_a_cherry_pick()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var first = repo.Commit("Round half to even (INC-2026-0045)", ("src/orders.txt", HotfixRepositories.OrdersWith("round", "round-half-even")));
        repo.Switch("develop");
        repo.Git("merge", "--no-ff", "--quiet", "-m", "Take the rounding fix early", first);
        repo.Switch("main");
        var second = repo.Commit("Test the rounding (INC-2026-0045)", ("tests/rounding.txt", "test\n"));

        var result = HotfixCli.Run(repo, "audit");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"never fully reached develop: develop has 1 commit as the same commit ({first[..7]} Round half to even (INC-2026-0045)), but not {second[..7]} Test the rounding (INC-2026-0045).", result.Out);
        Assert.DoesNotContain("cherry-pick", result.Out.Split("Merge it back")[0]);
        Assert.DoesNotContain("neither", result.Out);
    }
}
