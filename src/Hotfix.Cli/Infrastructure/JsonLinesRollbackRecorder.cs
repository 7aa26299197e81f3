using System.Text;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The CLI's rollback record: one JSON object per line, appended to <c>&lt;folder&gt;/&lt;incident id&gt;.jsonl</c>
/// (or <c>no-incident.jsonl</c>), by default in <c>.hotfix/rollbacks/</c> of the repository. Append-only: nothing is
/// ever rewritten, so the file is a faithful log of every attempt.
/// </summary>
internal sealed class JsonLinesRollbackRecorder(string folder, Func<RollbackRecord, IReadOnlyList<string>> kubectlCommands) : IRollbackRecorder
{
    public const string DefaultFolder = ".hotfix/rollbacks";

    public string Location => folder;

    /// <summary>The file a record goes to.</summary>
    public string FileFor(RollbackRecord record) => Path.Combine(folder, (record.Incident?.ToString() ?? "no-incident") + ".jsonl");

    /// <summary>Checks before the rollback that records can be written here (a rollback that cannot be documented is not started).</summary>
    public void EnsureWritable()
    {
        Directory.CreateDirectory(folder);
        var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
        File.WriteAllText(probe, string.Empty);
        File.Delete(probe);
    }

    public void Append(RollbackRecord record)
    {
        Directory.CreateDirectory(folder);
        var line = RolloutJson.ToJson(w => RolloutJson.WriteRecord(w, record, kubectlCommands(record))) + "\n";
        using var stream = new FileStream(FileFor(record), FileMode.Append, FileAccess.Write, FileShare.Read);
        var bytes = Encoding.UTF8.GetBytes(line);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
