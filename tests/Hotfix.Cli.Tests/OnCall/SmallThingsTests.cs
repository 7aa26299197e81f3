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
}
