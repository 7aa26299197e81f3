using System.Text;
using Hotfix.Policy.Records;
using Hotfix.TestSupport;

namespace Hotfix.Records.Tests;

/// <summary>Records that cannot be written are operation failures naming the path (exit 3 in the CLI), never crashes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class RecordFaultTests
{
    [Fact]
    public void An_unwritable_record_fails_with_its_path_and_stays_as_it_was()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Path);
        store.Record(Events.Note("first"));
        var path = store.LocationOf(Events.Incident);
        var before = File.ReadAllBytes(path);

        using (new Unwritable(path))
        {
            var error = Assert.Throws<HotfixOperationException>(() => store.Record(Events.Note("second")));
            Assert.Contains(path, error.Message);
            Assert.Contains("not recorded", error.State);
            Assert.Throws<HotfixOperationException>(() => store.CheckWritable(Events.Incident));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_directory_in_place_of_the_record_fails_with_its_path_for_append_check_and_read()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Path);
        Directory.CreateDirectory(store.LocationOf(Events.Incident));

        Assert.Contains("a directory is in its place", Assert.Throws<HotfixOperationException>(() => store.Record(Events.Note("n"))).Message);
        Assert.Contains(store.LocationOf(Events.Incident), Assert.Throws<HotfixOperationException>(() => store.CheckWritable(Events.Incident)).Message);
        Assert.Contains("a directory is in its place", Assert.Throws<HotfixOperationException>(() => store.Read(Events.Incident)).Message);
    }

    [Fact]
    public void Checking_that_a_new_record_can_be_written_leaves_no_file()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Combine("records"));

        store.CheckWritable(Events.Incident);

        Assert.False(File.Exists(store.LocationOf(Events.Incident)));
    }

    [Theory]
    [InlineData("", "{\"a\":1}\n")]
    [InlineData("{\"a\":1}\n", "{\"a\":1}\n{\"b\":2}\n")]
    [InlineData("{\"a\":1}\n{\"to", "{\"a\":1}\n{\"to\n{\"b\":2}\n")]
    public void The_shared_append_ends_a_torn_line_before_the_new_one_and_rewrites_nothing(string existing, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("log.jsonl");
        File.WriteAllText(path, existing);
        var line = existing.Length == 0 ? "{\"a\":1}\n" : "{\"b\":2}\n";

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            JsonLinesAppend.Append(stream, Encoding.UTF8.GetBytes(line));
        }

        Assert.Equal(expected, File.ReadAllText(path));
    }
}
