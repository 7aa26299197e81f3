using System.Diagnostics;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// The real CLI process killed with SIGKILL — before every write through the documented test hook
/// (HOTFIX_FAULT_KILL_AT_STEP, each file of the final checkout included), and at instants spread over a run — then one
/// plain <c>hotfix finish</c> as a process must converge.
/// </summary>
public class FinishKillTests
{
    private const string Marker = "killing this process before write";

    [Fact]
    public void Killed_before_every_write_of_a_real_process_one_plain_rerun_converges()
    {
        var (template, start) = FinishFixture.Create();
        using var _ = template;
        var executable = HotfixProcess.JitExecutable;
        var log = new ConvergenceLog(start);
        var killPoints = 0;
        for (var step = 1; step <= 40; step++)
        {
            using var run = new TempDirectory("hotfix-kill");
            var path = run.Combine("repo");
            RepositoryCopy.Copy(template.Path, path);
            var killed = HotfixProcess.Run(path, executable, step, "finish");
            if (!killed.StandardError.Contains(Marker, StringComparison.Ordinal))
            {
                Assert.True(killed.ExitCode == 0, $"step {step} past the last write must finish normally: {killed}");
                break;
            }

            killPoints++;
            Assert.NotEqual(0, killed.ExitCode);
            var what = killed.StandardError.Split('\n').First(l => l.Contains(Marker, StringComparison.Ordinal));
            var rerun = HotfixProcess.Run(path, executable, null, "finish");
            log.Check(path, what, rerun.ExitCode, rerun.ToString());
        }

        // 11 writes outside the checkout, and 4 inside it: its two files, the deletion, the index.
        Assert.True(killPoints >= 15, $"only {killPoints} kill points were reached");
        log.AssertNone();
    }

    [Fact]
    public void Killed_at_instants_spread_over_a_run_one_plain_rerun_converges()
    {
        var (template, start) = FinishFixture.Create();
        using var _ = template;
        var executable = HotfixProcess.Executable;
        var duration = Stopwatch.StartNew();
        using (var timing = new TempDirectory("hotfix-kill"))
        {
            var path = timing.Combine("repo");
            RepositoryCopy.Copy(template.Path, path);
            var full = HotfixProcess.Run(path, executable, null, "finish");
            Assert.True(full.ExitCode == 0, full.ToString());
        }

        var whole = duration.Elapsed;
        var log = new ConvergenceLog(start);
        const int Points = 8;
        for (var i = 1; i <= Points; i++)
        {
            using var run = new TempDirectory("hotfix-kill");
            var path = run.Combine("repo");
            RepositoryCopy.Copy(template.Path, path);
            var delay = whole * i / (Points + 1);
            using (var process = HotfixProcess.Start(path, executable, "finish"))
            {
                process.WaitForExit(delay);
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.WaitForExit();
            }

            var rerun = HotfixProcess.Run(path, executable, null, "finish");
            // A kill that landed after the finish completed leaves nothing to do: HEAD is on develop, the branch gone.
            log.Check(
                path,
                $"SIGKILL after {delay.TotalMilliseconds:F0} ms of a {whole.TotalMilliseconds:F0} ms run",
                rerun.ExitCode,
                rerun.ToString(),
                finishedAlready: rerun.StandardError.Contains("'develop' is the back-merge target", StringComparison.Ordinal));
        }

        log.AssertNone();
    }
}
