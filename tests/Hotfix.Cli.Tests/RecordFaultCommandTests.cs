using System.Text.Json;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary>
/// The incident record and the rollback log under faults: unwritable (exit 3, naming the path, nothing sent to the
/// cluster), torn by a crash (repaired before the next entry), and fed hostile notes (no forged rows, no raw escapes).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class RecordFaultCommandTests
{
    private static readonly Dictionary<string, string> Sandro = new() { ["HOTFIX_USER"] = "sandro" };

    private static void AssertOperationFailed(CliResult result, string path)
    {
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(path, result.Error);
        Assert.Contains("State: ", result.Error);
        Assert.DoesNotContain("internal error", result.Error);
    }

    [Fact]
    public void A_note_to_an_unwritable_record_exits_3_naming_it()
    {
        using var dir = FileRecords.Workspace();
        CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042", "--note", "first");
        var path = dir.Combine(".hotfix", "incidents", "INC-2026-0042.jsonl");

        using (new Unwritable(path))
        {
            AssertOperationFailed(CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042", "--note", "second"), path);
            AssertOperationFailed(CliRun.Run(dir.Path, Sandro, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--incident", "INC-2026-0042"), path);
        }
    }

    [Fact]
    public void A_directory_in_place_of_the_record_exits_3_for_writers_and_readers()
    {
        using var dir = FileRecords.Workspace();
        var path = dir.Combine(".hotfix", "incidents", "INC-2026-0042.jsonl");
        Directory.CreateDirectory(path);

        AssertOperationFailed(CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042", "--note", "n"), path);
        AssertOperationFailed(CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042"), path);
        AssertOperationFailed(CliRun.Run(dir.Path, Sandro, "verify", "INC-2026-0042"), path);
    }

    [Theory]
    [InlineData("decide", "--root-cause", "unknown", "--impact", "ongoing", "--incident", "INC-2026-0042")]
    [InlineData("review", "--severity", "SEV3", "--incident", "INC-2026-0042", "--reviewer", "bob", "--checked", "M1,M2,M3,M4,M5")]
    [InlineData("verify", "INC-2026-0042", "--deployed")]
    [InlineData("record", "INC-2026-0042", "--note", "n")]
    public void Every_command_that_writes_the_incident_record_exits_3_when_it_cannot(params string[] args)
    {
        using var dir = FileRecords.Workspace();
        var folder = dir.Combine(".hotfix", "incidents");
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        File.WriteAllText(folder, "a file where the records folder should be");

        var result = CliRun.Run(dir.Path, Sandro, args);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(folder, result.Error);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/")]
    public void A_review_record_that_is_not_a_regular_file_is_refused(string path)
    {
        using var dir = FileRecords.Workspace();

        var result = CliRun.Run(dir.Path, Sandro, "review", "--record", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"--record '{path}'", result.Error);
    }

    [Fact]
    public async Task A_rollback_whose_incident_record_is_unwritable_is_not_started()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var incidents = c.Dir.Combine(".hotfix", "incidents");
        Directory.CreateDirectory(incidents);

        using (new Unwritable(incidents))
        {
            var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--incident", "INC-2026-0042", "--record-dir", c.RecordDir);
            AssertOperationFailed(result, Path.Combine(incidents, "INC-2026-0042.jsonl"));
        }

        Assert.DoesNotContain(c.Server.Requests, r => r.Method == "PATCH");
        Assert.Empty(c.RecordLines("INC-2026-0042.jsonl"));
    }

    [Fact]
    public async Task A_rollback_whose_log_file_is_unwritable_is_not_started()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        Directory.CreateDirectory(c.RecordDir);
        var log = Path.Combine(c.RecordDir, "no-incident.jsonl");
        File.WriteAllText(log, string.Empty);

        using (new Unwritable(log))
        {
            var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir);
            AssertOperationFailed(result, log);
            Assert.Contains("nothing was changed", result.Error);
        }

        Assert.DoesNotContain(c.Server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task The_rollback_log_repairs_a_torn_last_line_like_the_incident_record()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        Directory.CreateDirectory(c.RecordDir);
        File.WriteAllText(Path.Combine(c.RecordDir, "no-incident.jsonl"), "{\"schemaVersion\":1,\"id\":\"rollback-torn");

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir, "--timeout", "30s");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = c.RecordLines();
        Assert.Equal(3, lines.Count);
        Assert.Equal("{\"schemaVersion\":1,\"id\":\"rollback-torn", lines[0]);
        Assert.Equal(["started", "finished"], lines.Skip(1).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("phase").GetString()));
    }

    [Fact]
    public void A_multi_line_note_cannot_forge_timeline_rows_and_escapes_are_shown_not_sent()
    {
        using var dir = FileRecords.Workspace();
        const string forged = "harmless\n2026-01-01 00:00 +00:00  rollback (finished)  mira  rolled back — outcome: rolled-back\r\u001b[2Jwiped\u0007";
        CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042", "--note", "real entry");
        var note = CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042", "--note", forged);
        Assert.True(note.ExitCode == 0, note.ToString());

        var text = CliRun.Run(dir.Path, "record", "INC-2026-0042");
        var markdown = CliRun.Run(dir.Path, "record", "INC-2026-0042", "--format", "markdown");
        var json = JsonDocument.Parse(CliRun.Run(dir.Path, "record", "INC-2026-0042", "--format", "json").Out).RootElement;

        foreach (var output in new[] { text.Out, markdown.Out, note.Out })
        {
            Assert.False(output.Any(ch => ch is '\u001b' or '\r' or '\u0007'), "a control character reached the output:\n" + output);
        }

        // Text: one row per entry; the note's second line is a marked continuation under the entry column.
        var rows = text.Out.Split('\n').Where(l => l.TrimStart().StartsWith("20", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        // (The continuation wraps at the output's width: the escapes are shown on the piece that holds them.)
        Assert.Contains(text.Out.Split('\n'), l => l.TrimStart().StartsWith("↳ 2026-01-01 00:00", StringComparison.Ordinal));
        Assert.Contains(text.Out.Split('\n'), l => l.Contains("\\x0d\\x1b[2Jwiped\\x07", StringComparison.Ordinal) && l.StartsWith(new string(' ', 20), StringComparison.Ordinal));

        // Markdown: the note stays in its one table row.
        Assert.Equal(2, markdown.Out.Split('\n').Count(l => l.StartsWith("| 20", StringComparison.Ordinal)));
        Assert.Contains("harmless<br>2026-01-01", markdown.Out);

        // JSON keeps the note exactly as written (escaped by JSON itself).
        Assert.Equal(forged, json.GetProperty("events")[1].GetProperty("summary").GetString());
    }
}
