using System.Text;
using Hotfix.Cli.Infrastructure;
using Hotfix.Cli.Tests.Reliability;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// The process's standard output: each Write reaches the stream before it returns (so stdout and stderr keep their
/// order), large text goes out in few writes, and no byte-order mark is ever written.
/// </summary>
public class StandardOutputTests
{
    [Fact]
    public void Each_write_reaches_the_stream_before_it_returns()
    {
        var stream = new CountingStream();
        var writer = StandardOutput.Create(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        writer.Write("progress: 1 of 3");
        Assert.Equal("progress: 1 of 3", Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine(" — done");
        Assert.Equal("progress: 1 of 3 — done\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void A_large_report_goes_out_in_buffer_sized_writes()
    {
        var stream = new CountingStream();
        var writer = StandardOutput.Create(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var report = string.Concat(Enumerable.Range(0, 3000).Select(i => $"{{\"path\": \"src/Module{i}/File{i}.cs\"}},\n"));

        writer.Write(report);

        Assert.Equal(report, Encoding.UTF8.GetString(stream.ToArray()));
        Assert.InRange(stream.Writes, 1, (report.Length / StandardOutput.BufferSize) + 2);
    }

    [Fact]
    public void A_report_redirected_to_a_file_is_the_in_process_report_without_a_byte_order_mark()
    {
        using var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Commit("Fix rounding", Enumerable.Range(0, 400).Select(i => ($"src/Billing/Part{i}.cs", (string?)$"class Part{i} {{ decimal Round() => 0m; }}\n")).ToArray());
        using var dir = new TempDirectory();
        var file = dir.Combine("report.json");

        // Through a shell, as CI redirects it: a file is seekable, the case where a writer would add a byte-order mark.
        var result = ProcessRunner.Run("/bin/sh", ["-c", "exec \"$0\" check --format json >\"$1\"", HotfixProcess.Executable, file], repo.Path, HotfixProcess.Environment());
        var inProcess = HotfixCli.Run(repo, "check", "--format", "json");

        var bytes = File.ReadAllBytes(file);
        Assert.True(result.ExitCode == inProcess.ExitCode, result.ToString());
        Assert.Equal((byte)'{', bytes[0]);
        Assert.True(bytes.Length > 8 * StandardOutput.BufferSize, $"the report is {bytes.Length} bytes: too small to need several writes");
        Assert.Equal(inProcess.Out, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Standard_output_on_a_full_disk_is_an_input_error_with_the_reason_not_a_bug()
    {
        using var repo = HotfixWithManyFiles();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = StandardOutput.Create(new FullStream(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)),
            Error = error,
            CurrentDirectory = repo.Path,
            Time = new FixedTimeProvider(DateTimeOffset.Now),
        };

        // Every command writes through the same guard: a report, help and the policy.
        foreach (var args in new[] { new[] { "check", "--format", "json" }, ["check", "--help"], ["policy", "show"] })
        {
            error.GetStringBuilder().Clear();
            var code = CliApp.Run(args, environment);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}\n{error}");
            Assert.EndsWith("hotfix: error: cannot write the report to standard output: No space left on device; the output is incomplete. Expected a writable standard output (or --output-file FILE where the command has it).\n", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", error.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("exec \"$0\" check --format json >&-", "it is closed or not open for writing")]
    [InlineData("exec \"$0\" check --format json >/dev/full", "No space left on device")]
    public void A_closed_or_full_standard_output_exits_2_with_the_reason(string script, string reason)
    {
        using var repo = HotfixWithManyFiles();
        var result = ProcessRunner.Run("/bin/sh", ["-c", script, HotfixProcess.Executable], repo.Path, HotfixProcess.Environment());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"hotfix: error: cannot write the report to standard output: {reason}; the output is incomplete. Expected a writable standard output (or --output-file FILE where the command has it).\n", result.StandardError);
    }

    [Fact]
    public void A_pipe_its_reader_closed_early_is_no_error()
    {
        using var repo = HotfixWithManyFiles();
        var inProcess = HotfixCli.Run(repo, "check", "--format", "json");
        Assert.True(inProcess.Out.Length > 2 * 65536, "the report must outgrow the pipe's buffer for the reader to close it early");

        var result = ProcessRunner.Run("/bin/bash", ["-c", "set -o pipefail; \"$0\" check --format json | head -1 >/dev/null", HotfixProcess.Executable], repo.Path, HotfixProcess.Environment());

        Assert.True(result.ExitCode == inProcess.ExitCode, result.ToString());
        Assert.Equal(string.Empty, result.StandardError);
    }

    private static TestRepository HotfixWithManyFiles()
    {
        var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Commit("Fix rounding", Enumerable.Range(0, 2000).Select(i => ($"src/Billing/Part{i}.cs", (string?)$"class Part{i} {{ decimal Round() => 0m; }}\n")).ToArray());
        return repo;
    }

    /// <summary>A disk with no space left: every write fails as /dev/full's does.</summary>
    private sealed class FullStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");
    }

    // A derived MemoryStream's span writes funnel into Write(byte[], int, int), so every write is counted once here.
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }
    }
}
