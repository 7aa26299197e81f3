using Hotfix.Policy.Records;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// The incident record in git: a bare origin and several clones, each recording on its own, then syncing in any order
/// — every entry ends up everywhere, once. Cross-checked with git for-each-ref, git log and git status.
/// </summary>
public class GitIncidentRecordTests
{
    private static readonly IncidentId Incident = IncidentId.Parse("INC-2026-0042");
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static IncidentEvent Note(string text, int minute = 0) => IncidentEventIds.WithId(new IncidentEvent
    {
        Incident = Incident, Kind = IncidentEventKinds.Note, At = T0.AddMinutes(minute), By = "sandro", Summary = text,
    });

    private static List<string> Summaries(string clone) =>
        new GitIncidentRecordStore(clone).Read(Incident).Events.Select(e => e.Summary).ToList();

    private static RecordSyncOutcome Sync(string clone) => new GitIncidentRecordSync(new GitIncidentRecordStore(clone), Timeout).Sync(Incident, "origin");

    [Fact]
    public void Recording_writes_one_commit_per_entry_on_the_incident_ref_and_leaves_the_working_tree_alone()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var head = repo.Head;
        var store = new GitIncidentRecordStore(repo.Path);
        store.Record(new IncidentEvent { Incident = Incident, Kind = IncidentEventKinds.Note, At = T0, By = "sandro", Summary = "first" });
        store.Record(new IncidentEvent { Incident = Incident, Kind = IncidentEventKinds.Note, At = T0, By = "sandro", Summary = "second" });

