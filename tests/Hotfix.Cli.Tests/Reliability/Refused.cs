using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>A command refused before its first write: exit 3, the reason, "nothing was changed" — and it is true.</summary>
internal static class Refused
{
    public static CliResult BeforeAnyWrite(TestRepository repo, string reason, params string[] command)
    {
        var refs = repo.RefsAndHead();
        var status = repo.Status();
        var refused = HotfixCli.Run(repo, command);
        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains(reason, refused.Error);
        Assert.Contains("State: nothing was changed", refused.Error);
        Assert.Equal(refs, repo.RefsAndHead());
        Assert.Equal(status, repo.Status());
        return refused;
    }
}
