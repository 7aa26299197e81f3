using System.Text.Json;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// The JSON of <c>hotfix rollback|history|status --format json</c> and of the rollback record (docs/commands/*.md).
/// Written with <see cref="Utf8JsonWriter"/> so it needs no reflection (native AOT). Every key is always present.
/// </summary>
internal static class RolloutJson
{
    public static void WriteWorkload(Utf8JsonWriter w, WorkloadRef workload)
    {
        w.WriteStartObject();
        w.WriteString("kind", workload.Kind.Name());
        w.WriteString("name", workload.Name);
        w.WriteString("namespace", workload.Namespace);
        w.WriteEndObject();
    }

    public static void WriteHistory(Utf8JsonWriter w, RolloutHistory history)
    {
        w.WriteStartObject();
        w.WritePropertyName("workload");
        WriteWorkload(w, history.Workload);
        Number(w, "currentRevision", history.CurrentRevision);
        w.WriteStartArray("revisions");
        foreach (var r in history.Revisions)
        {
            w.WriteStartObject();
            w.WriteNumber("revision", r.Revision);
            w.WriteString("source", r.Source);
            w.WriteString("templateHash", r.TemplateHash);
            w.WriteString("changeCause", r.ChangeCause);
            w.WriteBoolean("current", r.IsCurrent);
            w.WriteString("created", r.Created?.ToString("O"));
            WriteImages(w, "images", r.Images);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "warnings", history.Warnings);
        w.WriteEndObject();
    }

    public static void WritePlan(Utf8JsonWriter w, RollbackPlan plan, IReadOnlyList<string> kubectlCommands)
    {
        w.WriteStartObject();
        w.WritePropertyName("workload");
        WriteWorkload(w, plan.Workload);
        w.WriteString("status", plan.Status switch
        {
            RollbackPlanStatus.Ready => "ready",
            RollbackPlanStatus.AlreadyAtTarget => "already-at-target",
            _ => "refused",
        });
        w.WriteNumber("requestedRevision", plan.RequestedRevision);
        Number(w, "fromRevision", plan.FromRevision);
        Number(w, "toRevision", plan.ToRevision);
        Number(w, "restoredAsRevision", plan.RestoredAsRevision);
        w.WriteString("target", plan.TargetName);
        w.WriteString("targetHash", plan.TargetHash);
        WriteImages(w, "imagesBefore", plan.ImagesBefore);
        WriteImages(w, "imagesAfter", plan.ImagesAfter);
        w.WriteString("changeCauseBefore", plan.ChangeCauseBefore);
        w.WriteString("changeCauseAfter", plan.ChangeCauseAfter);
        if (plan.Refusal is { } refusal)
        {
            w.WriteStartObject("refusal");
            w.WriteString("kind", refusal.Kind switch
            {
                RollbackRefusalKind.Paused => "paused",
                RollbackRefusalKind.NoHistory => "no-history",
                _ => "revision-not-found",
            });
            w.WriteString("message", refusal.Message);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("refusal");
        }

        w.WriteString("skipMessage", plan.SkipMessage);
        w.WriteString("resourceVersion", plan.ResourceVersion);
        if (plan.Patch is { } patch)
        {
            w.WriteStartObject("patch");
            w.WriteString("contentType", patch.ContentType);
            w.WriteString("precondition", patch.Precondition);
            w.WriteString("body", patch.Body);
            w.WriteString("kubectlBody", patch.KubectlBody);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("patch");
        }

        w.WriteString("selector", plan.Selector);
        Strings(w, "warnings", plan.Warnings);
        Strings(w, "kubectl", kubectlCommands);
        w.WriteEndObject();
    }

    public static void WriteWait(Utf8JsonWriter w, RolloutWaitResult wait)
    {
        w.WriteStartObject();
        w.WriteString("verdict", wait.Status.Verdict.Name());
        w.WriteString("message", wait.Status.Message);
        w.WriteNumber("waitedSeconds", Math.Round(wait.Waited.TotalSeconds, 3));
        w.WriteNumber("watchResumes", wait.WatchResumes);
        w.WriteBoolean("polled", wait.FellBackToPolling);
        Number(w, "revision", wait.Revision);
        w.WriteEndObject();
    }

    public static void WritePods(Utf8JsonWriter w, PodSummary pods)
    {
        w.WriteStartObject();
        w.WriteString("selector", pods.Selector);
        w.WriteNumber("expected", pods.Expected);
        w.WriteNumber("runningAndReady", pods.RunningAndReady);
        w.WriteBoolean("healthy", pods.IsHealthy);
        w.WriteStartArray("pods");
        foreach (var p in pods.Pods)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("phase", p.Phase);
            w.WriteBoolean("ready", p.Ready);
            w.WriteNumber("restarts", p.Restarts);
            w.WriteString("reason", p.Reason);
            w.WriteBoolean("terminating", p.Terminating);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One rollback record (a line of the record file, and <c>hotfix rollback --format json</c>).</summary>
    public static void WriteRecord(Utf8JsonWriter w, RollbackRecord record, IReadOnlyList<string> kubectlCommands)
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", RollbackRecord.SchemaVersion);
        w.WriteString("type", "rollback");
        w.WriteString("id", record.Id);
        w.WriteString("phase", record.Phase);
        w.WriteString("incidentId", record.Incident?.ToString());
        w.WriteString("who", record.Who);
        w.WriteString("when", record.When.ToString("O"));
        w.WriteString("why", record.Why);
        w.WriteString("cluster", record.Target);
        w.WritePropertyName("workload");
        WriteWorkload(w, record.Workload);
        w.WritePropertyName("plan");
        if (record.Plan is { } plan)
        {
            WritePlan(w, plan, kubectlCommands);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("outcome");
        if (record.Outcome is { } o)
        {
            w.WriteStartObject();
            w.WriteString("result", o.Result.Name());
            w.WriteString("message", o.Message);
            w.WriteString("state", o.State);
            w.WriteString("failedAt", o.FailedAt?.ToString().ToLowerInvariant());
            w.WriteNumber("writes", o.Attempts);

            // Only a patch refused for a stale resourceVersion is ever sent again (StalePreconditionRetry).
            w.WriteBoolean("retried", o.Attempts > 1);
            w.WriteBoolean("escalate", o.Escalate);
            w.WriteString("escalation", o.Escalate ? RollbackOutcome.EscalationMessage : null);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("verification");
        if (record.Verification is { } v)
        {
            w.WriteStartObject();
            w.WritePropertyName("rollout");
            if (v.Rollout is { } rollout)
            {
                WriteWait(w, rollout);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WritePropertyName("pods");
            if (v.Pods is { } pods)
            {
                WritePods(w, pods);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteStartArray("manualChecks");
            foreach (var check in v.ManualChecks)
            {
                w.WriteStartObject();
                w.WriteString("check", check);
                w.WriteBoolean("done", false);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteEndObject();
    }

    /// <summary>Runs <paramref name="write"/> into a string (compact, or indented for people).</summary>
    public static string ToJson(Action<Utf8JsonWriter> write, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteImages(Utf8JsonWriter w, string name, IReadOnlyList<ContainerImage> images)
    {
        w.WriteStartArray(name);
        foreach (var image in images)
        {
            w.WriteStartObject();
            w.WriteString("container", image.Container);
            w.WriteString("image", image.Image);
            w.WriteBoolean("init", image.Init);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
