namespace Hotfix.TestSupport;

/// <summary>Paths in this repository's own source tree (docs, samples), found from the test binaries upwards.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hotfix.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Hotfix.sln not found above " + AppContext.BaseDirectory);
    }
}
