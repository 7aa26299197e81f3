using System.Diagnostics.CodeAnalysis;
using Hotfix.Policy.Changes;

namespace Hotfix.Policy.Ports;

/// <summary>Reads what a branch changed, and files of any commit (for configuration files the change did not touch).</summary>
internal interface IChangeSetReader
{
    /// <summary>
    /// The change set of <paramref name="headCommit"/> against its merge base with <paramref name="baseBranch"/>: a
    /// remote-tracking name (<c>origin/main</c>, as <see cref="Checks.MainBranch"/> may choose) is taken as given; a
    /// short name is the local branch, else its remote-tracking branch on <paramref name="remote"/>. False, with a reason a person can
    /// act on, when it cannot be known: the base branch is missing, there is no common history, or the clone is too
    /// shallow to find the merge base.
    /// </summary>
    bool TryReadChangeSet(
        string baseBranch,
        string remote,
        string headCommit,
        [NotNullWhen(true)] out ChangeSet? changeSet,
        [NotNullWhen(false)] out string? unavailableReason);

    /// <summary>The file at <paramref name="path"/> in <paramref name="commit"/>, or null when there is none.</summary>
    FileContent? ReadFile(string commit, string path);

    /// <summary>Every file path (blobs, not submodules) in <paramref name="commit"/>, in path order.</summary>
    IReadOnlyList<string> ListFiles(string commit);
}
