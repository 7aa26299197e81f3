using System.Text;
using System.Text.Json.Nodes;
using Hotfix.Policy.Records;
using Hotfix.TestSupport;

namespace Hotfix.Records.Tests;

public class JsonLinesIncidentRecordStoreTests
{
    [Fact]
    public void Events_round_trip_one_json_object_per_line_in_a_file_per_incident()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Combine("records"));
        var rollback = new IncidentEvent
        {
            Incident = Events.Incident,
            Kind = IncidentEventKinds.Rollback,
            At = Events.T0.AddMinutes(5),
            By = "sandro",
            Summary = "rolled back deployment/orders -n shop to revision 41",
            Reason = "error rate 30% after deploy; root cause unknown",
            Phase = IncidentEventPhases.Finished,
            Outcome = "rolled-back",
            Verification = ["issue resolved: error rate back to 0.2%", "no data lost: order counts match", "team notified in #incident"],
            Ref = "rb-1",
            Details = new JsonObject { ["plan"] = new JsonObject { ["toRevision"] = 41 } },
        };
        store.Record(Events.Note("Paged on-call — ünïcode stays readable"));
        store.Record(rollback);

        var path = dir.Combine("records", "INC-2026-0042.jsonl");
        Assert.Equal(path, store.LocationOf(Events.Incident));
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("{", l));
        Assert.Contains("ünïcode", lines[0]);

        var record = store.Read(Events.Incident);
        Assert.True(record.Exists);
        Assert.Empty(record.Problems);
        Assert.Equal(2, record.Events.Count);
        var read = record.Events[1];
        Assert.Equal(rollback.Reason, read.Reason);
        Assert.Equal(rollback.Verification, read.Verification);
        Assert.Equal(rollback.At, read.At);
        Assert.Equal(41, read.Details!["plan"]!["toRevision"]!.GetValue<int>());
    }

    [Fact]
    public void A_record_that_does_not_exist_reads_as_empty_and_not_existing()
    {
        using var dir = new TempDirectory();
        var record = new JsonLinesIncidentRecordStore(dir.Path).Read(Events.Incident);
        Assert.False(record.Exists);
        Assert.Empty(record.Events);
    }

    [Fact]
    public void A_torn_last_line_is_reported_the_events_before_it_are_intact_and_the_next_append_is_intact_too()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Path);
        store.Record(Events.Note("one"));
        store.Record(Events.Note("two", 1));
        var path = store.LocationOf(Events.Incident);
        var intact = File.ReadAllBytes(path);

        // A crash in the middle of an append: half a line, no line break.
        var torn = Encoding.UTF8.GetBytes(IncidentEventCodec.ToLine(Events.Note("three", 2)))[..40];
        File.WriteAllBytes(path, [.. intact, .. torn]);

        var afterCrash = store.Read(Events.Incident);
        Assert.Equal(["one", "two"], afterCrash.Events.Select(e => e.Summary));
        var problem = Assert.Single(afterCrash.Problems);
        Assert.True(problem.IsTornTail);
        Assert.Equal(3, problem.Line);
        Assert.Contains("an append was interrupted", problem.Message);

        store.Record(Events.Note("four", 3));
        var afterAppend = store.Read(Events.Incident);
        Assert.Equal(["one", "two", "four"], afterAppend.Events.Select(e => e.Summary));
        var earlier = Assert.Single(afterAppend.Problems);
        Assert.False(earlier.IsTornTail);
        Assert.Equal(3, earlier.Line);

        // Append-only: the bytes that were there before are still there, unchanged.
        Assert.Equal(intact, File.ReadAllBytes(path)[..intact.Length]);
    }

    [Fact]
    public void A_complete_last_line_without_its_line_break_still_counts()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Path);
        File.WriteAllText(store.LocationOf(Events.Incident), IncidentEventCodec.ToLine(Events.Note("cut at the line break")));
        store.Record(Events.Note("next", 1));
        var record = store.Read(Events.Incident);
        Assert.Empty(record.Problems);
        Assert.Equal(["cut at the line break", "next"], record.Events.Select(e => e.Summary));
    }

    [Fact]
    public void Lines_of_another_incident_or_a_newer_schema_are_problems_not_events()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Path);
        var other = IncidentEventCodec.ToLine(Events.Note("elsewhere", 0, IncidentId.Parse("INC-2026-0001")));
        var newer = IncidentEventCodec.ToLine(Events.Note("future") with { SchemaVersion = 2 });
        File.WriteAllText(store.LocationOf(Events.Incident), other + "\n" + newer + "\n" + IncidentEventCodec.ToLine(Events.Note("ok")) + "\n");
        var record = store.Read(Events.Incident);
        Assert.Equal(["ok"], record.Events.Select(e => e.Summary));
        Assert.Equal([1, 2], record.Problems.Select(p => p.Line));
        Assert.Contains("belongs to INC-2026-0001", record.Problems[0].Message);
        Assert.Contains("schemaVersion 2 is newer", record.Problems[1].Message);
    }

    [Fact]
    public void Concurrent_appenders_on_many_threads_never_interleave_or_lose_a_line()
    {
        using var dir = new TempDirectory();
        const int threads = 8;
        const int each = 40;

        // Each thread has its own store instance, as separate tools in one host would; lines are long (several KB)
        // so a torn or interleaved write would show.
        var padding = new string('x', 5000);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var store = new JsonLinesIncidentRecordStore(dir.Path);
            for (var i = 0; i < each; i++)
            {
                store.Record(Events.Note($"t{t}-{i} {padding}", i));
            }
        });

        var record = new JsonLinesIncidentRecordStore(dir.Path).Read(Events.Incident);
        Assert.Empty(record.Problems);
        Assert.Equal(threads * each, record.Events.Count);
        var ids = record.Events.Select(e => e.Summary.Split(' ')[0]).ToHashSet();
        Assert.Equal(threads * each, ids.Count);

        // Per thread, the order of its own appends is kept.
        for (var t = 0; t < threads; t++)
        {
            var mine = record.Events.Select(e => e.Summary.Split(' ')[0]).Where(s => s.StartsWith($"t{t}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, each).Select(i => $"t{t}-{i}"), mine);
        }
    }

    [Fact]
    public void An_append_that_cannot_get_the_file_fails_with_the_state_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Path, TimeSpan.FromMilliseconds(200));
        store.Record(Events.Note("before"));
        var path = store.LocationOf(Events.Incident);
        var before = File.ReadAllBytes(path);
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var e = Assert.Throws<HotfixOperationException>(() => store.Record(Events.Note("blocked")));
            Assert.Contains("stayed locked by another appender", e.Message);
            Assert.Contains("not recorded", e.State);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void An_undocumented_rollback_is_refused_before_anything_is_written()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Path);
        var e = Assert.Throws<HotfixInputException>(() => store.Record(new IncidentEvent
        {
            Incident = Events.Incident,
            Kind = IncidentEventKinds.Rollback,
            At = Events.T0,
            By = "sandro",
            Summary = "rolled back",
            Outcome = "rolled-back",
        }));
        Assert.Contains("HF5006 reason: missing", e.Message);
        Assert.Contains("HF5006 verification: missing", e.Message);
        Assert.False(File.Exists(store.LocationOf(Events.Incident)));
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_an_operation_failure()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("file"), "not a folder");
        var store = new JsonLinesIncidentRecordStore(dir.Combine("file", "records"));
        var e = Assert.Throws<HotfixOperationException>(() => store.Record(Events.Note("x")));
        Assert.Contains("cannot create the incident record folder", e.Message);
    }
}