        Assert.Equal(["first", "second"], Summaries(repo.Path));
        Assert.Equal("refs/hotfix/incidents/INC-2026-0042", repo.Git("for-each-ref", "--format=%(refname)", "refs/hotfix/"));
        Assert.Equal(["note: second", "note: first"], repo.Git("log", "--format=%s", "refs/hotfix/incidents/INC-2026-0042").Split('\n'));
        Assert.Equal(2, repo.Git("ls-tree", "--name-only", "refs/hotfix/incidents/INC-2026-0042:events").Split('\n').Length);
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));
        Assert.Equal(head, repo.Head);
        Assert.Equal([Incident], store.Incidents());
        Assert.Equal("refs/hotfix/incidents/INC-2026-0042 in " + Path.Combine(repo.Path, ".git"), store.LocationOf(Incident));
    }

    [Fact]
    public void Concurrent_writers_in_one_clone_never_lose_an_entry()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        const int Writers = 4;
        const int Each = 15;
        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, w =>
        {
            var store = new GitIncidentRecordStore(repo.Path);
            for (var n = 0; n < Each; n++)
            {
                store.Append(Note($"w{w}-n{n}"));
            }
        });

        var summaries = Summaries(repo.Path);
        Assert.Equal(Writers * Each, summaries.Count);
        Assert.Equal(Writers * Each, summaries.Distinct().Count());
        Assert.Equal((Writers * Each).ToString(System.Globalization.CultureInfo.InvariantCulture), repo.Git("rev-list", "--count", "refs/hotfix/incidents/INC-2026-0042"));
        for (var w = 0; w < Writers; w++)
        {
            Assert.Equal(Enumerable.Range(0, Each).Select(n => $"w{w}-n{n}"), summaries.Where(s => s.StartsWith($"w{w}-", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Parallel_writers_in_two_clones_hold_the_same_complete_record_whichever_syncs_first()
    {
        foreach (var firstIsAlice in new[] { true, false })
        {
            using var repo = HotfixRepositories.MainAndDevelop();
            var origin = repo.AddOrigin();
            var alice = repo.Path;
            var bob = repo.CloneOrigin("bob");
            new GitIncidentRecordStore(alice).Append(Note("alice decided rollback", 1));
            new GitIncidentRecordStore(bob).Append(Note("bob paged the DBA", 2));
            new GitIncidentRecordStore(alice).Append(Note("alice rolled back", 3));

            var (first, second) = firstIsAlice ? (alice, bob) : (bob, alice);
            Sync(first);
            Sync(second);
            Sync(first);

            string[] expected = ["alice decided rollback", "bob paged the DBA", "alice rolled back"];
            Assert.Equal(expected, Summaries(alice));
            Assert.Equal(expected, Summaries(bob));
            Assert.Equal(repo.Git("rev-parse", "refs/hotfix/incidents/INC-2026-0042"), GitCli.Run(origin, "rev-parse", "refs/hotfix/incidents/INC-2026-0042"));
            Assert.Equal(repo.Git("rev-parse", "refs/hotfix/incidents/INC-2026-0042"), GitCli.Run(bob, "rev-parse", "refs/hotfix/incidents/INC-2026-0042"));
            Assert.Equal(3, GitCli.Run(origin, "ls-tree", "--name-only", "refs/hotfix/incidents/INC-2026-0042:events").Split('\n').Length);
            Assert.Equal(string.Empty, GitCli.Run(bob, "status", "--porcelain", "--untracked-files=all"));
        }
    }

    [Fact]
    public void A_lost_push_race_is_fetched_merged_and_pushed_again()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        var bob = repo.CloneOrigin("bob");
        new GitIncidentRecordStore(repo.Path).Append(Note("alice", 1));
        new GitIncidentRecordStore(bob).Append(Note("bob", 2));
        Sync(bob);

        // Alice fetched before Bob pushed: her first push is rejected as non-fast-forward, the second round wins.
        var aliceStore = new GitIncidentRecordStore(repo.Path);
        GitCli.Run(bob, "push", "--quiet", "origin", "refs/hotfix/incidents/INC-2026-0042");
        new GitIncidentRecordStore(bob).Append(Note("bob again", 3));
        var raced = new RacingRemote(bob);
        var outcome = new GitIncidentRecordSync(aliceStore, Timeout) { BeforePush = raced.PushOnce }.Sync(Incident, "origin");

        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(["alice", "bob", "bob again"], Summaries(repo.Path));
        Sync(bob);
        Assert.Equal(["alice", "bob", "bob again"], Summaries(bob));
    }

    [Fact]
    public void Offline_writes_stay_local_and_an_unreachable_remote_is_an_operation_failure()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var origin = repo.AddOrigin();
        var moved = origin + ".away";
        Directory.Move(origin, moved);
        new GitIncidentRecordStore(repo.Path).Append(Note("written offline"));

        var e = Assert.Throws<HotfixOperationException>(() => Sync(repo.Path));
        Assert.Contains("cannot fetch the incident record from remote 'origin'", e.Message);
        Assert.Contains("writes stay local", e.State);
        Assert.Equal(["written offline"], Summaries(repo.Path));

        Directory.Move(moved, origin);
        Assert.Equal(1, Sync(repo.Path).Sent);
        Assert.Equal(repo.Git("rev-parse", "refs/hotfix/incidents/INC-2026-0042"), GitCli.Run(origin, "rev-parse", "refs/hotfix/incidents/INC-2026-0042"));
        Assert.Throws<HotfixInputException>(() => new GitIncidentRecordSync(new GitIncidentRecordStore(repo.Path), Timeout).Sync(Incident, "upstream"));
    }

    [Fact]
    public void A_force_pushed_remote_that_lost_entries_gets_them_back_and_nothing_is_duplicated()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var origin = repo.AddOrigin();
        var bob = repo.CloneOrigin("bob");
        new GitIncidentRecordStore(repo.Path).Append(Note("one", 1));
        new GitIncidentRecordStore(repo.Path).Append(Note("two", 2));
        Sync(repo.Path);
        Sync(bob);

        // Someone rewrites origin's ref to its first commit plus an entry of their own.
        GitCli.Run(bob, "update-ref", "refs/hotfix/incidents/INC-2026-0042", "refs/hotfix/incidents/INC-2026-0042~1");
        new GitIncidentRecordStore(bob).Append(Note("three", 3));
        GitCli.Run(bob, "push", "--quiet", "--force", "origin", "refs/hotfix/incidents/INC-2026-0042");
        Assert.Equal(2, GitCli.Run(origin, "ls-tree", "--name-only", "refs/hotfix/incidents/INC-2026-0042:events").Split('\n').Length);

        Sync(repo.Path);
        Sync(bob);
        Assert.Equal(["one", "two", "three"], Summaries(repo.Path));
        Assert.Equal(["one", "two", "three"], Summaries(bob));
        Assert.Equal(3, GitCli.Run(origin, "ls-tree", "--name-only", "refs/hotfix/incidents/INC-2026-0042:events").Split('\n').Length);
    }

    [Fact]
    public void The_same_entry_imported_in_two_clones_is_kept_once()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.AddOrigin();
        var bob = repo.CloneOrigin("bob");
        var old = new IncidentEvent { Incident = Incident, Kind = IncidentEventKinds.Note, At = T0, By = "sandro", Summary = "from a .jsonl file" };
        Assert.Equal(1, new GitIncidentRecordStore(repo.Path).AppendAll(Incident, [old], "import"));
        Assert.Equal(0, new GitIncidentRecordStore(repo.Path).AppendAll(Incident, [old], "import"));
        new GitIncidentRecordStore(bob).AppendAll(Incident, [old, Note("bob", 1)], "import");
        Sync(repo.Path);
        Sync(bob);
        Assert.Equal(["from a .jsonl file", "bob"], Summaries(bob));
        var files = GitCli.Run(bob, "ls-tree", "--name-only", "refs/hotfix/incidents/INC-2026-0042:events").Split('\n');
        Assert.Equal(2, files.Length);
        Assert.Single(files, f => f.Contains("-" + IncidentEventIds.ContentPrefix, StringComparison.Ordinal));
    }

    /// <summary>Another clone pushing an entry between our fetch and our push, once.</summary>
    private sealed class RacingRemote(string clone)
    {
        private int pushes;

        public void PushOnce()
        {
            if (Interlocked.Increment(ref pushes) == 1)
            {
                GitCli.Run(clone, "push", "--quiet", "origin", "refs/hotfix/incidents/INC-2026-0042");
            }
        }
    }
}
