namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// Which branches merged into main bring a change develop may lack. git-flow merges two kinds of branch into main:
/// releases, cut from develop (develop has their work), and hotfixes. A branch of any other name merged into main is a
/// fix that skipped the convention (<c>fix-login-crash</c>, a colleague's <c>quickfix</c>) and needs the back-merge as
/// much as a <c>hotfix/</c> one; a merge of develop itself or of a release branch is the release, not a hotfix.
/// </summary>
internal static class MainMerges
{
    /// <summary>True when <paramref name="branch"/> (as a merge message names it) is the back-merge target or a release.</summary>
    public static bool IsReleaseLine(string branch, Policies.BranchPolicy branches) =>
        branch == branches.BackMergeTarget
        || branch == $"{branches.Remote}/{branches.BackMergeTarget}"
        || IsRelease(branch.StartsWith(branches.Remote + "/", StringComparison.Ordinal) ? branch[(branches.Remote.Length + 1)..] : branch);

    // git-flow's release/1.4 (its default prefix), and the release-1.4, releases/1.4 and bare release of other teams.
    private static bool IsRelease(string branch) =>
        branch is "release" or "releases"
        || branch.StartsWith("release/", StringComparison.Ordinal)
        || branch.StartsWith("releases/", StringComparison.Ordinal)
        || branch.StartsWith("release-", StringComparison.Ordinal)
        || branch.StartsWith("release_", StringComparison.Ordinal);
}
