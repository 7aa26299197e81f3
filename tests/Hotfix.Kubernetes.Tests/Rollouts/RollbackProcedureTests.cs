using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport;
using static Hotfix.Kubernetes.Tests.Rollouts.Fixtures;

namespace Hotfix.Kubernetes.Tests.Rollouts;

/// <summary>The guarded procedure's order and its failure handling, with a scripted port (the CLI tests use a real API server).</summary>
public class RollbackProcedureTests
{
    private static readonly WorkloadRef Web = new(WorkloadKind.Deployment, "web", "shop");
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 3, 24, 10, 0, 0, TimeSpan.Zero));

    private static RollbackRequest Request(bool dryRun = false, string? why = "v3 breaks checkout") =>
        new(Web, 0, TimeSpan.FromSeconds(120), "alice", why, IncidentId.Parse("INC-2026-0042"), dryRun);

    private static RollbackPlan ReadyPlan() => DeploymentRollbacker.Instance.Plan(
        Deployment("web:v3", "3"),
        [ReplicaSet("web-aaa", "web:v1", "1", Stamp(1)), ReplicaSet("web-bbb", "web:v2", "2", Stamp(2)), ReplicaSet("web-ccc", "web:v3", "3", Stamp(3))],
        0);

    [Fact]
    public async Task Plans_records_applies_waits_checks_pods_and_records_again_in_that_order()
    {
        var port = new ScriptedController(ReadyPlan());
        var recorder = new ListRecorder(port.Calls);
        var planned = false;
        var record = await new RollbackProcedure(port, recorder, Clock) { Planned = _ => planned = true }.RunAsync(Request(), default);

        Assert.True(planned);
        Assert.Equal(["plan", "record:started", "apply", "wait", "pods", "record:finished"], port.Calls);
        Assert.Equal(RollbackResult.RolledBack, record.Outcome!.Result);
        Assert.Equal(1, record.Outcome.Attempts);
        Assert.Equal("alice", record.Who);
        Assert.Equal(Clock.Now, recorder.Records[0].When);
        Assert.Equal(RollbackVerification.RunbookChecks, record.Verification!.ManualChecks);
    }

    [Fact]
    public async Task A_reason_is_required_unless_dry_run()
    {
        await Assert.ThrowsAsync<HotfixInputException>(() => new RollbackProcedure(new ScriptedController(ReadyPlan()), null, Clock).RunAsync(Request(why: " "), default));
        var dry = await new RollbackProcedure(new ScriptedController(ReadyPlan()), null, Clock).RunAsync(Request(dryRun: true, why: null), default);
        Assert.Equal(RollbackResult.DryRun, dry.Outcome!.Result);
    }

    [Fact]
    public async Task A_dry_run_never_writes_or_records()
    {
        var port = new ScriptedController(ReadyPlan());
        var recorder = new ListRecorder(port.Calls);
        await new RollbackProcedure(port, recorder, Clock).RunAsync(Request(dryRun: true), default);
        Assert.Equal(["plan"], port.Calls);
    }

    [Theory]
    [InlineData(ApiFailureKind.Unavailable, true, "may or may not have been applied", RollbackResult.Unknown)]
    [InlineData(ApiFailureKind.Rejected, false, "the API server rejected the patch", RollbackResult.Failed)]
    public async Task A_failed_apply_is_not_retried_and_says_the_state(ApiFailureKind kind, bool unknown, string state, RollbackResult result)
    {
        var port = new ScriptedController(ReadyPlan()) { ApplyFails = new KubernetesApiException("PATCH deployments/web", kind, 500, "boom", unknown) };
        var record = await new RollbackProcedure(port, new ListRecorder(port.Calls), Clock).RunAsync(Request(), default);

        Assert.Equal(["plan", "record:started", "apply", "record:finished"], port.Calls);
        Assert.Equal(result, record.Outcome!.Result);
        Assert.Equal(RollbackStage.Apply, record.Outcome.FailedAt);
        Assert.True(record.Outcome.Escalate);
        Assert.Contains(state, record.Outcome.State);
    }

    [Fact]
    public async Task A_patch_refused_for_a_stale_resource_version_is_planned_again_and_the_fresh_plan_is_sent()
    {
        var port = new ScriptedController(ReadyPlan()) { Conflicts = 1 };
        var record = await new RollbackProcedure(port, new ListRecorder(port.Calls), Clock).RunAsync(Request(), default);

        Assert.Equal(["plan", "record:started", "apply", "plan", "apply", "wait", "pods", "record:finished"], port.Calls);
        Assert.Equal(RollbackResult.RolledBack, record.Outcome!.Result);
        Assert.Equal(2, record.Outcome.Attempts);
        Assert.Equal([ReadyPlan().ResourceVersion, ReadyPlan().ResourceVersion + "-2"], port.Applied.Select(p => p.ResourceVersion));
        Assert.Equal(port.Applied[^1], record.Plan);
    }

    [Fact]
    public async Task A_conflict_on_every_patch_stops_after_three_writes_and_says_nothing_was_changed()
    {
        var port = new ScriptedController(ReadyPlan()) { Conflicts = int.MaxValue };
        var record = await new RollbackProcedure(port, new ListRecorder(port.Calls), Clock).RunAsync(Request(), default);

        // The third refusal is read again too, so what the message says about the spec was checked.
        Assert.Equal(["plan", "record:started", "apply", "plan", "apply", "plan", "apply", "plan", "record:finished"], port.Calls);
        Assert.Equal(RollbackResult.Failed, record.Outcome!.Result);
        Assert.Equal(3, record.Outcome.Attempts);
        Assert.StartsWith("nothing was changed", record.Outcome.State);
        Assert.Contains("changed before each of 3 patches", record.Outcome.State);
    }

    [Fact]
    public async Task A_conflict_although_the_resource_version_did_not_move_is_not_resent()
    {
        var port = new ScriptedController(ReadyPlan()) { Conflicts = int.MaxValue, SameResourceVersion = true };
        var record = await new RollbackProcedure(port, new ListRecorder(port.Calls), Clock).RunAsync(Request(), default);

        Assert.Equal(["plan", "record:started", "apply", "plan", "record:finished"], port.Calls);
        Assert.Equal(RollbackResult.Failed, record.Outcome!.Result);
        Assert.Equal(1, record.Outcome.Attempts);
        Assert.StartsWith("nothing was changed", record.Outcome.State);
    }

    [Fact]
    public async Task A_read_again_that_never_answers_ends_at_the_timeout_failed_with_nothing_changed_not_unknown()
    {
        var (time, port, recorder, run) = await StartHangingAsync("replan");

        time.Advance(TimeSpan.FromSeconds(120));
        var record = await run;

        Assert.Equal(["plan", "record:started", "apply", "plan", "record:finished"], port.Calls);
        Assert.Equal(RollbackResult.Failed, record.Outcome!.Result);
        Assert.Equal(RollbackStage.Apply, record.Outcome.FailedAt);
        Assert.Equal(1, record.Outcome.Attempts);
        Assert.StartsWith("nothing was changed", record.Outcome.State);
        Assert.Equal("failed", recorder.Records[^1].Outcome!.Result.Name());
    }

    [Theory]
    [InlineData(RolloutVerdict.TimedOut, "did not finish within 120s")]
    [InlineData(RolloutVerdict.DeadlineExceeded, "ProgressDeadlineExceeded")]
    [InlineData(RolloutVerdict.Deleted, "was deleted during the rollout")]
    public async Task A_rollout_that_does_not_complete_escalates_without_checking_pods(RolloutVerdict verdict, string state)
    {
        var port = new ScriptedController(ReadyPlan()) { Verdict = verdict };
        var record = await new RollbackProcedure(port, new ListRecorder(port.Calls), Clock).RunAsync(Request(), default);

        Assert.Equal(["plan", "record:started", "apply", "wait", "record:finished"], port.Calls);
        Assert.Equal(RollbackStage.Status, record.Outcome!.FailedAt);
        Assert.Contains(state, record.Outcome.State);
    }

    [Fact]
    public async Task Pods_that_are_not_ready_fail_the_verification()
    {
        var port = new ScriptedController(ReadyPlan()) { Pods = new PodSummary("app=web", 2, [new("web-1", "Running", true, 0, null, false), new("web-2", "Pending", false, 0, "ImagePullBackOff", false)]) };
        var record = await new RollbackProcedure(port, new ListRecorder(port.Calls), Clock).RunAsync(Request(), default);

        Assert.Equal(RollbackStage.Pods, record.Outcome!.FailedAt);
        Assert.Contains("web-2 (Pending, ImagePullBackOff)", record.Outcome.State);
    }

    [Fact]
    public async Task A_rollback_that_cannot_be_documented_is_not_started()
    {
        var port = new ScriptedController(ReadyPlan());
        var record = await new RollbackProcedure(port, new ListRecorder(port.Calls) { Fails = true }, Clock).RunAsync(Request(), default);

        Assert.Equal(["plan"], port.Calls);
        Assert.Equal(RollbackStage.Record, record.Outcome!.FailedAt);
        Assert.Contains("nothing was changed", record.Outcome.State);
    }

    [Fact]
    public async Task A_missing_workload_is_bad_input()
    {
        var port = new ScriptedController(ReadyPlan()) { PlanFails = new KubernetesApiException("GET deployments/web", ApiFailureKind.NotFound, 404, "not found", false) };
        var error = await Assert.ThrowsAsync<HotfixInputException>(() => new RollbackProcedure(port, null, Clock).RunAsync(Request(), default));
        Assert.Contains("deployment/web: not found in namespace 'shop'", error.Message);
    }

    [Fact]
    public async Task A_plan_that_never_answers_ends_at_the_timeout_failed_before_any_write()
    {
        var (time, port, _, run) = await StartHangingAsync("plan");

        time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var record = await run;

        Assert.Equal(["plan", "record:finished"], port.Calls);
        Assert.Equal(RollbackResult.Failed, record.Outcome!.Result);
        Assert.Equal(RollbackStage.Plan, record.Outcome.FailedAt);
        Assert.Equal(0, record.Outcome.Attempts);
        Assert.Contains("did not answer within the --timeout of 120s", record.Outcome.Message);
        Assert.StartsWith("nothing was changed", record.Outcome.State);
    }

    [Fact]
    public async Task A_patch_that_never_answers_ends_at_the_timeout_with_an_unknown_outcome_that_is_recorded()
    {
        var (time, port, recorder, run) = await StartHangingAsync("apply");

        time.Advance(TimeSpan.FromSeconds(120));
        var record = await run;

        Assert.Equal(["plan", "record:started", "apply", "record:finished"], port.Calls);
        Assert.Equal(RollbackResult.Unknown, record.Outcome!.Result);
        Assert.True(record.Outcome.Escalate);
        Assert.Equal(1, record.Outcome.Attempts);
        Assert.Contains("hotfix history deployment/web -n shop", record.Outcome.State);
        Assert.Equal("unknown", recorder.Records[^1].Outcome!.Result.Name());
    }

    [Fact]
    public async Task The_wait_gets_what_is_left_of_the_timeout()
    {
        var (time, port, _, run) = await StartHangingAsync("plan", release: true);

        time.Advance(TimeSpan.FromSeconds(30));
        port.Release.SetResult();
        await run;

        Assert.Equal(TimeSpan.FromSeconds(90), port.WaitedWith);
    }

    /// <summary>A rollback (timeout 120 s, manual time) started and stopped inside <paramref name="step"/>, which hangs.</summary>
    private static async Task<(ManualTimeProvider Time, ScriptedController Port, ListRecorder Recorder, Task<RollbackRecord> Run)> StartHangingAsync(string step, bool release = false)
    {
        var time = new ManualTimeProvider();
        var port = new ScriptedController(ReadyPlan()) { Hangs = step, ReleaseAfterHang = release, Conflicts = step == "replan" ? 1 : 0 };
        var recorder = new ListRecorder(port.Calls);
        var run = new RollbackProcedure(port, recorder, time).RunAsync(Request(), default);
        await port.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (time, port, recorder, run);
    }

    private sealed class ListRecorder(List<string> calls) : IRollbackRecorder
    {
        public List<RollbackRecord> Records { get; } = [];

        public bool Fails { get; init; }

        public string Location => "memory";

        public void Append(RollbackRecord record)
        {
            if (Fails)
            {
                throw new IOException("disk full");
            }

            calls.Add("record:" + record.Phase);
            Records.Add(record);
        }
    }

    private sealed class ScriptedController(RollbackPlan plan) : IWorkloadController
    {
        private int plans;

        public List<string> Calls { get; } = [];

        public KubernetesApiException? PlanFails { get; init; }

        public KubernetesApiException? ApplyFails { get; init; }

        public RolloutVerdict Verdict { get; init; } = RolloutVerdict.Complete;

        /// <summary>The step ("plan" or "apply") that waits until its token is cancelled (or <see cref="Release"/> when set).</summary>
        public string? Hangs { get; init; }

        public bool ReleaseAfterHang { get; init; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TimeSpan? WaitedWith { get; private set; }

        public PodSummary Pods { get; init; } = new("app=web", 2, [new("web-1", "Running", true, 0, null, false), new("web-2", "Running", true, 0, null, false)]);

        public string Target => "scripted";

        public Task<RolloutHistory> GetHistoryAsync(WorkloadRef workload, CancellationToken cancellationToken) => Task.FromResult(plan.History);

        /// <summary>How many patches the server refuses for a stale resourceVersion (422 from the JSON-patch test).</summary>
        public int Conflicts { get; init; }

        /// <summary>Plans read again keep the first plan's resourceVersion (else each read gets a newer one).</summary>
        public bool SameResourceVersion { get; init; }

        public List<RollbackPlan> Applied { get; } = [];

        public Task<RollbackPlan> PlanRollbackAsync(WorkloadRef workload, long toRevision, CancellationToken cancellationToken)
        {
            Calls.Add("plan");
            plans++;
            var read = plans == 1 || SameResourceVersion ? plan : plan with { ResourceVersion = $"{plan.ResourceVersion}-{plans}" };
            return Hangs == "plan" || (Hangs == "replan" && plans > 1) ? HangAsync(read, cancellationToken) : PlanFails is null ? Task.FromResult(read) : Task.FromException<RollbackPlan>(PlanFails);
        }

        public Task ApplyRollbackAsync(RollbackPlan p, CancellationToken cancellationToken)
        {
            Calls.Add("apply");
            Applied.Add(p);
            if (Applied.Count <= Conflicts)
            {
                return Task.FromException(new KubernetesApiException("PATCH deployments/web", ApiFailureKind.Conflict, 422, "the server rejected our request due to an error in our request: testing value /metadata/resourceVersion failed: test failed (HTTP 422)", false));
            }

            return Hangs == "apply" ? HangAsync(true, cancellationToken) : ApplyFails is null ? Task.CompletedTask : Task.FromException(ApplyFails);
        }

        public Task<RestartResult> RestartAsync(WorkloadRef workload, DateTimeOffset at, bool dryRun, CancellationToken cancellationToken) =>
            throw new NotSupportedException("not part of a rollback");

        public Task<RolloutWaitResult> WaitForRolloutAsync(WorkloadRef workload, TimeSpan timeout, bool wait, Action<RolloutStatus>? progress, CancellationToken cancellationToken)
        {
            Calls.Add("wait");
            WaitedWith = timeout;
            return Task.FromResult(new RolloutWaitResult(new RolloutStatus(Verdict, Verdict.Name()), TimeSpan.FromSeconds(3), 0, false, 4));
        }

        public Task<PodSummary> ListPodsAsync(WorkloadRef workload, CancellationToken cancellationToken)
        {
            Calls.Add("pods");
            return Task.FromResult(Pods);
        }

        // Like a request to a server that never answers: it ends only when the caller gives up.
        private async Task<T> HangAsync<T>(T result, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await (ReleaseAfterHang ? Release.Task.WaitAsync(cancellationToken) : Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
            return result;
        }
    }
}
