namespace Hotfix.Policy.Workloads;

/// <summary>
/// Sends a rollback's or restart's patch and, when only its resourceVersion precondition went stale, plans again from
/// the object as it is now and sends that. Every write to an object moves its resourceVersion, the controllers' status
/// writes too — every few seconds during a rollout — so a patch read a moment before can be refused although nobody
/// changed what it restores. The generation moves only with the spec: while it and the planned revisions stay the
/// same, the fresh plan is the plan the person saw, with a current precondition. A generation moved only by a scaler
/// (<c>spec.replicas</c>, which no patch writes) is the same case (<see cref="PlanChanges"/> compares the specs).
/// Anything else stops it, and a plan computed from an older object is never sent. Bounded: <see cref="MaxWrites"/> patches, each step within the
/// caller's deadline (the callbacks bring it).
/// </summary>
internal sealed class StalePreconditionRetry<TPlan>(TPlan plan)
    where TPlan : class
{
    /// <summary>Patches sent at most: status writes between a read and a patch milliseconds later are rare, not endless.</summary>
    public const int MaxWrites = 3;

    /// <summary>The plan last sent (the fresh one after a re-read).</summary>
    public TPlan Plan { get; private set; } = plan;

    /// <summary>Patches sent so far.</summary>
    public int Writes { get; private set; }

    /// <summary>True while re-reading: every patch sent so far was refused, so a failure now leaves nothing that may land.</summary>
    public bool Rereading { get; private set; }

    /// <summary>The last refusal of the precondition (the server's words), when there was one.</summary>
    public KubernetesApiException? LastConflict { get; private set; }

    /// <summary>True when it stopped because every one of <see cref="MaxWrites"/> patches found a newer resourceVersion.</summary>
    public bool KeptChanging { get; private set; }

    /// <summary>The plan made from the last re-read (after the last refusal too); null before any refusal.</summary>
    public TPlan? LastRead { get; private set; }

    /// <summary>
    /// Null once a patch was accepted; else why it stopped: what changed since the plan (see
    /// <paramref name="whatChanged"/>), or — with <see cref="KeptChanging"/> — that the resourceVersion never held
    /// still (<paramref name="keptChanging"/> words it from the first plan and the last re-read). Other API failures
    /// and cancellation propagate; <see cref="Rereading"/> and <see cref="Writes"/> say where.
    /// </summary>
    public async Task<string?> RunAsync(Func<TPlan, Task> apply, Func<Task<TPlan>> replan, Func<TPlan, TPlan, string?> whatChanged, Func<TPlan, TPlan, int, string> keptChanging)
    {
        var first = Plan;
        while (true)
        {
            Writes++;
            try
            {
                await apply(Plan).ConfigureAwait(false);
                return null;
            }
            catch (KubernetesApiException e) when (e.Kind == ApiFailureKind.Conflict && !e.WriteOutcomeUnknown)
            {
                LastConflict = e;
            }

            // The last refusal is read again too: what the stop says about the spec is then checked, not assumed.
            Rereading = true;
            var fresh = await replan().ConfigureAwait(false);
            Rereading = false;
            LastRead = fresh;
            if (whatChanged(Plan, fresh) is { } changed)
            {
                return changed;
            }

            if (Writes >= MaxWrites)
            {
                KeptChanging = true;
                return keptChanging(first, fresh, Writes);
            }

            Plan = fresh;
        }
    }
}
