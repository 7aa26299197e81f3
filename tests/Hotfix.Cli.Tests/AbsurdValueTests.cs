using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary>
/// Values from the fault campaign that crashed, hung or ran out of memory: each is refused with exit 2 before anything
/// is sent or written, the message names the option and the expected form, and an echoed value is shortened.
/// </summary>
public class AbsurdValueTests
{
    private static void AssertRefused(CliResult result, params string[] expected)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Error);
        }

        Assert.DoesNotContain("internal error", result.Error);
    }

    [Theory]
    [InlineData("999999h")]
    [InlineData("99999999999999999999999s")]
    [InlineData("99999999999999999999999")]
    [InlineData("24h0m1s")]
    [InlineData("0s")]
    public async Task Timeouts_out_of_range_are_refused_before_any_request(string timeout)
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var rollback = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir, "--timeout", timeout);
        var status = await c.RunAsync("status", "deployment/web", "-n", "shop", "--request-timeout", timeout);

        AssertRefused(rollback, $"--timeout '{timeout}'", "at most 24h");
        AssertRefused(status, $"--request-timeout '{timeout}'", "at most 24h");
        Assert.Empty(c.Server.Requests);
        Assert.False(Directory.Exists(c.RecordDir));
    }

    [Fact]
    public async Task A_day_is_the_longest_timeout_accepted()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var status = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "24h", "--request-timeout", "23h59m");

        Assert.True(status.ExitCode == 0, status.ToString());
    }

    [Fact]
    public void A_long_value_is_echoed_shortened()
    {
        using var dir = new TempDirectory();
        var value = new string('9', 100_000) + "s";

        var result = CliRun.Run(dir.Path, "status", "deployment/web", "--timeout", value);

        AssertRefused(result, "--timeout '999", "(100,001 characters)");
        Assert.True(result.Error.Length < 1_000, $"the message is {result.Error.Length} characters long");
    }

    [Theory]
    [InlineData("INC-0000-0001")]
    [InlineData("INC-0999-0001")]
    [InlineData("INC-2026-0000")]
    public void An_incident_id_out_of_range_is_refused_by_start_and_changes_nothing(string id)
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var before = repo.RefsAndHead();

        var result = HotfixCli.Run(repo, "start", id, "fix-rounding", "--no-fetch");

        AssertRefused(result, $"incident id '{id}'", "INC-YYYY-NNNN");
        Assert.Equal(before, repo.RefsAndHead());
    }

    [Theory]
    [InlineData("/dev/zero", "not a regular file")]
    [InlineData("/dev/urandom", "not a regular file")]
    [InlineData("/", "is a directory")]
    public void A_policy_that_is_not_a_regular_file_is_refused_at_once(string path, string problem)
    {
        using var dir = new TempDirectory();

        var result = CliRun.Run(dir.Path, "policy", "show", "--policy", path);

        AssertRefused(result, $"--policy '{path}'", problem, "a regular file of at most 1 MiB");
    }

    [Fact]
    public async Task A_policy_that_is_a_fifo_is_refused_without_waiting_for_a_writer()
    {
        using var dir = new TempDirectory();
        var fifo = dir.Combine("hotfix.json");
        Assert.Equal(0, ProcessRunner.Run("mkfifo", [fifo], dir.Path).ExitCode);

        // A hang here is the bug; the bound only keeps a regression from blocking the whole suite.
        var run = Task.Run(() => CliRun.Run(dir.Path, "policy", "show", "--policy", fifo));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        if (finished != run)
        {
            // Unblock the reader the bug left waiting, then fail.
            await File.WriteAllTextAsync(fifo, "{}");
            Assert.Fail("hotfix waited for a writer on the FIFO");
        }

        AssertRefused(await run, "is not a regular file (a FIFO", "--policy");
    }

    [Fact]
    public void A_policy_larger_than_the_cap_is_refused_with_its_size_not_its_content()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("big.json");
        File.WriteAllText(path, "{\"deployment\":{\"namespace\":\"" + new string('x', 10 * 1024 * 1024) + "\"}}");

        var result = CliRun.Run(dir.Path, "policy", "validate", path);

        AssertRefused(result, "is 10 MiB, more than the 1 MiB");
        Assert.True(result.Error.Length < 1_000, $"the message is {result.Error.Length} characters long");
    }

    [Fact]
    public void A_huge_invalid_value_in_a_policy_is_echoed_by_its_start_and_length()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("hotfix.json");
        File.WriteAllText(path, "{\"deployment\":{\"namespace\":\"\\u001b[2J" + new string('X', 900_000) + "\"}}");

        var result = CliRun.Run(dir.Path, "policy", "validate", path);

        // The value is shown quoted: 900,004 characters and two quotes; the escape sequence is shown, not sent.
        AssertRefused(result, "$.deployment.namespace", "found \"\\x1b[2JXXX", "(900,006 characters)");
        Assert.True(result.Error.Length < 2_000, $"the message is {result.Error.Length} characters long");
        Assert.False(result.Error.Contains((char)0x1b, StringComparison.Ordinal), "an ESC reached the terminal");
    }
}
