using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary><see cref="IMergeEngine"/>: three-way merges in the object database only (no ref, index or file changes).</summary>
internal sealed partial class GitRepository : IMergeEngine
{
    /// <summary>Environment variables, for git's identity variables (GIT_COMMITTER_NAME…); hosts may supply their own.</summary>
    public Func<string, string?> GetVariable { get; set; } = Environment.GetEnvironmentVariable;

    public MergePreview PreviewMerge(string oursSha, string theirsSha)
    {
        var ours = RequireCommit(oursSha);
        var theirs = RequireCommit(theirsSha);
        if (TrivialMerge(ours, theirs) is { } tree)
        {
            return new MergePreview(oursSha, theirsSha, tree, []);
        }

        // No tree for these: the driver's result is git's, and libgit2 would put its own text merge (or a conflict) there.
        if (DriversGitWouldRun(ours, theirs) is { Count: > 0 } drivers)
        {
            return new MergePreview(oursSha, theirsSha, null, [], drivers);
        }

        var result = HistoryHandle.ObjectDatabase.MergeCommits(ours, theirs, new MergeTreeOptions
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

    /// <summary>
    /// The merge when the two sides changed disjoint paths since their single merge base — the usual hotfix: a few
    /// files the back-merge target did not touch. Then the three-way result is simply ours with their changed entries,
    /// built by rewriting only the trees on those paths (what git's merge-ort calls a trivial tree merge); a path both
    /// sides changed to the same content counts as disjoint too. libgit2's
    /// merge would walk and rewrite every entry of both trees (20,000 files: a few hundred milliseconds). Anything
    /// else — shared paths (content merges, renames: a rename deletes its old path), deletions on their side, a file
    /// against a folder, submodules, several merge bases — returns null and takes libgit2's full merge.
    /// </summary>
    private string? TrivialMerge(Commit ours, Commit theirs)
    {
        var bases = MergeBasesOf(ours.Sha, theirs.Sha);
        if (bases.Count != 1)
        {
            return null;
        }

        var baseTree = RequireCommit(bases[0]).Tree.Sha;
        var theirPaths = NativeHistory.ChangedPaths(baseTree, theirs.Tree.Sha);
        if (theirPaths.Count == 0)
        {
            return ours.Tree.Sha;
        }

        var ourPaths = NativeHistory.ChangedPaths(baseTree, ours.Tree.Sha);
        if (ourPaths.Count == 0)
        {
            return theirs.Tree.Sha;
        }

        // A path both sides changed in the same way (a cherry-pick of the same fix, say) needs no merge: ours has it.
        var same = ourPaths.Intersect(theirPaths, StringComparer.Ordinal)
            .Where(p => SameEntry(ours.Tree[p], theirs.Tree[p]))
            .ToHashSet(StringComparer.Ordinal);
        if (Overlap(ourPaths.Where(p => !same.Contains(p)).ToList(), theirPaths.Where(p => !same.Contains(p)).ToList()))
        {
            return null;
        }

        var definition = TreeDefinition.From(ours.Tree);
        foreach (var path in theirPaths.Where(p => !same.Contains(p)))
        {
            if (theirs.Tree[path] is not { TargetType: TreeEntryTargetType.Blob } entry)
            {
                return null;
            }

            definition.Add(path, entry);
        }

        return repository.ObjectDatabase.CreateTree(definition).Sha;
    }

    private static bool SameEntry(TreeEntry? ours, TreeEntry? theirs) =>
        ours is null ? theirs is null : theirs is not null && ours.Target.Id == theirs.Target.Id && ours.Mode == theirs.Mode;

    /// <summary>True when a path changed on both sides, or one side's path is a folder of the other's.</summary>
    private static bool Overlap(IReadOnlyList<string> ours, IReadOnlyList<string> theirs)
    {
        var ourPaths = ours.ToHashSet(StringComparer.Ordinal);
        var ourFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in ours)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                ourFolders.Add(path[..slash]);
            }
        }

        foreach (var path in theirs)
        {
            if (ourPaths.Contains(path) || ourFolders.Contains(path))
            {
                return true;
            }

            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                if (ourPaths.Contains(path[..slash]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public string CreateMergeCommit(MergePreview preview, string message, CommitIdentity identity, DateTimeOffset when)
    {
        if (preview.HasConflicts)
        {
            throw new InvalidOperationException("A merge with conflicts has no tree to commit.");
        }

        var committer = new Signature(identity.Name, identity.Email, when);
        var author = Identify("GIT_AUTHOR") is { } a ? new Signature(a.Name, a.Email, when) : committer;
        if (SignedCommits.Wanted(repository))
        {
            return SignedCommits.Create(
                repository,
                new ObjectId(preview.TreeId!),
                [RequireCommit(preview.OursSha), RequireCommit(preview.TheirsSha)],
                CleanUp(message),
                author,
                committer,
                "the merge commit",
                "the merge commit was not made").Sha;
        }

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

    public string? CheckSigning()
    {
        if (!SignedCommits.Wanted(repository))
        {
            return null;
        }

        // A throwaway signed commit of the empty tree (an unreferenced object) proves the key, program and agent work
        // before finish moves anything; merges that could not be signed would leave main merged and develop not.
        var who = Identity is { } identity ? new Signature(identity.Name, identity.Email, DateTimeOffset.Now) : new Signature("hotfix", "hotfix@localhost", DateTimeOffset.Now);
        var empty = repository.ObjectDatabase.CreateTree(new TreeDefinition());
        SignedCommits.Create(repository, empty.Id, [], "hotfix finish: signing check\n", who, who, "the merge commits", Hotfix.Policy.Workflow.Preconditions.NothingChanged);
        return SignedCommits.Describe(repository);
    }

    /// <summary>git's order: GIT_xxx_NAME/EMAIL, then user.name/user.email, then EMAIL for the address.</summary>
    private CommitIdentity? Identify(string prefix)
    {
        var name = GetVariable(prefix + "_NAME") ?? ConfigHandle.Config.Get<string>("user.name")?.Value;
        var email = GetVariable(prefix + "_EMAIL") ?? ConfigHandle.Config.Get<string>("user.email")?.Value ?? GetVariable("EMAIL");
        return string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email) ? null : new CommitIdentity(name.Trim(), email.Trim());
    }
}
