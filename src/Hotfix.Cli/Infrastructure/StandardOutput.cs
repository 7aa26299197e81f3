using System.Text;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The process's standard output as the CLI writes to it. Console.Out passes everything through a 256-character
/// buffer, so a 90 kB JSON report reached the kernel as 360 writes. This writer keeps what Console.Out promises — every
/// Write reaches the stream before it returns, so standard output and standard error keep their order and a watch's
/// progress shows at once in a CI log — and only writes in larger pieces: a report is a dozen writes, as git's are.
/// </summary>
internal static class StandardOutput
{
    // git's stdio buffer size; large enough that syscalls no longer count, small enough to stay out of the large-object
    // heap (StreamWriter keeps a char buffer and an encoded byte buffer of this many elements).
    internal const int BufferSize = 8192;

    public static TextWriter Create()
    {
        var encoding = Console.OutputEncoding;

        // Console's encoding never writes a byte-order mark; should one ever, Console.Out knows how to leave it out.
        if (encoding.Preamble.Length > 0)
        {
            return Console.Out;
        }

        Stream stream;
        try
        {
            stream = Console.OpenStandardOutput();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A closed standard output (>&-) fails here in the native binary, before any command runs: the first write
            // fails the same way instead, so the command says so and exits 2 (StandardOutputGuard), never 70 or 134.
            return new ClosedWriter(e);
        }

        return Create(stream, encoding);
    }

    internal static TextWriter Create(Stream stream, Encoding encoding) =>
        TextWriter.Synchronized(new StreamWriter(stream, encoding, BufferSize, leaveOpen: true) { AutoFlush = true });
}

/// <summary>Standard output that could not be opened: every write fails with the reason it could not be.</summary>
internal sealed class ClosedWriter(Exception reason) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => throw Failure();

    public override void Write(string? value) => throw Failure();

    public override void Write(char[] buffer, int index, int count) => throw Failure();

    public override void Flush()
    {
    }

    private UnauthorizedAccessException Failure() => reason as UnauthorizedAccessException ?? new UnauthorizedAccessException(reason.Message, reason);
}
