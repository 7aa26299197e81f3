using Hotfix.Policy.Records;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>What one sync of an incident record did.</summary>
/// <param name="Received">Entries that came from the remote and were not here.</param>
/// <param name="Sent">Entries that were here and not on the remote (pushed).</param>
/// <param name="Events">Entries in the record after the sync, here and on the remote alike.</param>
/// <param name="Attempts">Rounds of fetch, merge and push it took (more than one: another clone pushed in between).</param>
internal sealed record RecordSyncOutcome(int Received, int Sent, int Events, int Attempts);

/// <summary>
/// <c>hotfix record INC --sync</c>: fetches the incident's reference from a remote, merges the two copies by the union
/// of their entries (each entry has an id, so every entry stays, once), and pushes the result without force. A push
/// rejected because another clone pushed first is a lost race: fetch, merge and push again, a bounded number of times.
/// A remote whose reference was rewritten (force-pushed) and lost entries gets them back: the union keeps them.
/// </summary>
internal sealed class GitIncidentRecordSync(GitIncidentRecordStore store, TimeSpan timeout)
{
    public const int MaxAttempts = 5;

    /// <summary>Runs right before each push (tests: another clone pushes in between).</summary>
    internal Action? BeforePush { get; init; }

    public RecordSyncOutcome Sync(IncidentId incident, string remoteName)
    {
        string url;
        using (var repository = GitIncidentRecordStore.Open(store.GitDirectory))
        {
            url = repository.Network.Remotes[remoteName]?.Url
                ?? throw new HotfixInputException($"--remote '{remoteName}': no such remote in this repository; expected one of: {string.Join(", ", repository.Network.Remotes.Select(r => r.Name).DefaultIfEmpty("(none — git remote add origin URL)"))}");
        }

        var name = IncidentRefs.Of(incident);
        var tracking = IncidentRefs.TrackingOf(remoteName, incident);
        var received = 0;
        var sent = 0;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // The tracking reference is dropped first, so after the fetch it exists exactly when the remote has a record.
            Network(remoteName, url, "fetch", repository =>
            {
                if (repository.Refs[tracking] is not null)
                {
                    repository.Refs.Remove(tracking);
                }

                Commands.Fetch(repository, remoteName, [$"+{name}:{tracking}"], new FetchOptions { TagFetchMode = TagFetchMode.None, Prune = false }, null);
                return true;
            });

            using var repo = GitIncidentRecordStore.Open(store.GitDirectory);
            var local = repo.Refs[name]?.ResolveToDirectReference()?.Target as Commit;
            var remote = repo.Refs[tracking]?.ResolveToDirectReference()?.Target as Commit;
            var localIds = Ids(local);
            var remoteIds = Ids(remote);
            received += remoteIds.Count(id => !localIds.Contains(id));
            var merged = Merge(repo, incident, local, remote);
            if (merged is null)
            {
                continue;
            }

            if (remote is not null && merged.Sha == remote.Sha)
            {
                return new RecordSyncOutcome(received, sent, Ids(merged).Count, attempt);
            }

            var missing = Ids(merged).Count(id => !remoteIds.Contains(id));
            BeforePush?.Invoke();
            var pushed = Network(remoteName, url, "push", repository =>
            {
                var rejected = false;
                try
                {
                    repository.Network.Push(repository.Network.Remotes[remoteName], $"{name}:{name}", new PushOptions { OnPushStatusError = _ => rejected = true });
                }
                catch (NonFastForwardException)
                {
                    rejected = true;
                }

                return !rejected;
            });
            if (pushed)
            {
                sent += missing;
                repo.Refs.Add(tracking, merged.Id, "hotfix: sync", allowOverwrite: true);
                return new RecordSyncOutcome(received, sent, Ids(merged).Count, attempt);
            }
        }

        throw new HotfixOperationException(
            $"the record of {incident} on '{remoteName}' ({url}) kept changing: {MaxAttempts} pushes were overtaken by other clones",
            "every entry is kept here; run hotfix record " + incident + " --sync again");
    }

    /// <summary>
    /// Makes the local reference hold the union of both copies: unchanged when it already has every remote entry,
    /// fast-forwarded when the remote is ahead, else a merge commit whose tree is the union of both trees. Null when a
    /// local writer moved the reference meanwhile (the caller starts the round again).
    /// </summary>
    private Commit? Merge(Repository repository, IncidentId incident, Commit? local, Commit? remote)
    {
        var name = IncidentRefs.Of(incident);
        if (remote is null || local?.Sha == remote.Sha)
        {
            return local;
        }

        if (local is not null && IsAncestor(repository, remote, local))
        {
            return local;
        }

        Commit target;
        if (local is null || IsAncestor(repository, local, remote))
        {
            target = remote;
        }
        else
        {
            var tree = TreeDefinition.From(local.Tree);
            var localIds = Ids(local);
            foreach (var entry in GitIncidentRecordStore.EventFiles(remote))
            {
                if (IncidentRefs.IdOf(entry.Name) is { } id && localIds.Add(id))
                {
                    tree.Add($"{IncidentRefs.EventsFolder}/{entry.Name}", entry);
                }
            }

            target = GitIncidentRecordStore.CreateCommit(repository, tree, [local, remote], $"sync {incident}: union with the remote's record");
        }

        return ReferenceSwap.Swap(store.GitDirectory, name, target.Sha, local?.Sha, "hotfix: sync") == SwapResult.Swapped ? target : null;
    }

    private static bool IsAncestor(Repository repository, Commit ancestor, Commit of) =>
        repository.ObjectDatabase.FindMergeBase(ancestor, of)?.Sha == ancestor.Sha;

    private static HashSet<string> Ids(Commit? commit) =>
        commit is null ? new HashSet<string>(StringComparer.Ordinal) : GitIncidentRecordStore.EventFiles(commit).Select(e => IncidentRefs.IdOf(e.Name)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Runs one network operation on a repository of its own, bounded by the timeout: libgit2 has no deadline of its
    /// own for a server that never answers, so the caller stops waiting (the record here is unchanged by a fetch into
    /// the tracking reference or a push).
    /// </summary>
    private T Network<T>(string remoteName, string url, string what, Func<Repository, T> operation)
    {
        var task = Task.Run(() =>
        {
            using var repository = GitIncidentRecordStore.Open(store.GitDirectory);
            return operation(repository);
        });
        try
        {
            if (!task.Wait(timeout))
            {
                throw Unreachable(remoteName, url, what, $"no answer within {timeout.TotalSeconds:0} s", null);
            }

            return task.Result;
        }
        catch (AggregateException e) when (e.InnerException is LibGit2SharpException inner)
        {
            throw Unreachable(remoteName, url, what, inner.Message.Trim(), inner);
        }
    }

    private static HotfixOperationException Unreachable(string remoteName, string url, string what, string why, Exception? inner)
    {
        var message = $"cannot {what} the incident record from remote '{remoteName}' ({url}): {why}";
        const string state = "every entry is kept in this repository; writes stay local until a --sync reaches the remote";
        return inner is null ? new HotfixOperationException(message, state) : new HotfixOperationException(message, state, inner);
    }
}
