using System.Globalization;
using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// <c>hotfix test</c> runs real commands — tiny shell scripts standing in for <c>npm run test</c> — and records every
/// run in the incident record. Feature names are data: the injection attempts below must reach the script as one
/// argument and create nothing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class TestSuiteCommandTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-rounding";
    private static readonly Dictionary<string, string> Sandro = new() { ["HOTFIX_USER"] = "sandro" };

    /// <summary>Writes its arguments one per line to args.txt and its HOTFIX_* variables to vars.txt, then exits $SUITE_EXIT (default 0).</summary>
    private const string EchoArgs = "#!/bin/sh\nprintf '%s\\n' \"$@\" > args.txt\nenv | grep '^HOTFIX_TEST_' | sort > vars.txt\necho \"ran with $# arguments\"\nexit \"${SUITE_EXIT:-0}\"\n";

    private const string Policy = """
        {
          "tests": {
            "commands": {
              "smoke": ["./scripts/suite.sh", "--grep", "{feature}", "--bail"],
              "regression": "./scripts/suite.sh --grep '{feature}' --env={env}",
              "integration": ["./scripts/fail.sh"],
              "load-test": ["./scripts/hang.sh"],
              "full-regression": ["no-such-program-for-hotfix-tests"]
            }
          },
          "environments": [ { "name": "dev" }, { "name": "staging", "productionLike": true } ]
        }
        """;

    private static TestRepository SuiteRepo(string policy = Policy)
    {
        var repo = TestRepository.Create();
        repo.Switch(Branch, create: true);
        repo.WriteFile("hotfix.json", policy);
        Script(repo, "suite.sh", EchoArgs);
        Script(repo, "fail.sh", "#!/bin/sh\ni=1\nwhile [ $i -le 30 ]; do echo \"assertion $i\"; i=$((i+1)); done\necho 'expected 2 got 3' >&2\nexit 3\n");
        // A hung suite that started a child of its own: the timeout must stop both.
        Script(repo, "hang.sh", "#!/bin/sh\nsleep 300 &\necho $! > child.pid\necho $$ > parent.pid\necho hanging\nwait\n");
        return repo;
    }

    private static void Script(TestRepository repo, string name, string text)
    {
        repo.WriteFile($"scripts/{name}", text);
        File.SetUnixFileMode(Path.Combine(repo.Path, "scripts", name), (UnixFileMode)0b111_101_101);
    }

    private static CliResult Run(TestRepository repo, params string[] args) => CliRun.Run(repo.Path, Sandro, args);

    private static JsonElement[] Runs(TestRepository repo)
    {
        var json = JsonDocument.Parse(CliRun.Run(repo.Path, "record", "INC-2026-0042", "--format", "json").Out).RootElement;
        return json.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "test-run").ToArray();
    }

    private static void AssertNothingPwned(TestRepository repo)
    {
        Assert.Empty(Directory.GetFiles(repo.Path, "pwned", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "pwned")));
    }

    [Fact]
    public void Runs_the_policy_command_streams_its_output_and_records_the_run()
    {
        using var repo = SuiteRepo();
        var result = Run(repo, "test", "smoke", "--feature", "order total", "--env", "staging");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ran with 3 arguments", result.Out);
        Assert.Equal("--grep\norder total\n--bail\n", File.ReadAllText(Path.Combine(repo.Path, "args.txt")));
        Assert.Equal("HOTFIX_TEST_ENV=staging\nHOTFIX_TEST_FEATURE=order total\nHOTFIX_TEST_SUITE=smoke\n", File.ReadAllText(Path.Combine(repo.Path, "vars.txt")));
        Assert.Contains("hotfix: smoke passed in staging", result.Error);

        var run = Assert.Single(Runs(repo));
        Assert.Equal("pass", run.GetProperty("outcome").GetString());
        Assert.Equal("sandro", run.GetProperty("by").GetString());
        var details = run.GetProperty("details");
        Assert.Equal("smoke", details.GetProperty("suite").GetString());
        Assert.Equal("order total", details.GetProperty("feature").GetString());
        Assert.Equal("staging", details.GetProperty("environment").GetString());
        Assert.Equal(0, details.GetProperty("exitCode").GetInt32());
        Assert.False(details.GetProperty("timedOut").GetBoolean());
        Assert.True(details.GetProperty("durationMs").GetInt64() >= 0);
        Assert.Equal(["./scripts/suite.sh", "--grep", "order total", "--bail"], details.GetProperty("command").EnumerateArray().Select(w => w.GetString()));
    }

    [Theory]
    [InlineData("x\"; touch pwned; echo \"")]
    [InlineData("$(touch pwned)")]
    [InlineData("`touch pwned`")]
    [InlineData("'; touch pwned; echo '")]
    [InlineData("a && touch pwned")]
    public void A_feature_name_is_one_argument_and_never_shell_text(string feature)
    {
        using var repo = SuiteRepo();
        foreach (var suite in new[] { "smoke", "regression" })
        {
            var result = Run(repo, "test", suite, "--feature", feature, "--env", "dev");
            Assert.True(result.ExitCode == 0, result.ToString());
            var args = File.ReadAllText(Path.Combine(repo.Path, "args.txt")).Split('\n');
            Assert.Equal(feature, args[1]);
            AssertNothingPwned(repo);
        }

        Assert.Equal(2, Runs(repo).Length);
    }

    [Theory]
    [InlineData("$(touch pwned)")]
    [InlineData("dev; touch pwned")]
    public void An_environment_is_checked_against_the_policy_before_anything_runs(string environment)
    {
        using var repo = SuiteRepo();
        var result = Run(repo, "test", "smoke", "--feature", "checkout", "--env", environment);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not an environment of the policy; expected one of dev, staging", result.Error);
        Assert.False(File.Exists(Path.Combine(repo.Path, "args.txt")));
        AssertNothingPwned(repo);
    }

    [Fact]
    public void Without_environments_in_the_policy_env_is_optional_but_still_a_name()
    {
        using var repo = SuiteRepo("""{ "tests": { "commands": { "smoke": ["./scripts/suite.sh", "{env}"] } } }""");
        Assert.Equal(2, Run(repo, "test", "smoke").ExitCode);
        var bad = Run(repo, "test", "smoke", "--env", "$(touch pwned)");
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains("expected an environment name of lowercase words and hyphens", bad.Error);
        Assert.Equal(0, Run(repo, "test", "smoke", "--env", "qa").ExitCode);
        Assert.Equal("qa\n", File.ReadAllText(Path.Combine(repo.Path, "args.txt")));
        AssertNothingPwned(repo);
    }

    [Fact]
    public void A_failing_suite_exits_1_with_the_tail_of_its_output_and_is_recorded_as_failed()
    {
        using var repo = SuiteRepo();
        var result = Run(repo, "test", "integration", "--env", "dev");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("assertion 1\n", result.Out);
        Assert.Contains("hotfix: integration failed (exit 3", result.Error);
        var tail = result.Error[result.Error.IndexOf("the last 20 lines of its output:", StringComparison.Ordinal)..];
        Assert.Contains("  expected 2 got 3", tail);
        Assert.Contains("  assertion 30", tail);
        Assert.DoesNotContain("assertion 11\n", tail);

        var details = Assert.Single(Runs(repo)).GetProperty("details");
        Assert.Equal(3, details.GetProperty("exitCode").GetInt32());
        Assert.Equal("fail", Runs(repo)[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public void A_hung_suite_is_stopped_by_the_timeout_with_every_process_it_started_and_recorded_as_failed()
    {
        using var repo = SuiteRepo();
        var result = Run(repo, "test", "load-test", "--env", "dev", "--timeout", "2s");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("hotfix: load-test timed out after", result.Error);
        Assert.Contains("hanging", result.Out);
        foreach (var file in new[] { "parent.pid", "child.pid" })
        {
            var pid = int.Parse(File.ReadAllText(Path.Combine(repo.Path, file)).Trim(), CultureInfo.InvariantCulture);
            Assert.True(Ended(pid), $"{file}: process {pid} is still running");
        }

        var run = Assert.Single(Runs(repo));
        Assert.Equal("fail", run.GetProperty("outcome").GetString());
        Assert.True(run.GetProperty("details").GetProperty("timedOut").GetBoolean());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("details").GetProperty("exitCode").ValueKind);
    }

    /// <summary>
    /// Ctrl+C (SIGINT to the whole foreground process group — the suite's shell dies at once and its background
    /// child, which ignores SIGINT, is orphaned out of the tree), and SIGINT or SIGTERM to hotfix alone (a CI cancel,
    /// <c>timeout</c>, a pod deleted): every process the suite started ends, nothing is recorded, exit 128 + signal.
    /// </summary>
    [Theory]
    [InlineData("TERM", false, 143)]
    [InlineData("INT", false, 130)]
    [InlineData("INT", true, 130)]
    public async Task An_interrupted_suite_is_stopped_with_every_process_it_started_and_not_recorded(string signal, bool wholeGroup, int exitCode)
    {
        using var repo = SuiteRepo();
        // setsid makes hotfix the leader of its own process group, as a shell's foreground job is.
        var info = new System.Diagnostics.ProcessStartInfo("setsid")
        {
            WorkingDirectory = repo.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "dotnet", "exec", Path.Combine(AppContext.BaseDirectory, "hotfix.dll"), "test", "load-test", "--env", "dev" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in HotfixCli.Identity.Append(new("HOTFIX_USER", "sandro")).Append(new("NO_COLOR", "1")))
        {
            info.Environment[name] = value;
        }

        using var hotfix = System.Diagnostics.Process.Start(info)!;
        var output = hotfix.StandardOutput.ReadToEndAsync();
        var error = hotfix.StandardError.ReadToEndAsync();
        var childPid = Path.Combine(repo.Path, "child.pid");
        for (var i = 0; i < 300 && !(File.Exists(childPid) && File.ReadAllText(childPid).EndsWith('\n')); i++)
        {
            await Task.Delay(100);
        }

        var target = (wholeGroup ? "-" : string.Empty) + hotfix.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(0, ProcessRunner.Run("kill", ["-s", signal, "--", target], repo.Path).ExitCode);
        var ended = hotfix.WaitForExit(30_000);
        var pids = new[] { "parent.pid", "child.pid" }.Select(f => int.Parse(File.ReadAllText(Path.Combine(repo.Path, f)).Trim(), CultureInfo.InvariantCulture)).ToList();
        var alive = pids.Where(pid => !Ended(pid)).ToList();
        foreach (var pid in alive)
        {
            ProcessRunner.Run("kill", ["-s", "KILL", pid.ToString(CultureInfo.InvariantCulture)], repo.Path);
        }

        if (!ended)
        {
            hotfix.Kill(entireProcessTree: true);
        }

        var said = $"exit {(ended ? hotfix.ExitCode : -1)}\n--- stdout\n{await output}\n--- stderr\n{await error}";
        Assert.True(ended && hotfix.ExitCode == exitCode, said);
        Assert.True(alive.Count == 0, $"still running: {string.Join(", ", alive)}\n{said}");
        Assert.Contains($"hotfix: SIG{signal}: interrupted: ./scripts/hang.sh and every process it started were stopped", said);
        Assert.Equal(string.Empty, repo.Git("for-each-ref", "refs/hotfix/incidents"));
    }

    [Fact]
    public void A_suite_that_leaves_a_process_holding_its_output_is_recorded_without_waiting_for_it()
    {
        using var repo = SuiteRepo("""{ "tests": { "commands": { "smoke": ["./scripts/daemon.sh"] } } }""");
        Script(repo, "daemon.sh", "#!/bin/sh\n(sleep 120; echo late) &\necho $! > daemon.pid\necho started\nexit 0\n");
        try
        {
            var result = Run(repo, "test", "smoke");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("started", result.Out);
            Assert.Contains("hotfix: warning: the smoke command ended but a process it started kept its output open", result.Error);
            Assert.Equal("pass", Assert.Single(Runs(repo)).GetProperty("outcome").GetString());
        }
        finally
        {
            var pid = int.Parse(File.ReadAllText(Path.Combine(repo.Path, "daemon.pid")).Trim(), CultureInfo.InvariantCulture);
            using var daemon = System.Diagnostics.Process.GetProcessById(pid);
            daemon.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void A_suite_without_a_command_names_the_policy_key_and_runs_nothing()
    {
        using var repo = SuiteRepo();
        var result = Run(repo, "test", "smok", "--env", "dev");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("hotfix: error: suite 'smok': the policy has no command for it (policy key tests.commands.smok); expected one of full-regression, integration, load-test, regression, smoke (did you mean 'smoke'?)", result.Error);

        using var bare = SuiteRepo("{}");
        var none = Run(bare, "test", "smoke");
        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.Contains("policy key tests.commands.smoke", none.Error);
        Assert.Empty(IncidentRefs(repo));
    }

    [Fact]
    public void A_command_that_cannot_start_exits_3_and_records_nothing()
    {
        using var repo = SuiteRepo();
        var result = Run(repo, "test", "full-regression", "--env", "dev");
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("the command could not start: 'no-such-program-for-hotfix-tests' was not found on PATH", result.Error);
        Assert.Contains("State: nothing ran and nothing was recorded", result.Error);

        File.SetUnixFileMode(Path.Combine(repo.Path, "scripts", "suite.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var notExecutable = Run(repo, "test", "smoke", "--feature", "x", "--env", "dev");
        Assert.True(notExecutable.ExitCode == 3, notExecutable.ToString());
        Assert.Empty(IncidentRefs(repo));
    }

    [Fact]
    public void The_incident_comes_from_the_hotfix_branch_or_from_incident()
    {
        using var repo = SuiteRepo();
        repo.Git("switch", "--quiet", "main");
        var offBranch = Run(repo, "test", "smoke", "--feature", "x", "--env", "dev");
        Assert.True(offBranch.ExitCode == 2, offBranch.ToString());
        Assert.Contains("--incident: missing, and HEAD is not on a hotfix branch", offBranch.Error);
        Assert.False(File.Exists(Path.Combine(repo.Path, "args.txt")));

        var named = Run(repo, "test", "smoke", "--feature", "x", "--env", "dev", "--incident", "INC-2026-0077");
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Equal("refs/hotfix/incidents/INC-2026-0077", IncidentRefs(repo));
    }

    /// <summary>The incident records the repository holds (the git record store: one ref per incident).</summary>
    private static string IncidentRefs(TestRepository repo) => repo.Git("for-each-ref", "--format=%(refname)", "refs/hotfix/incidents").Trim();

    [Theory]
    [InlineData("test smoke --env dev", "--feature: missing; the smoke command uses {feature}")]
    [InlineData("test smoke --feature x", "--env: missing; the policy names where suites run, so the record must say which; expected one of dev, staging")]
    [InlineData("test smoke --feature x --env stagin", "--env 'stagin': not an environment of the policy; expected one of dev, staging (did you mean 'staging'?)")]
    [InlineData("test smoke --feature x --env dev --timeout forever", "--timeout 'forever': expected a duration such as 120s")]
    [InlineData("test Smoke --env dev", "suite 'Smoke': expected a suite id of lowercase words and hyphens")]
    public void Bad_input_exits_2_before_anything_runs(string args, string message)
    {
        using var repo = SuiteRepo();
        var result = Run(repo, args.Split(' '));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"hotfix: error: {message}", result.Error);
        Assert.False(File.Exists(Path.Combine(repo.Path, "args.txt")));
    }

    [Fact]
    public void Passing_only_in_dev_warns_with_the_runbooks_anti_pattern_until_staging_passes()
    {
        using var repo = SuiteRepo();
        var dev = Run(repo, "test", "smoke", "--feature", "checkout", "--env", "dev");
        Assert.True(dev.ExitCode == 0, dev.ToString());
        Assert.Contains("hotfix: warning: ANTI_PATTERN: testing only in dev environment: the mandatory suites passed only outside a production-like environment: smoke (dev). FIX: if staging exists, test there", dev.Error);
        Assert.Contains("hotfix test smoke --feature checkout --env staging", dev.Error);

        var staging = Run(repo, "test", "smoke", "--feature", "checkout", "--env", "staging");
        Assert.True(staging.ExitCode == 0, staging.ToString());
        Assert.DoesNotContain("ANTI_PATTERN", staging.Error);
    }

    /// <summary>Gone, or a zombie nobody reaped yet (it no longer runs): the kill reached it.</summary>
    private static bool Ended(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            var stat = Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture), "stat");
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                return true;
            }

            if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }
}
