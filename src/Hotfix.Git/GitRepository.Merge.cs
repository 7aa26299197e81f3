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
            CleanUp(message),
            repository.Lookup<Tree>(new ObjectId(preview.TreeId!)),
            [RequireCommit(preview.OursSha), RequireCommit(preview.TheirsSha)],
            // LibGit2Sharp's prettify goes through git_message_prettify's git_buf, which comes back empty in the AOT
            // binary (a commit with an empty message); CleanUp does git's whitespace cleanup here instead.
            prettifyMessage: false);
        return commit.Sha;
    }

    /// <summary>
    /// git's "whitespace" message cleanup (what git commit does by default, without removing # lines): trailing
    /// spaces gone, runs of blank lines collapsed, no leading or trailing blank lines, one final newline.
    /// </summary>
    internal static string CleanUp(string message)
    {
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
            {
                continue;
            }

            kept.Add(line);
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join('\n', kept) + "\n";
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
