using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary><see cref="IMergeEngine"/>: three-way merges in the object database only (no ref, index or file changes).</summary>
public sealed partial class GitRepository : IMergeEngine
{
    /// <summary>Environment variables, for git's identity variables (GIT_COMMITTER_NAME…); hosts may supply their own.</summary>
    public Func<string, string?> GetVariable { get; set; } = Environment.GetEnvironmentVariable;

    public MergePreview PreviewMerge(string oursSha, string theirsSha)
    {
        var result = repository.ObjectDatabase.MergeCommits(RequireCommit(oursSha), RequireCommit(theirsSha), new MergeTreeOptions
        {
            FailOnConflict = false,
            // git's defaults for 'git merge': rename detection on, no favouring of either side.
            FindRenames = true,
        });
        if (result.Status == MergeTreeStatus.Succeeded)
        {
            return new MergePreview(oursSha, theirsSha, result.Tree.Sha, []);
        }

        var paths = result.Conflicts
            .Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor).Path)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        return new MergePreview(oursSha, theirsSha, null, paths);
    }

    public string CreateMergeCommit(MergePreview preview, string message, CommitIdentity identity, DateTimeOffset when)
    {
        if (preview.HasConflicts)
        {
            throw new InvalidOperationException("A merge with conflicts has no tree to commit.");
        }

        var committer = new Signature(identity.Name, identity.Email, when);
        var author = Identify("GIT_AUTHOR") is { } a ? new Signature(a.Name, a.Email, when) : committer;
        var commit = repository.ObjectDatabase.CreateCommit(
            author,
            committer,
            message,
            repository.Lookup<Tree>(new ObjectId(preview.TreeId!)),
            [RequireCommit(preview.OursSha), RequireCommit(preview.TheirsSha)],
            prettifyMessage: true);
        return commit.Sha;
    }

    public CommitIdentity? Identity => Identify("GIT_COMMITTER");

    /// <summary>git's order: GIT_xxx_NAME/EMAIL, then user.name/user.email, then EMAIL for the address.</summary>
    private CommitIdentity? Identify(string prefix)
    {
        var name = GetVariable(prefix + "_NAME") ?? repository.Config.Get<string>("user.name")?.Value;
        var email = GetVariable(prefix + "_EMAIL") ?? repository.Config.Get<string>("user.email")?.Value ?? GetVariable("EMAIL");
        return string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email) ? null : new CommitIdentity(name.Trim(), email.Trim());
    }
}
