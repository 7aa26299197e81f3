using System.Text;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workloads;
using Hotfix.Records;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The CLI's rollback record: one JSON object per line, appended to <c>&lt;folder&gt;/&lt;incident id&gt;.jsonl</c>
/// (or <c>no-incident.jsonl</c>), by default in <c>.hotfix/rollbacks/</c> of the repository. Append-only: nothing is
/// ever rewritten, so the file is a faithful log of every attempt; a torn last line is repaired the way the incident
/// record repairs it (<see cref="JsonLinesAppend"/>).
/// </summary>
internal sealed class JsonLinesRollbackRecorder(string folder, Func<RollbackRecord, IReadOnlyList<string>> kubectlCommands) : IRollbackRecorder
{
    public const string DefaultFolder = ".hotfix/rollbacks";

    public string Location => folder;

    /// <summary>The file a record goes to.</summary>
    public string FileFor(RollbackRecord record) => FileFor(record.Incident);

    public string FileFor(IncidentId? incident) => Path.Combine(folder, (incident?.ToString() ?? "no-incident") + ".jsonl");

    /// <summary>
    /// Checks before the rollback that its records can be written here — the folder and the very file, which may be
    /// read-only or a directory — because a rollback that cannot be documented is not started.
    /// </summary>
    public void EnsureWritable(IncidentId? incident)
    {
        Directory.CreateDirectory(folder);
        var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
        File.WriteAllText(probe, string.Empty);
        File.Delete(probe);
        var file = FileFor(incident);
        if (Directory.Exists(file))
        {
            throw new IOException($"'{file}' is a directory");
        }

        if (File.Exists(file))
        {
            using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
            }
        }
    }

    public void Append(RollbackRecord record)
    {
        Directory.CreateDirectory(folder);
        var line = RolloutJson.ToJson(w => RolloutJson.WriteRecord(w, record, kubectlCommands(record))) + "\n";
        using var stream = new FileStream(FileFor(record), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        JsonLinesAppend.Append(stream, Encoding.UTF8.GetBytes(line));
    }
}
