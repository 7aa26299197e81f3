namespace Hotfix.Git;

/// <summary>
/// A git (or another hotfix) process running on this machine, for advice about a lock file no journal explains: while
/// one runs the lock may be its own and must not be removed; when none runs, the lock is a killed process's leftover.
/// Linux only (/proc); elsewhere unknown.
/// </summary>
internal static class RunningGit
{
    /// <summary>"git (pid 42)" for the first one found; null when none runs; "unknown" where /proc is missing.</summary>
    public static string? Find()
    {
        if (!Directory.Exists("/proc/self"))
        {
            return "unknown";
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var name = File.ReadAllText(Path.Combine(folder, "comm")).Trim();
                if (name is "git" or "hotfix" || name.StartsWith("git-", StringComparison.Ordinal))
                {
                    return $"{name} (pid {pid})";
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was being looked at.
            }
        }

        return null;
    }
}
