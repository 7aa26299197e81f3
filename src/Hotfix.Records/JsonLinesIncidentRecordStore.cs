using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Hotfix.Policy.Records;

namespace Hotfix.Records;

/// <summary>
/// The incident record as files: <c>&lt;folder&gt;/INC-YYYY-NNNN.jsonl</c>, one event per line, only ever appended to.
/// <list type="bullet">
/// <item>An append is one <c>write</c> of the whole line, flushed to disk before it returns.</item>
/// <item>Appenders (threads and processes) hold the file exclusively while appending, so lines never interleave.</item>
/// <item>If a crash tore the last line, the next append first ends it with a line break (<see cref="JsonLinesAppend"/>):
/// the torn fragment stays a readable problem on its own line and the new event is intact.</item>
/// <item>A record that cannot be written (permissions, a read-only file system, a directory in its place) is a
/// <see cref="HotfixOperationException"/> naming the path, never an unexpected exception.</item>
/// </list>
/// </summary>
public sealed class JsonLinesIncidentRecordStore : IIncidentRecordStore
{
    /// <summary>The file extension of a record: <c>.jsonl</c> (JSON lines).</summary>
    public const string Extension = ".jsonl";

    // Errors the OS reports when another handle holds the file exclusively: EAGAIN/EWOULDBLOCK on Linux (11) and
    // macOS (35), ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION on Windows.
    private static readonly int[] BusyErrors = [11, 35, unchecked((int)0x80070020), unchecked((int)0x80070021)];

    // Threads of one process wait on this first instead of spinning on the file lock.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ProcessLocks = new(StringComparer.Ordinal);

    private readonly TimeSpan lockTimeout;

    /// <summary>
    /// A store keeping one file per incident in <paramref name="folder"/>; nothing is created until the first append.
    /// </summary>
    /// <param name="folder">
    /// The records folder (policy <c>records.folder</c>); relative paths resolve against the current directory.
    /// </param>
    /// <param name="lockTimeout">
    /// How long an append waits for another appender to release the file; 30 seconds when null.
    /// </param>
    public JsonLinesIncidentRecordStore(string folder, TimeSpan? lockTimeout = null)
    {
        Folder = Path.GetFullPath(folder);
        this.lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>Absolute path of the folder holding the records.</summary>
    public string Folder { get; }

    /// <inheritdoc/>
    public string LocationOf(IncidentId incident) => Path.Combine(Folder, incident + Extension);

    /// <inheritdoc/>
    /// <exception cref="HotfixOperationException">
    /// The folder cannot be created, the file stayed locked by another appender past the lock timeout, or the write
    /// failed; the event was not recorded and the entries already there are unchanged.
    /// </exception>
    public void Append(IncidentEvent incidentEvent)
    {
        var path = LocationOf(incidentEvent.Incident);
        var line = Encoding.UTF8.GetBytes(IncidentEventCodec.ToLine(incidentEvent) + "\n");
        try
        {
            Directory.CreateDirectory(Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HotfixOperationException($"cannot create the incident record folder '{Folder}' ({e.Message})", "nothing was recorded", e);
        }

        if (Directory.Exists(path))
        {
            throw new HotfixOperationException($"cannot append to the incident record '{path}': a directory is in its place", "the event was not recorded; nothing was changed");
        }

        var gate = ProcessLocks.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(lockTimeout))
        {
            throw Busy(path);
        }

        try
        {
            using var stream = OpenExclusive(path);
            JsonLinesAppend.Append(stream, line);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HotfixOperationException(
                $"cannot append to the incident record '{path}' ({e.Message})",
                "the event was not recorded; the entries already in the record are unchanged",
                e);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Fails now, as <see cref="Append"/> would, when the record of <paramref name="incident"/> cannot be written — for
    /// operations that must not start unless they can be documented (a rollback). Leaves no file behind.
    /// </summary>
    public void CheckWritable(IncidentId incident)
    {
        var path = LocationOf(incident);
        var existed = File.Exists(path);
        try
        {
            Directory.CreateDirectory(Folder);
            if (Directory.Exists(path))
            {
                throw new IOException("a directory is in its place");
            }

            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HotfixOperationException($"the incident record '{path}' cannot be written ({e.Message})", "nothing was recorded or changed", e);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="HotfixOperationException">The file exists but cannot be read.</exception>
    public IncidentRecord Read(IncidentId incident)
    {
        var path = LocationOf(incident);
        if (Directory.Exists(path))
        {
            throw new HotfixOperationException($"cannot read the incident record '{path}': a directory is in its place", "nothing was changed");
        }

        if (!File.Exists(path))
        {
            return new IncidentRecord(incident, path, false, [], []);
        }

        string text;
        try
        {
            text = ReadShared(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HotfixOperationException($"cannot read the incident record '{path}' ({e.Message})", "nothing was changed", e);
        }

        return IncidentEventCodec.Parse(incident, path, text);
    }

    private FileStream OpenExclusive(string path) =>
        Retry(path, () => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.None));

    // A reader shares the file with other readers but waits for an appender to finish its line.
    private string ReadShared(string path) =>
        Retry(path, () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
            return reader.ReadToEnd();
        });

    private T Retry<T>(string path, Func<T> open)
    {
        var clock = Stopwatch.StartNew();
        var delay = 1;
        while (true)
        {
            try
            {
                return open();
            }
            catch (IOException e) when (IsBusy(e) && clock.Elapsed < lockTimeout)
            {
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 50);
            }
            catch (IOException e) when (IsBusy(e))
            {
                throw Busy(path);
            }
        }
    }

    private static bool IsBusy(IOException e) => e is not FileNotFoundException and not DirectoryNotFoundException && BusyErrors.Contains(e.HResult);

    private HotfixOperationException Busy(string path) =>
        new($"the incident record '{path}' stayed locked by another appender for {lockTimeout.TotalSeconds:0} s", "the event was not recorded; the record is unchanged");
}
