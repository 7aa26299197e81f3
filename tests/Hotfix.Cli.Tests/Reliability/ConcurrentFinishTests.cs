using System.Diagnostics;
using System.Text.Json.Nodes;
using Hotfix.Git;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workflow;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>Of two finishes, one completes; the other refuses with exit 3 and leaves HEAD, refs and files alone.</summary>
public class ConcurrentFinishTests
{
    [Fact]
    public void A_finish_whose_journal_owner_is_alive_refuses_and_touches_nothing()
    {
        using var killed = InProcessFinish.KilledBefore(FinishWrites.MoveDevelop, out var start);
        var path = killed.Combine("killed");
        using var owner = Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;
        try
        {
            // The journal as a finish still running in `owner` would have it: its pid and its start time.
            var journalPath = Path.Combine(path, ".git", "hotfix-finish.json");
            var journal = JsonNode.Parse(File.ReadAllText(journalPath))!;
            var stat = File.ReadAllText($"/proc/{owner.Id}/stat");
            journal["pid"] = owner.Id;
            journal["processStart"] = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
            File.WriteAllText(journalPath, journal.ToJsonString());
            var refs = GitCli.Run(path, "show-ref", "--head");
            var head = GitCli.Run(path, "symbolic-ref", "HEAD");
            var status = GitCli.Run(path, "status", "--porcelain");

            var refused = HotfixCli.Run(path, "finish");
            Assert.Equal(3, refused.ExitCode);
            Assert.Contains($"another hotfix finish (pid {owner.Id}) is finishing {FinishFixture.Branch}", refused.Error);
            Assert.Equal(refs, GitCli.Run(path, "show-ref", "--head"));
            Assert.Equal(head, GitCli.Run(path, "symbolic-ref", "HEAD"));
            Assert.Equal(status, GitCli.Run(path, "status", "--porcelain"));
        }
        finally
        {
            owner.Kill();
            owner.WaitForExit();
        }

        Converged.AfterOnePlainRerun(path, start, "after the other finish's process ended");
    }

    [Fact]
    public async Task Two_finish_processes_started_at_once_merge_once_and_never_exit_70()
    {
        for (var round = 0; round < 3; round++)
        {
            var (repo, start) = FinishFixture.Create();
            using var _ = repo;
            var executable = HotfixProcess.Executable;
            using var first = HotfixProcess.Start(repo.Path, executable, "finish");
            using var second = HotfixProcess.Start(repo.Path, executable, "finish");
            var results = new List<(int Code, string Error)>();
            foreach (var process in new[] { first, second })
            {
                var output = await process.StandardOutput.ReadToEndAsync();
                var error = await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                results.Add((process.ExitCode, output + error));
            }

            var report = string.Join("\n", results.Select(r => $"exit {r.Code}: {r.Error}"));
            Assert.True(results.Any(r => r.Code == 0), report);
            foreach (var (code, error) in results.Where(r => r.Code != 0))
            {
                // Overlapping: "another hotfix finish …"; the other already done before this one looked: HEAD on develop.
                Assert.True(
                    code == 3 && error.Contains("another hotfix finish", StringComparison.Ordinal)
                    || code == 3 && error.Contains("moved while hotfix finish was running", StringComparison.Ordinal)
                    || code == 2 && error.Contains("'develop' is the back-merge target", StringComparison.Ordinal),
                    report);
            }

            Converged.Assert(repo.Path, start, $"round {round}: {report}");
        }
    }

    [Fact]
    public void Checks_that_tripped_over_a_finish_which_has_since_ended_name_that_finish_not_the_files()
    {
        // The race the test above can hit: this run saw the other finish's checkout as "uncommitted changes", and by
        // the time it looked again that finish had ended (no journal left). HEAD moved under it: that is the reason.
        var (repo, _) = FinishFixture.Create();
        using var _repo = repo;
        using var git = GitRepository.Open(repo.Path);
        var ports = new WorkflowPorts(new PortSet().AddGit(git), TimeProvider.System);
        var headBefore = ports.Repository.Head;
        HotfixFinish.RefuseAfterOverlap(ports, headBefore);

        Assert.Equal(0, HotfixCli.Run(repo, "finish").ExitCode);

        var refused = Assert.Throws<HotfixOperationException>(() => HotfixFinish.RefuseAfterOverlap(ports, headBefore));
        Assert.Contains($"HEAD moved from {FinishFixture.Branch} at", refused.Message);
        Assert.Contains("another hotfix finish (or a git command) ran at the same time", refused.Message);
        Assert.Equal("nothing was changed by this run", refused.State);
    }
}
