using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Hotfix.Git;

/// <summary>
/// Small input files the user names (a policy, a review record): regular files under <see cref="MaxBytes"/>, read in
/// one bounded read. Anything else is refused at once, naming the path and the expected form: a directory; a FIFO
/// (whose open would wait for a writer forever); <c>/dev/zero</c> or <c>/dev/urandom</c> (endless, and a whole-file
/// read runs out of memory); a file larger than the cap.
/// </summary>
internal static partial class InputFiles
{
    /// <summary>1 MiB: the company's complete sample policy is a few KiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The text of a small input file, or an input error naming it and the expected form.</summary>
    /// <param name="path">The file, as an absolute path.</param>
    /// <param name="what">How the message names the input, e.g. <c>--policy 'x.json'</c>.</param>
    /// <param name="expected">The expected form, e.g. "a policy file such as hotfix.json".</param>
    public static string ReadText(string path, string what, string expected)
    {
        if (Directory.Exists(path))
        {
            throw Refused(what, "is a directory", expected);
        }

        if (!File.Exists(path))
        {
            throw Refused(what, "no such file", expected);
        }

        try
        {
            using var stream = new FileStream(NonBlocking.Open(path), FileAccess.Read, bufferSize: 1);

            // A pipe cannot seek; a character device says it is empty and then never ends. A regular file does neither.
            if (!stream.CanSeek)
            {
                throw Refused(what, "is not a regular file (a FIFO, socket or terminal)", expected);
            }

            var length = stream.Length;
            if (length > MaxBytes)
            {
                throw Refused(what, $"is {Size(length)}, more than the {Size(MaxBytes)} an input file may have", expected);
            }

            var buffer = new byte[Math.Min(MaxBytes, length) + 1];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read > length)
            {
                throw Refused(what, "is not a regular file (a device that reads more than its size, such as /dev/zero)", expected);
            }

            return Decode(buffer.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HotfixInputException($"{what}: cannot be read ({e.Message}); expected {expected} you can read.", e);
        }
    }

    // Windows PowerShell 5 writes UTF-16 with a byte order mark (`>`, Out-File): such a file is read as what its mark
    // says, rather than refused as JSON starting with a byte 0xFF. Anything else is UTF-8, with or without a mark.
    private static string Decode(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(bytes[2..]),
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(bytes[2..]),
        _ => new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'),
    };

    private static HotfixInputException Refused(string what, string problem, string expected) =>
        new($"{what}: {problem}; expected {expected} (a regular file of at most {Size(MaxBytes)}).");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{(bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MiB"
        : $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes";

    /// <summary>
    /// open(2) with O_NONBLOCK where FIFOs exist, so opening one returns at once instead of waiting for a writer;
    /// reads of regular files are unaffected by the flag. Elsewhere (Windows), a plain open.
    /// </summary>
    private static partial class NonBlocking
    {
        public static SafeFileHandle Open(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            }

            var flags = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 0x4 | 0x1000000 : 0x800 | 0x80000;
            var fd = OpenNative(path, flags);
            if (fd < 0)
            {
                var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                throw errno switch
                {
                    13 or 1 => new UnauthorizedAccessException($"permission denied (errno {errno})"),
                    _ => new IOException($"open failed (errno {errno})"),
                };
            }

            return new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        }

        [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
        private static partial int OpenNative(string path, int flags);
    }
}
