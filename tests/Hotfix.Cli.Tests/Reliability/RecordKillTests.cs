using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// <c>hotfix record --note</c> killed (SIGKILL) before it writes the entry's objects and between writing them and
/// moving the incident's reference: the record is exactly as before, git finds nothing broken, and a rerun records
/// the entry once.
/// </summary>
public class RecordKillTests
{
    private const string Ref = "refs/hotfix/incidents/INC-2026-0042";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_killed_append_loses_nothing_and_a_rerun_records_the_entry_once(int step)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var executable = HotfixProcess.JitExecutable;
        var first = HotfixProcess.Run(repo.Path, executable, null, "record", "INC-2026-0042", "--note", "before", "--by", "sandro");
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = repo.Git("rev-parse", Ref);

        var killed = HotfixProcess.Run(repo.Path, executable, step, "record", "INC-2026-0042", "--note", "killed", "--by", "sandro");
        Assert.NotEqual(0, killed.ExitCode);
        Assert.Contains($"killing this process before write {step}", killed.StandardError);
        Assert.Equal(before, repo.Git("rev-parse", Ref));
        Assert.Equal(0, repo.TryGit("fsck", "--no-dangling", Ref).ExitCode);
        if (step == 2)
        {
            // The entry's objects were written; only the reference never moved to them: garbage for git gc, nothing more.
            Assert.Contains("dangling commit", repo.Git("fsck", "--dangling"));
        }

        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));

        var rerun = HotfixProcess.Run(repo.Path, executable, null, "record", "INC-2026-0042", "--note", "killed", "--by", "sandro");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var json = HotfixProcess.Run(repo.Path, executable, null, "record", "INC-2026-0042", "--format", "json");
        var summaries = JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("summary").GetString()).ToList();
        Assert.Equal(["before", "killed"], summaries);
    }
}
