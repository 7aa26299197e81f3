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
