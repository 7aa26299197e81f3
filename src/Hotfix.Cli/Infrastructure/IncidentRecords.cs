using Hotfix.Git;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Records;
using Hotfix.Records;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Where the CLI keeps an incident record — one rule for every command, so a record is never scattered by directory:
/// <list type="bullet">
/// <item>inside a git repository (the current directory or <c>--repo</c>): in its git database, one reference per
/// incident (<see cref="GitIncidentRecordStore"/>), shared with the team by <c>hotfix record INC --sync</c>. JSON-lines
/// files a previous version left in <c>records.folder</c> are imported once (the file is renamed to
/// <c>*.jsonl.imported</c>);</item>
/// <item>outside any repository, in a folder holding a hotfix.json: JSON-lines files in that policy's
/// <c>records.folder</c>, taken from the hotfix.json's folder (a host that wants files);</item>
/// <item>anywhere else: refused (exit 2) — a record written there would never be found from the repository.</item>
/// </list>
/// </summary>
internal static class IncidentRecords
{
    /// <param name="repositoryRoot">The repository's root, or null outside any repository.</param>
    /// <param name="policyFolder">Outside a repository, the folder holding hotfix.json; else null.</param>
    public static IIncidentRecordStore Open(CliEnvironment environment, HotfixPolicy policy, string? repositoryRoot, string? policyFolder)
    {
        if (repositoryRoot is not null)
        {
            var store = new GitIncidentRecordStore(repositoryRoot);
            ImportFiles(environment, store, Path.GetFullPath(policy.Records.Folder, repositoryRoot));
            return policy.Records.Sync == RecordSyncModes.Auto ? new AutoSyncedRecordStore(store, environment) : store;
        }

        if (policyFolder is not null)
        {
            return new JsonLinesIncidentRecordStore(Path.GetFullPath(policy.Records.Folder, policyFolder));
        }

        throw new HotfixInputException(
            "the incident record: not inside a git repository; expected to run in the service's repository or with --repo PATH " +
            "(records live in its git database and travel with hotfix record INC --sync); outside a repository, a folder holding a hotfix.json keeps them in its records.folder");
    }

    /// <summary>Fails (exit 2) when there is nowhere to keep a record, before an operation that must be documented.</summary>
    public static void CheckWritable(IIncidentRecordStore store, IncidentId incident)
    {
        if (store is JsonLinesIncidentRecordStore files)
        {
            files.CheckWritable(incident);
        }
    }

    /// <summary>One line after every write: where the entry went.</summary>
    public static void Recorded(CliEnvironment environment, IIncidentRecordStore store, IncidentId incident) =>
        environment.Error.WriteLine($"hotfix: recorded in {store.LocationOf(incident)}");

    private static void ImportFiles(CliEnvironment environment, GitIncidentRecordStore store, string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*" + JsonLinesIncidentRecordStore.Extension).Order(StringComparer.Ordinal))
        {
            if (!IncidentId.TryParse(Path.GetFileNameWithoutExtension(file), out var incident))
            {
                continue;
            }

            var record = new JsonLinesIncidentRecordStore(folder).Read(incident);
            var added = store.AppendAll(incident, record.Events, $"import {Path.GetFileName(file)}");
            var renamed = file + ".imported";
            try
            {
                File.Move(file, renamed, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Importing again is harmless (entries are kept once, by id); only the message would repeat.
                environment.Error.WriteLine($"hotfix: warning: imported {file} but cannot rename it ({e.Message})");
                continue;
            }

            environment.Error.WriteLine(
                $"hotfix: imported {added} of the {record.Events.Count} entries of {file} into {store.LocationOf(incident)} " +
                $"(the others were there already); the file is now {renamed} and can be deleted");
            foreach (var problem in record.Problems)
            {
                environment.Error.WriteLine($"hotfix: warning: {file}: {problem} (not imported)");
            }
        }
    }
}
