using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// A folder outside any repository that keeps incident records as JSON-lines files: it holds a hotfix.json, so its
/// records.folder (.hotfix/incidents) is where the record goes. Outside a repository without one, hotfix refuses to
/// write a record (it would never be found from the repository).
/// </summary>
internal static class FileRecords
{
    public static TempDirectory Workspace()
    {
        var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("hotfix.json"), "{}\n");
        return dir;
    }
}
