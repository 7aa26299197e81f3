using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Policy.Records;
using Hotfix.Policy.Workflow;

namespace Hotfix.Policy.TestRuns;

/// <summary>Test runs in the incident record: one <c>test-run</c> entry each, read back into <see cref="TestRun"/>s.</summary>
internal static class TestRunEvents
{
    public const string Pass = "pass";
    public const string Fail = "fail";

    public static IncidentEvent ToEvent(IncidentId incident, TestRun run)
    {
        var where = run.Environment is null ? string.Empty : $" in {run.Environment}";
        var feature = run.Feature is null ? string.Empty : $" ({run.Feature})";
        var result = run.TimedOut ? "fail (timed out)" : run.Passed ? "pass" : $"fail (exit {run.ExitCode})";
        var command = new JsonArray();
        foreach (var word in run.Command)
        {
            command.Add((JsonNode?)JsonValue.Create(word));
        }

        return new IncidentEvent
        {
            Incident = incident,
            Kind = IncidentEventKinds.TestRun,
            At = run.At,
            By = run.By,
            Summary = $"{run.Suite}{feature}{where}: {result} in {Seconds(run.Duration)} — {ShellWords.Join([.. run.Command])}",
            Outcome = run.Passed ? Pass : Fail,
            Details = new JsonObject
            {
                ["suite"] = run.Suite,
                ["feature"] = run.Feature,
                ["environment"] = run.Environment,
                ["command"] = command,
                ["exitCode"] = run.ExitCode,
                ["timedOut"] = run.TimedOut,
                ["durationMs"] = (long)run.Duration.TotalMilliseconds,
            },
        };
    }

    /// <summary>Every test run of <paramref name="events"/>, oldest first; entries without a suite are skipped.</summary>
    public static IReadOnlyList<TestRun> Read(IEnumerable<IncidentEvent> events) =>
        events.Where(e => e.Kind == IncidentEventKinds.TestRun).Select(FromEvent).OfType<TestRun>().OrderBy(r => r.At).ToList();

    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString(duration.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";

    private static TestRun? FromEvent(IncidentEvent e)
    {
        if (e.Details is not { } d || Text(d, "suite") is not { } suite)
        {
            return null;
        }

        var command = d["command"] is JsonArray words
            ? words.Select(w => w is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
        int? exitCode = d["exitCode"] is JsonValue code && code.TryGetValue<int>(out var c) ? c : null;
        var timedOut = d["timedOut"] is JsonValue t && t.TryGetValue<bool>(out var b) && b;
        var duration = d["durationMs"] is JsonValue ms && ms.TryGetValue<long>(out var m) ? TimeSpan.FromMilliseconds(m) : TimeSpan.Zero;

        return new TestRun(suite, Text(d, "feature"), Text(d, "environment"), command, exitCode, timedOut, duration, e.By, e.At);
    }

    private static string? Text(JsonObject details, string key) =>
        details[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
