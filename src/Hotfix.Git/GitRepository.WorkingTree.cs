using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary><see cref="IWorkingTree"/>: status, and checkouts that never overwrite local changes.</summary>
internal sealed partial class GitRepository : IWorkingTree
{
    private const FileStatus StagedFlags =
        FileStatus.NewInIndex | FileStatus.ModifiedInIndex | FileStatus.DeletedFromIndex | FileStatus.RenamedInIndex | FileStatus.TypeChangeInIndex;

    private const FileStatus ModifiedFlags =
        FileStatus.ModifiedInWorkdir | FileStatus.DeletedFromWorkdir | FileStatus.TypeChangeInWorkdir | FileStatus.RenamedInWorkdir;

    public WorkingTreeStatus Status()
    {
        var status = RetrieveStatus(
            new StatusOptions { IncludeUntracked = false, IncludeIgnored = false, RecurseUntrackedDirs = false },
            repository.Head.Tip?.Tree.Id);
        var staged = new List<string>();
        var modified = new List<string>();
        var conflicted = new List<string>();
        foreach (var entry in status)
        {
            if (entry.State.HasFlag(FileStatus.Conflicted))
            {
                conflicted.Add(entry.FilePath);
                continue;
            }

            if ((entry.State & StagedFlags) != 0)
            {
                staged.Add(entry.FilePath);
            }

            // A sparse checkout's left-out file is missing by design, not deleted (git status is clean).
            if ((entry.State & ModifiedFlags) != 0 && !SparseCheckout.SkipsWorktree(repository, entry.FilePath))
            {
                modified.Add(entry.FilePath);
            }
        }

        var operation = repository.Info.CurrentOperation switch
        {
            CurrentOperation.None => null,
            CurrentOperation.Merge => "a merge",
            CurrentOperation.Revert or CurrentOperation.RevertSequence => "a revert",
            CurrentOperation.CherryPick or CurrentOperation.CherryPickSequence => "a cherry-pick",
            CurrentOperation.Bisect => "a bisect",
            CurrentOperation.ApplyMailbox or CurrentOperation.ApplyMailboxOrRebase => "a git am",
            _ => "a rebase",
        };
        return new WorkingTreeStatus(staged, modified, conflicted, operation);
    }

    /// <summary>
    /// A status, without its HEAD-to-index half where the index provably holds <paramref name="indexTree"/>
    /// (<see cref="IndexTreeProof"/>): then the index differs from HEAD exactly where that tree does, and the working
    /// tree half is all that is left to ask (NothingStagedTests). Where nothing is proven, the whole status.
    /// </summary>
    private RepositoryStatus RetrieveStatus(StatusOptions options, ObjectId? indexTree)
    {
        if (IndexTreeProof.Of(repository, indexTree) is { } proof)
        {
            options.Show = StatusShowOption.WorkDirOnly;
            var workingTree = repository.RetrieveStatus(options);
            if (IndexTreeProof.StillHolds(repository, proof))
            {
                return workingTree;
            }
        }

        options.Show = StatusShowOption.IndexAndWorkDir;
        return repository.RetrieveStatus(options);
    }

    public IReadOnlyList<string> UntrackedFilesInTheWay(string treeish)
    {
        var target = repository.Lookup(new ObjectId(treeish)) switch
        {
            Commit commit => commit.Tree,
            Tree tree => tree,
            _ => throw new ArgumentException($"'{treeish}' is neither a commit nor a tree.", nameof(treeish)),
        };

        // Only paths the target tracks and HEAD does not can collide with an untracked file; comparing the two trees
        // finds them without scanning all of a large working tree (a status with untracked files would).
        var head = repository.Head.Tip?.Tree.Sha;
        var candidates = NativeHistory.ChangedPaths(head, target.Sha).Where(p => target[p] is not null);
        var index = repository.Index;
        var inTheWay = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in candidates)
        {
            if (index[path] is not null)
            {
                continue;
            }

            // The file itself, or a file where the target needs a folder (src/x.txt against an untracked file src).
            for (var prefix = path; prefix.Length > 0; prefix = prefix.LastIndexOf('/') is var slash and > 0 ? prefix[..slash] : string.Empty)
            {
                var full = Path.Combine(Root, prefix);
                var exists = prefix == path ? File.Exists(full) || Directory.Exists(full) : File.Exists(full);
                if (exists && index[prefix] is null && !repository.Ignore.IsPathIgnored(prefix))
                {
                    inTheWay.Add(prefix);
                    break;
                }
            }
        }

        return inTheWay.ToList();
    }

    public void CheckOutDetached(string commitSha)
    {
        BeforeWrite("check out " + commitSha);
        Guard(() => Commands.Checkout(repository, RequireCommit(commitSha), SafeCheckout()), commitSha[..Math.Min(7, commitSha.Length)]);
    }

    public void AttachHead(string branchName)
    {
        var canonical = "refs/heads/" + branchName;
        if (repository.Refs[canonical] is null)
        {
            throw new HotfixOperationException($"cannot point HEAD at '{branchName}': no such local branch", "HEAD was not changed");
        }

        // Refs.UpdateTarget on a detached HEAD would resolve the name to a commit and keep HEAD detached; a forced
        // symbolic "HEAD" reference is what 'git symbolic-ref HEAD refs/heads/NAME' writes.
        BeforeWrite("point HEAD at " + branchName);
        LockFiles.Write(
            () => repository.Refs.Add("HEAD", canonical, $"checkout: moving from {repository.Head.Tip?.Sha} to {branchName}", allowOverwrite: true),
            "point HEAD at " + branchName,
            "HEAD was not changed");
    }

    public void SwitchTo(string branchName)
    {
        var branch = repository.Branches[branchName]
            ?? throw new HotfixOperationException($"cannot switch to '{branchName}': no such local branch", "HEAD and the working tree were not changed");
        BeforeWrite("switch to " + branchName);
        Guard(() => Commands.Checkout(repository, branch, SafeCheckout()), branchName);
    }

    /// <summary>git's own rule: refuse rather than overwrite a local change (libgit2 checks before writing any file).</summary>
    private static CheckoutOptions SafeCheckout() => new() { CheckoutModifiers = CheckoutModifiers.None };

    private void Guard(Action checkout, string target)
    {
        // libgit2 writes the files first and takes index.lock only at the end; a lock held from the start would leave
        // files of one commit under an index of another.
        var indexLock = Path.Combine(repository.Info.Path, "index.lock");
        if (File.Exists(indexLock))
        {
            throw LockFiles.Held(indexLock, "HEAD, the index and the working tree were not changed");
        }

        try
        {
            LockFiles.Write(() => { checkout(); return true; }, "check out " + target, "HEAD, the index and the working tree were not changed");
        }
        catch (CheckoutConflictException e)
        {
            throw new HotfixOperationException(
                $"cannot check out {target}: {e.Message.Trim()} (local changes would be overwritten)",
                "HEAD, the index and the working tree were not changed",
                e);
        }
    }
}
