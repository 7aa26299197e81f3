using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

public class RecordCommandTests
{
    private static readonly Dictionary<string, string> Sandro = new() { ["HOTFIX_USER"] = "sandro" };

    [Fact]
    public void The_timeline_in_text_markdown_and_json()
    {
        using var dir = FileRecords.Workspace();
        CliRun.Run(dir.Path, Sandro, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--incident", "INC-2026-0042");
        CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042", "--note", "rolled back deployment/orders to revision 41", "--note", "paged the DBA");

        var text = CliRun.Run(dir.Path, "record", "INC-2026-0042");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Entries: 3", text.Out);
        Assert.Contains("decision  sandro  decided rollback by unknown-root-cause-ongoing-impact —\n", text.Out);
        Assert.Contains("\n                                             why: root cause unknown and impact ongoing\n", text.Out);

        var markdown = CliRun.Run(dir.Path, "record", "INC-2026-0042", "--format", "markdown").Out;
        Assert.StartsWith("## Incident record — INC-2026-0042", markdown);
        Assert.Contains("| When | What | By | Entry |", markdown);

        var json = JsonDocument.Parse(CliRun.Run(dir.Path, "record", "INC-2026-0042", "--format", "json").Out).RootElement;
        Assert.Equal(3, json.GetProperty("events").GetArrayLength());
        Assert.Equal("paged the DBA", json.GetProperty("events")[2].GetProperty("summary").GetString());
        Assert.Empty(json.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public void Markdown_of_a_long_record_fits_in_a_github_comment_and_says_how_many_entries_it_left_out()
    {
        using var dir = FileRecords.Workspace();
        const int Entries = 700;
        var notes = Enumerable.Range(1, Entries).SelectMany(i => new[] { "--note", $"note {i}: " + new string('x', 100) }).ToArray();
        Assert.Equal(0, CliRun.Run(dir.Path, Sandro, ["record", "INC-2026-0042", .. notes]).ExitCode);

        var markdown = CliRun.Run(dir.Path, "record", "INC-2026-0042", "--format", "markdown").Out;
        Assert.True(markdown.Length < 65_536, $"the comment is {markdown.Length} characters; GitHub refuses more than 65,536");
        Assert.StartsWith("## Incident record — INC-2026-0042", markdown);
        var lines = markdown.Split('\n');
        var rows = lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| \d{4}-\d\d-\d\d "));
        var note = Array.FindIndex(lines, l => l.StartsWith("_… ", StringComparison.Ordinal));
        Assert.True(note > 0, markdown[^500..]);
        Assert.Equal($"_… {Entries - rows} more items of this section left out to keep the comment under GitHub's 65,536-character limit — the full report: --format json._", lines[note]);
        Assert.InRange(rows, 100, Entries - 1);
        // The cut falls inside the table: a blank line ends it, or GFM would show the note as one more row.
        Assert.Equal(string.Empty, lines[note - 1]);

        // A short record is not cut.
        CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0043", "--note", "paged the DBA");
        Assert.DoesNotContain("left out", CliRun.Run(dir.Path, "record", "INC-2026-0043", "--format", "markdown").Out);
    }

    [Fact]
    public void A_torn_last_line_is_reported_and_the_rest_still_prints()
    {
        using var dir = FileRecords.Workspace();
        CliRun.Run(dir.Path, Sandro, "record", "INC-2026-0042", "--note", "first");
        File.AppendAllText(dir.Combine(".hotfix", "incidents", "INC-2026-0042.jsonl"), """{"schemaVersion":1,"incident":"INC-2026-0042","ki""");
        var result = CliRun.Run(dir.Path, "record", "INC-2026-0042", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hotfix: warning:", result.Error);
        Assert.Contains("line 2: the last line is incomplete (an append was interrupted", result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(1, json.GetProperty("events").GetArrayLength());
        Assert.True(json.GetProperty("problems")[0].GetProperty("tornTail").GetBoolean());
    }

    [Fact]
    public void An_incident_without_a_record_is_bad_input()
    {
        using var dir = FileRecords.Workspace();
        var result = CliRun.Run(dir.Path, "record", "INC-2026-0042");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("hotfix: error: incident 'INC-2026-0042': nothing is recorded yet", result.Error);
        Assert.Equal(2, CliRun.Run(dir.Path, "record", "INC-2026-42").ExitCode);
    }

    /// <summary>
    /// A CI container often has no $USER: "--by, else $HOTFIX_USER, else the login name" must still name someone —
    /// the account's name from the passwd entry, as <c>whoami</c> says.
    /// </summary>
    [Fact]
    public void Without_user_variables_the_login_name_is_who_acts()
    {
        using var dir = FileRecords.Workspace();
        var dll = Path.Combine(AppContext.BaseDirectory, "hotfix.dll");
        var bare = new Dictionary<string, string?> { ["HOTFIX_USER"] = null, ["USER"] = null, ["USERNAME"] = null, ["LOGNAME"] = null, ["NO_COLOR"] = "1" };
        var result = ProcessRunner.Run("dotnet", ["exec", dll, "record", "INC-2026-0042", "--note", "paged the DBA"], dir.Path, bare);
        Assert.True(result.ExitCode == 0, result.ToString());
        var line = File.ReadAllLines(Path.Combine(dir.Path, ".hotfix", "incidents", "INC-2026-0042.jsonl")).Single();
        Assert.Equal(Environment.UserName, JsonDocument.Parse(line).RootElement.GetProperty("by").GetString());
        Assert.False(string.IsNullOrWhiteSpace(Environment.UserName));
    }

    /// <summary>
    /// Several hotfix processes append to one record at the same time (two engineers and a bot during an incident):
    /// no line may be lost, torn or interleaved.
    /// </summary>
    [Fact]
    public void Concurrent_processes_appending_to_one_record_never_interleave()
    {
        using var dir = FileRecords.Workspace();
        var dll = Path.Combine(AppContext.BaseDirectory, "hotfix.dll");
        RecordConcurrency.AppendFromProcesses(dir.Path, i => ProcessRunner.Run("dotnet", ["exec", dll, .. RecordConcurrency.NoteArguments(i)], dir.Path, RecordConcurrency.Environment));
    }
}

/// <summary>The multi-process append test, shared by the JIT build and the native binary.</summary>
internal static class RecordConcurrency
{
    public const int Processes = 6;
    public const int NotesEach = 20;

    public static readonly Dictionary<string, string?> Environment = new() { ["HOTFIX_USER"] = "load", ["NO_COLOR"] = "1" };

    public static string[] NoteArguments(int process) =>
        ["record", "INC-2026-0042", .. Enumerable.Range(0, NotesEach).SelectMany(n => new[] { "--note", $"p{process}-n{n} {new string('x', 3000)}" })];

    public static void AppendFromProcesses(string directory, Func<int, ProcessResult> run)
    {
        var results = new ProcessResult[Processes];
        Parallel.For(0, Processes, new ParallelOptions { MaxDegreeOfParallelism = Processes }, i => results[i] = run(i));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));

        var lines = File.ReadAllLines(Path.Combine(directory, ".hotfix", "incidents", "INC-2026-0042.jsonl"));
        Assert.Equal(Processes * NotesEach, lines.Length);
        var seen = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("summary").GetString()!.Split(' ')[0]).ToList();
        Assert.Equal(Processes * NotesEach, seen.Distinct().Count());
        for (var p = 0; p < Processes; p++)
        {
            Assert.Equal(Enumerable.Range(0, NotesEach).Select(n => $"p{p}-n{n}"), seen.Where(s => s.StartsWith($"p{p}-", StringComparison.Ordinal)));
        }
    }
}
