using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary><see cref="IBranchWriter"/>: branch creation, compare-and-swap moves and deletions, each with a reflog entry.</summary>
internal sealed partial class GitRepository : IBranchWriter
{
    public void CreateBranch(string name, string commitSha, string reflogMessage)
    {
        // Refs.Add with allowOverwrite: false is git's "branch already exists" check done atomically by libgit2.
        repository.Refs.Add("refs/heads/" + name, new ObjectId(commitSha), reflogMessage, allowOverwrite: false);
    }

    public bool MoveBranch(string name, string expectedSha, string newSha, string reflogMessage)
    {
        var reference = repository.Refs["refs/heads/" + name];
        if (reference?.TargetIdentifier != expectedSha)
        {
            return false;
        }

        try
        {
            // libgit2 writes the new value only if the ref still holds the value read above (its lock + compare).
            repository.Refs.UpdateTarget(reference, new ObjectId(newSha), reflogMessage);
            return true;
        }
        catch (LibGit2SharpException)
        {
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

        // Branches.Remove is git_branch_delete: it also drops the branch's configuration (upstream), like git branch -d.
        repository.Branches.Remove(name);
        return repository.Refs["refs/heads/" + name] is null;
    }
}
