namespace Hotfix.Policy.Ports;

/// <summary>
/// Merges in memory: the result tree of a three-way merge, and merge commits built from it, without touching any
/// branch, the index or the working tree. Only unreferenced objects are written, which git's garbage collection
/// removes if nothing ever points at them — so a merge can be tried, and abandoned, before anything visible changes.
/// </summary>
internal interface IMergeEngine
{
    /// <summary>Merges <paramref name="theirsSha"/> into <paramref name="oursSha"/> in memory (<c>git merge-tree</c>).</summary>
    MergePreview PreviewMerge(string oursSha, string theirsSha);

    /// <summary>Writes a merge commit of a conflict-free preview; returns its sha. No ref moves.</summary>
    string CreateMergeCommit(MergePreview preview, string message, CommitIdentity identity, DateTimeOffset when);

    /// <summary>Who commits, from <c>GIT_COMMITTER_NAME</c>/<c>GIT_COMMITTER_EMAIL</c> or <c>user.name</c>/<c>user.email</c>; null when git does not know.</summary>
    CommitIdentity? Identity { get; }

    /// <summary>
    /// Null when the user does not sign commits. With <c>commit.gpgsign</c>, merge commits are signed as git merge
    /// signs them: this signs a throwaway commit to prove it can and says how ("signed (commit.gpgsign; gpg.format
    /// openpgp, …)"); throws <see cref="HotfixOperationException"/> when the signature cannot be made.
    /// </summary>
    string? CheckSigning();

    /// <summary>
    /// The hooks <c>git merge --no-ff</c> would run for a merge commit (pre-merge-commit, prepare-commit-msg,
    /// commit-msg, post-merge: executable files in core.hooksPath or the hooks folder), as paths for messages. This
    /// engine does not run them.
    /// </summary>
    IReadOnlyList<string> MergeHooks();
}

/// <summary>The outcome of an in-memory merge.</summary>
/// <param name="OursSha">The branch merged into (first parent).</param>
/// <param name="TheirsSha">The branch merged (second parent).</param>
/// <param name="TreeId">The merged tree when there is no conflict.</param>
/// <param name="ConflictingPaths">Paths git could not merge, sorted.</param>
/// <param name="Drivers">
/// Paths git would merge with a merge driver this engine does not apply (a configured <c>merge.NAME.driver</c>), sorted;
/// such a merge has no tree: its result is the driver's, which only git can give.
/// </param>
internal sealed record MergePreview(string OursSha, string TheirsSha, string? TreeId, IReadOnlyList<string> ConflictingPaths, IReadOnlyList<MergeDriverUse>? Drivers = null)
{
    public bool HasConflicts => ConflictingPaths.Count > 0 || TreeId is null;

    /// <summary>True when git would hand a path to a merge driver this engine does not run.</summary>
    public bool NeedsDrivers => Drivers is { Count: > 0 };
}

/// <summary>A path git's merge gives to a merge driver (gitattributes <c>merge=NAME</c>, or <c>merge.default</c>).</summary>
/// <param name="Path">The path both sides changed.</param>
/// <param name="Driver">The driver's name.</param>
/// <param name="Command">Its <c>merge.NAME.driver</c> command; null for a built-in driver.</param>
/// <param name="FromDefault">
/// For a built-in: chosen by <c>merge.default</c> (true), or by the target branch's .gitattributes where the engine
/// would read another attribute from the working tree (false).
/// </param>
internal sealed record MergeDriverUse(string Path, string Driver, string? Command, bool FromDefault = true)
{
    public override string ToString() => Command is not null
        ? $"{Path} (merge={Driver}: merge.{Driver}.driver = {Command})"
        : FromDefault
            ? $"{Path} (merge.default={Driver})"
            : $"{Path} (the {Driver} merge, from the .gitattributes of the branch merged into; the checked-out ones say otherwise)";
}

/// <summary>A commit author or committer.</summary>
internal sealed record CommitIdentity(string Name, string Email);
