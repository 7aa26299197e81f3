using System.Text.Json;
using Hotfix.Policy.TestRuns;

namespace Hotfix.Policy.Checks.Testing;

/// <summary>
/// The <c>recorded</c> member of a required test in JSON: null when no incident record was read; otherwise whether a
/// passing run is recorded, whether it passed only outside production-like environments, and every run.
/// </summary>
internal static class RecordedTestRunsJson
{
    public static void Write(Utf8JsonWriter writer, string suite, TestEvidence? evidence)
    {
        if (evidence is null)
        {
            writer.WriteNull("recorded");
            return;
        }

        writer.WriteStartObject("recorded");
        writer.WriteBoolean("passed", evidence.LatestPass(suite) is not null);
        writer.WriteBoolean("passedOnlyOutsideProductionLike", evidence.PassedOnlyOutsideProductionLike().Contains(suite));
        writer.WriteStartArray("runs");
        foreach (var run in evidence.RunsOf(suite))
        {
            writer.WriteStartObject();
            writer.WriteString("at", run.At);
            writer.WriteString("by", run.By);
            Scope.ScopeSection.WriteStringOrNull(writer, "feature", run.Feature);
            Scope.ScopeSection.WriteStringOrNull(writer, "environment", run.Environment);
            writer.WriteString("outcome", run.Passed ? TestRunEvents.Pass : TestRunEvents.Fail);
            if (run.ExitCode is { } code)
            {
                writer.WriteNumber("exitCode", code);
            }
            else
            {
                writer.WriteNull("exitCode");
            }

            writer.WriteBoolean("timedOut", run.TimedOut);
            writer.WriteNumber("durationMs", (long)run.Duration.TotalMilliseconds);
            writer.WriteStartArray("command");
            foreach (var word in run.Command)
            {
                writer.WriteStringValue(word);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
