using Hotfix.Policy.Ports;

namespace Hotfix.Git;

/// <summary>
/// The lock files git (and libgit2) create for the writes of a finish, by step. A finish killed during a step can
/// leave only that step's locks behind; any other lock file was taken by someone else.
/// </summary>
internal static class FinishLocks
{
    /// <summary>Locks the given step takes, as (directory kind, path relative to it).</summary>
    public static IEnumerable<string> Of(FinishStep step, FinishJournalEntry entry, string gitDirectory, string commonDirectory) => step switch
    {
        FinishStep.MovingMain => [Ref(commonDirectory, entry.Main.Branch)],
        FinishStep.MovingBackMergeTarget => [Ref(commonDirectory, entry.Target.Branch)],
        FinishStep.AttachingHead => [Path.Combine(gitDirectory, "HEAD.lock")],
        FinishStep.CheckingOut => [Path.Combine(gitDirectory, "index.lock")],
        FinishStep.DeletingBranch => [Ref(commonDirectory, entry.Branch), Path.Combine(commonDirectory, "packed-refs.lock"), Path.Combine(commonDirectory, "config.lock")],
        _ => [],
    };

    /// <summary>Every lock any step of this finish takes.</summary>
    public static IEnumerable<string> All(FinishJournalEntry entry, string gitDirectory, string commonDirectory) =>
        Enum.GetValues<FinishStep>().SelectMany(s => Of(s, entry, gitDirectory, commonDirectory)).Distinct(StringComparer.Ordinal);

    private static string Ref(string commonDirectory, string branch) =>
        Path.Combine([commonDirectory, "refs", "heads", .. (branch + ".lock").Split('/')]);
}
