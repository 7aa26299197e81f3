using Hotfix.Policy.Records;

namespace Hotfix.Policy.Tests.Records;

/// <summary>Entry ids: what lets two copies of a record merge by union without losing or doubling an entry.</summary>
public class IncidentEventIdsTests
{
    private static readonly IncidentEvent Note = new()
    {
        Incident = IncidentId.Parse("INC-2026-0042"),
        Kind = IncidentEventKinds.Note,
        At = new DateTimeOffset(2026, 3, 24, 23, 41, 0, TimeSpan.FromHours(1)),
        By = "sandro",
        Summary = "paged the DBA",
    };

    [Fact]
    public void Recording_gives_every_entry_its_own_id_and_keeps_one_it_has()
    {
        var store = new InMemoryIncidentRecordStore();
        store.Record(Note);
        store.Record(Note);
        store.Record(Note with { Id = "given-by-a-host" });
        var ids = store.Read(Note.Incident).Events.Select(e => e.Id).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(IncidentEventIds.IsWellFormed(id!)));
        Assert.Equal("given-by-a-host", ids[2]);
    }

    [Fact]
    public void An_entry_without_an_id_has_a_content_id_that_only_its_content_decides()
    {
        var id = IncidentEventIds.Of(Note);
        Assert.StartsWith(IncidentEventIds.ContentPrefix, id);
        Assert.Equal(IncidentEventIds.ContentPrefix.Length + 32, id.Length);
        Assert.Equal(id, IncidentEventIds.Of(Note with { }));
        Assert.NotEqual(id, IncidentEventIds.Of(Note with { Summary = "paged the DBA again" }));
        Assert.True(IncidentEventIds.IsWellFormed(id));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    [InlineData("a b")]
    public void An_id_that_cannot_name_a_file_is_refused(string id)
    {
        var problems = IncidentEventValidator.Check(Note with { Id = id });
        Assert.Contains(problems, p => p.StartsWith("id:", StringComparison.Ordinal) || p.Contains("entry id", StringComparison.Ordinal));
    }
}
