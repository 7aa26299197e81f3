namespace Hotfix.TestSupport;

/// <summary>Real programs the tests drive (prometheus, zsh, …), found as a shell would find them.</summary>
public static class OnPath
{
    /// <summary>The program's path on PATH, or null when it is not installed.</summary>
    public static string? Find(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(folder, name);
            if (folder.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
