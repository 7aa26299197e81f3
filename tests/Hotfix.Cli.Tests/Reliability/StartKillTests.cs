using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// The real CLI process killed with SIGKILL before every write of hotfix start (HOTFIX_FAULT_KILL_AT_STEP), started
/// from develop so the checkout changes files; one plain rerun of the same start must leave HEAD on the new branch at
/// main, a clean status and no lock file.
/// </summary>
public class StartKillTests
{
    private const string Marker = "killing this process before write";
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";

    [Fact]
    public void Killed_before_every_write_one_plain_rerun_of_the_start_completes_it()
    {
        using var template = HotfixRepositories.MainAndDevelop();
        template.Switch("develop");
        var main = template.Git("rev-parse", "main");
        var executable = HotfixProcess.JitExecutable;
        var failures = new List<string>();
        var killPoints = 0;
        for (var step = 1; step <= 10; step++)
        {
            using var run = new TempDirectory("hotfix-start-kill");
            var path = run.Combine("repo");
            RepositoryCopy.Copy(template.Path, path);
            var killed = HotfixProcess.Run(path, executable, step, "start", "INC-2026-0042", "fix-rounding", "--no-fetch");
            if (!killed.StandardError.Contains(Marker, StringComparison.Ordinal))
            {
                Assert.True(killed.ExitCode == 0, $"step {step} past the last write must start normally: {killed}");
                break;
            }

            killPoints++;
            var rerun = HotfixProcess.Run(path, executable, null, "start", "INC-2026-0042", "fix-rounding", "--no-fetch");
            var head = GitCli.Try(path, "symbolic-ref", "--short", "HEAD").StandardOutput.Trim();
            var status = GitCli.Run(path, "status", "--porcelain", "--untracked-files=all");
            var tip = GitCli.Try(path, "rev-parse", "--verify", "--quiet", Branch).StandardOutput.Trim();
            if (rerun.ExitCode != 0 || head != Branch || tip != main || status.Length > 0)
            {
                failures.Add($"kill before write {step}: HEAD {head}, branch at {tip}, status [{status}], rerun {rerun}");
            }
        }

        Assert.True(killPoints >= 2, $"only {killPoints} kill points were reached");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
