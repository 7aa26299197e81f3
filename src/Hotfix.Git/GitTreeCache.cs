using System.Runtime.InteropServices;

namespace Hotfix.Git;

/// <summary>Which trees libgit2 keeps in memory once read — a process-wide libgit2 setting, chosen by the host.</summary>
internal static class GitTreeCache
{
    /// <summary>Trees up to this size stay in libgit2's object cache (whose total stays bounded, 256 MB by default).</summary>
    internal const int TreeLimit = 16 << 20;

    /// <summary>
    /// Keeps every tree libgit2 reads in its object cache, as git keeps every tree it has parsed. libgit2 caches only
    /// trees of at most 4 kB by default, so a folder of more than ~130 entries (the benchmark repository's <c>src</c>, above
    /// all its files) was inflated and parsed again for every path looked up through it: on that 20,000-file repository
    /// 45 % of <c>finish</c>'s instructions went to re-reading the same few trees. Only memory use changes, never an answer.
    /// </summary>
    public static void KeepWholeTrees()
    {
        // git_libgit2_opts is variadic; Apple's arm64 passes variadic arguments on the stack, where this fixed
        // signature would not put them, so the setting is left at libgit2's default there.
        if (OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64)
        {
            return;
        }

        NativeGit.Init();
        if (NativeGit.SetObjectLimit(NativeGit.SetCacheObjectLimit, NativeGit.TreeType, TreeLimit) != 0)
        {
            throw new InvalidOperationException($"libgit2 failed (set the tree cache limit): {NativeGit.LastErrorMessage()}");
        }
    }
}
