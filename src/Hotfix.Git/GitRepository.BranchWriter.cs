using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// <see cref="IBranchWriter"/>: branch creation, compare-and-swap moves and deletions, each with a reflog entry. A lock
/// file held by someone else is an operation error naming it, never a "moved" answer (which would send a caller
/// round in circles) and never an internal error.
/// </summary>
internal sealed partial class GitRepository : IBranchWriter
{
    private const string RefNotChanged = "the branch was not changed";

    public void CreateBranch(string name, string commitSha, string reflogMessage)
    {
        BeforeWrite("create " + name);
        // Refs.Add with allowOverwrite: false is git's "branch already exists" check done atomically by libgit2. Only
        // hotfix start creates branches, and it keeps no journal: a lock here may be a killed start's own.
        LockFiles.Write(() => repository.Refs.Add("refs/heads/" + name, new ObjectId(commitSha), reflogMessage, allowOverwrite: false), "create " + name, Policy.Workflow.Preconditions.NothingChanged, LockFiles.Unowned);
    }

    public bool MoveBranch(string name, string expectedSha, string newSha, string reflogMessage)
    {
        var reference = repository.Refs["refs/heads/" + name];
        if (reference?.TargetIdentifier != expectedSha)
        {
            return false;
        }

        BeforeWrite("move " + name);
        try
        {
            // libgit2 writes the new value only if the ref still holds the value read above (its lock + compare).
            LockFiles.Write(() => repository.Refs.UpdateTarget(reference, new ObjectId(newSha), reflogMessage), "move " + name, RefNotChanged);
            return true;
        }
        catch (HotfixOperationException e) when (e.InnerException is LibGit2SharpException && repository.Refs["refs/heads/" + name]?.TargetIdentifier != expectedSha)
        {
            // The compare failed: someone moved it between the read above and libgit2's lock.
            return false;
        }
    }

    public bool DeleteBranch(string name, string expectedSha)
    {
        var reference = repository.Refs["refs/heads/" + name];
        if (reference?.TargetIdentifier != expectedSha)
        {
            return false;
        }

        BeforeWrite("delete " + name);
        // Branches.Remove is git_branch_delete: it also drops the branch's configuration (upstream), like git branch -d.
        LockFiles.Write(() => { repository.Branches.Remove(name); return true; }, "delete " + name, RefNotChanged);
        return repository.Refs["refs/heads/" + name] is null;
    }
}
