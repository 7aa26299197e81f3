using System.Globalization;
using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// decide, review, checklist, verify and record through the published native AOT binary: the source-generated JSON,
/// FluentValidation, the file record store and the change-set reading must all survive trimming.
/// </summary>
public class NativeProcedureTests
{
    private static ProcessResult Native(string dir, params string[] args) =>
        ProcessRunner.Run(NativeBinary.Path!, args, dir, new Dictionary<string, string?>(GitCli.Environment) { ["NO_COLOR"] = "1", ["HOTFIX_USER"] = "sandro" });

    [NativeBinaryFact]
    public void Decide_prints_json_and_records_the_decision()
    {
        using var dir = FileRecords.Workspace();
        var result = Native(dir.Path, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--rollback-loses-data", "--incident", "INC-2026-0042", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(("forward-fix", "rollback-loses-data"), (json.GetProperty("decision").GetString(), json.GetProperty("rule").GetString()));
        Assert.Equal("unknown-root-cause-ongoing-impact", json.GetProperty("matched")[1].GetProperty("rule").GetString());
        Assert.True(json.GetProperty("nextSteps").GetArrayLength() > 3);
        var line = JsonDocument.Parse(File.ReadAllText(dir.Combine(".hotfix", "incidents", "INC-2026-0042.jsonl"))).RootElement;
        Assert.Equal("forward-fix", line.GetProperty("details").GetProperty("decision").GetString());

        var bad = Native(dir.Path, "decide", "--root-cause", "known", "--impact", "ongoing", "--services-affected", "2");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("hotfix: error: --culprit: missing with 2 services affected", bad.StandardError);
    }

    [NativeBinaryFact]
    public void Review_validates_records_with_fluent_validation_and_records_a_valid_one()
    {
        using var dir = FileRecords.Workspace();
        var requirement = JsonDocument.Parse(Native(dir.Path, "review", "--severity", "SEV1", "--format", "json").StandardOutput).RootElement;
        Assert.Equal(15, requirement.GetProperty("timeboxMinutes").GetInt32());

        var invalid = Native(dir.Path, "review", "--severity", "SEV1", "--incident", "INC-2026-0042", "--reviewer", "mira:incident-commander", "--checked", "M1,M2,M3,M4", "--skipped", "M5", "--format", "json");
        Assert.Equal(1, invalid.ExitCode);
        var problems = JsonDocument.Parse(invalid.StandardOutput).RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(["HF5001", "HF5001", "HF5003", "HF5004"], problems.Select(p => p.GetProperty("ruleId").GetString()));

        var due = DateTime.Now.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var valid = Native(dir.Path, "review", "--severity", "SEV1", "--incident", "INC-2026-0042", "--reviewer", "mira:incident-commander", "--checked", "M1,M2,M3,M4,M5",
            "--acknowledge", "I performed an expedited (not full) review of this hotfix.", "--follow-up", "OPS-1", "--follow-up-due", due);
        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.Contains("Review record: valid", valid.StandardOutput);
    }

    [NativeBinaryFact]
    public void Checklist_reads_the_change_set_in_the_native_binary()
    {
        using var repo = TestRepository.Create();
        repo.Commit("Policy", ("hotfix.json", File.ReadAllText(SourceTree.PathOf("samples", "policies", "hotfix.json"))));
        repo.Switch("hotfix/INC-2026-0042-fix-executor", create: true);
        repo.Commit("Fix", ("executor/run.go", "package main\n"));
        var result = Native(repo.Path, "checklist", "deploy", "--format", "markdown");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  - `bash ge-ops/infrastructure/local/k3s/executor/build-executor.sh`", result.StandardOutput);
        Assert.Contains("  - `kubectl rollout restart deployment/executor -n ge`", result.StandardOutput);
        Assert.DoesNotContain("admin-ui image", result.StandardOutput);
    }

    [NativeBinaryFact]
    public void Verify_and_record_follow_the_stability_window()
    {
        using var dir = FileRecords.Workspace();
        var deployed = DateTimeOffset.Now.AddHours(-25).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.Equal(0, Native(dir.Path, "verify", "INC-2026-0042", "--deployed", "--when", deployed).ExitCode);
        Assert.Equal(0, Native(dir.Path, "verify", "INC-2026-0042", "--at", "h1", "--check", "error-rate=pass", "--check", "response-times=pass", "--check", "error-patterns=pass", "--check", "clients=pass").ExitCode);
        Assert.Equal(0, Native(dir.Path, "verify", "INC-2026-0042", "--at", "h4", "--check", "no-recurrence=pass", "--check", "regression-suite=pass").ExitCode);
        var notYet = Native(dir.Path, "verify", "INC-2026-0042", "--declare-stable");
        Assert.Equal(1, notYet.ExitCode);
        Assert.Contains("h24 side-effects not checked yet", notYet.StandardError);
        Assert.Equal(0, Native(dir.Path, "verify", "INC-2026-0042", "--at", "h24", "--check", "side-effects=pass", "--check", "sustained-fix=pass:dashboards flat").ExitCode);
        var status = JsonDocument.Parse(Native(dir.Path, "verify", "INC-2026-0042", "--status", "--format", "json").StandardOutput).RootElement;
        Assert.True(status.GetProperty("stable").GetProperty("can").GetBoolean());
        Assert.Equal(0, Native(dir.Path, "verify", "INC-2026-0042", "--declare-stable").ExitCode);
        Assert.Equal(1, Native(dir.Path, "verify", "INC-2026-0042", "--close").ExitCode);

        var record = Native(dir.Path, "record", "INC-2026-0042", "--format", "json");
        Assert.True(record.ExitCode == 0, record.ToString());
        var events = JsonDocument.Parse(record.StandardOutput).RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(10, events.Count);
        Assert.Equal("dashboards flat", events[^2].GetProperty("details").GetProperty("note").GetString());
        Assert.Contains("Incident record — INC-2026-0042", Native(dir.Path, "record", "INC-2026-0042", "--format", "markdown").StandardOutput);
    }

    [NativeBinaryFact]
    public void Concurrent_native_processes_appending_to_one_record_never_interleave()
    {
        using var dir = FileRecords.Workspace();
        RecordConcurrency.AppendFromProcesses(dir.Path, i => ProcessRunner.Run(NativeBinary.Path!, RecordConcurrency.NoteArguments(i), dir.Path, RecordConcurrency.Environment));
    }
}
