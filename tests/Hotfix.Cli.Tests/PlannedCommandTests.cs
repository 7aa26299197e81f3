using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>Commands of the contract that this version does not implement must never pretend to work.</summary>
public class PlannedCommandTests
{
    public static TheoryData<string> Planned() => new(Commands.PlannedCommand.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Planned))]
    public void A_planned_command_says_so_changes_nothing_and_exits_2(string name)
    {
        using var repo = TestRepository.Create();
        var before = repo.Git("show-ref");
        var result = CliRun.Run(repo.Path, name, "INC-2026-0042", "anything", "--dry-run");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'hotfix {name}' is not available in this version", result.Error);
        Assert.Contains("nothing was done", result.Error);
        Assert.Equal(before, repo.Git("show-ref"));
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain"));
    }
}
