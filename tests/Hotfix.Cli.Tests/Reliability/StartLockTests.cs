using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>hotfix start meets a lock file someone else holds: exit 3 naming it (never 70), no branch left behind.</summary>
public class StartLockTests
{
    [Theory]
    [InlineData("index.lock")]
    [InlineData("refs/heads/hotfix/INC-2026-0042-fix-rounding.lock")]
    public void A_held_lock_stops_start_with_exit_3_naming_it_and_no_branch(string lockFile)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        var full = Path.Combine(repo.Path, ".git", lockFile);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, string.Empty);
        Refused.BeforeAnyWrite(repo, $"{full} exists: another git process is using this repository", "start", "INC-2026-0042", "fix-rounding", "--no-fetch");
        Assert.True(File.Exists(full));
    }
}
