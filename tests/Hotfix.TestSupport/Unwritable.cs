namespace Hotfix.TestSupport;

/// <summary>
/// Makes a file or folder really unwritable for the duration of a test: immutable (<c>chattr +i</c>) when the tests
/// run as root, whom permissions do not stop; read-only permissions otherwise. The constructor proves the fault took
/// effect, so a test built on it cannot pass because the environment quietly allowed the write.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class Unwritable : IDisposable
{
    private readonly string path;
    private readonly bool immutable;
    private readonly UnixFileMode? mode;

    public Unwritable(string path)
    {
        this.path = path;
        immutable = Environment.UserName == "root";
        if (immutable)
        {
            var chattr = ProcessRunner.Run("chattr", ["+i", path], Path.GetDirectoryName(path)!);
            if (chattr.ExitCode != 0)
            {
                throw new InvalidOperationException($"chattr +i {path} failed; the test cannot make the fault: {chattr}");
            }
        }
        else
        {
            mode = File.GetUnixFileMode(path);
            File.SetUnixFileMode(path, mode.Value & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }

        if (CanWrite(path))
        {
            Dispose();
            throw new InvalidOperationException($"{path} is still writable; the test cannot make the fault");
        }
    }

    public void Dispose()
    {
        if (immutable)
        {
            ProcessRunner.Run("chattr", ["-i", path], Path.GetDirectoryName(path)!);
        }
        else if (mode is { } original)
        {
            File.SetUnixFileMode(path, original);
        }
    }

    private static bool CanWrite(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var probe = Path.Combine(path, ".probe");
                File.WriteAllText(probe, string.Empty);
                File.Delete(probe);
            }
            else
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
