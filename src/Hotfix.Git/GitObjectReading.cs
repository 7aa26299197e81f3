using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>How libgit2 reads objects in this process — a process-wide libgit2 setting, chosen by the host.</summary>
internal static class GitObjectReading
{
    /// <summary>
    /// Reads objects the way the git CLI does: without re-hashing each one on read. libgit2 verifies every object's
    /// SHA-1 when it reads it (strict hash verification, on by default) — about a tenth of a large <c>hotfix check</c> —
    /// while <c>git diff</c> and <c>git log</c> trust the object database and leave hash checks to fetch and
    /// <c>git fsck</c>; git's checkout and merge trust it too. The CLI calls this for every command that opens a repository.
    /// </summary>
    public static void TrustObjectDatabaseLikeGit() => GlobalSettings.SetStrictHashVerification(false);
}
