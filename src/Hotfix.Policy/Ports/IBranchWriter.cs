namespace Hotfix.Policy.Ports;

/// <summary>
/// Creates, moves and deletes local branches. Moves and deletions name the commit the caller expects the branch to be
/// at, so a branch someone else moved in the meantime is never overwritten (compare-and-swap, like
/// <c>git update-ref REF NEW OLD</c>).
/// </summary>
internal interface IBranchWriter
{
    /// <summary>Creates <c>refs/heads/NAME</c> at <paramref name="commitSha"/>; fails when it exists.</summary>
    void CreateBranch(string name, string commitSha, string reflogMessage);

    /// <summary>Moves a local branch from <paramref name="expectedSha"/> to <paramref name="newSha"/>; false when it was not at <paramref name="expectedSha"/>.</summary>
    bool MoveBranch(string name, string expectedSha, string newSha, string reflogMessage);

    /// <summary>Deletes a local branch that points at <paramref name="expectedSha"/>; false when it points elsewhere or is gone.</summary>
    bool DeleteBranch(string name, string expectedSha);
}
