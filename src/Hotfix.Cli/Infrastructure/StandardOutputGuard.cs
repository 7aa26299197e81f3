using System.Globalization;
using System.Text;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Standard output that cannot take what a command writes — closed (<c>&gt;&amp;-</c>) or on a full disk
/// (<c>&gt; /dev/full</c>) — is a problem of the environment, not a bug in hotfix. Every command's standard output goes
/// through this one writer (<see cref="CliApp"/> puts it there). The first failure is kept and later writes are dropped,
/// so a command is never cut short half-way by its own output (a deploy or a rollback finishes and records what it
/// did); the CLI then says what failed and exits 2, as <c>--output-file</c> does for a file it cannot write. A pipe
/// closed by its reader (<c>| head -1</c>) is no failure: .NET's console stream drops EPIPE, as git does.
/// </summary>
internal sealed class StandardOutputGuard(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
{
    /// <summary>Why standard output could not be written (e.g. "No space left on device"); null while it can.</summary>
    public string? Failure { get; private set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (Failure is null)
        {
            try
            {
                inner.Write(value);
            }
            catch (Exception e) when (Reason(e) is { } reason)
            {
                Failure = reason;
            }
        }
    }

    public override void Write(string? value)
    {
        if (Failure is null)
        {
            try
            {
                inner.Write(value);
            }
            catch (Exception e) when (Reason(e) is { } reason)
            {
                Failure = reason;
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (Failure is null)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (Exception e) when (Reason(e) is { } reason)
            {
                Failure = reason;
            }
        }
    }

    public override void Flush()
    {
        if (Failure is null)
        {
            try
            {
                inner.Flush();
            }
            catch (Exception e) when (Reason(e) is { } reason)
            {
                Failure = reason;
            }
        }
    }

    /// <summary>
    /// The reason for a person, or null for an exception that is no output failure. A closed descriptor surfaces as
    /// "Access to the path is denied" (EBADF), which names no path here: say what it means instead.
    /// </summary>
    private static string? Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "it is closed or not open for writing",
        IOException io => io.Message,
        _ => null,
    };
}
