namespace Hotfix.Policy.Workloads;

/// <summary>
/// The typed outcome of watching a rollout (kubectl only knows "done" or an error string). Each verdict has its own
/// exit code in <c>hotfix status</c> (docs/commands/status.md).
/// </summary>
public enum RolloutVerdict
{
    /// <summary>The rollout finished: every replica updated and available.</summary>
    Complete,

    /// <summary>Still rolling out (only when asked not to wait).</summary>
    Progressing,

    /// <summary>The controller gave up: condition Progressing with reason ProgressDeadlineExceeded (the server's deadline).</summary>
    DeadlineExceeded,

    /// <summary>Our own --timeout ran out before the rollout finished (the client's deadline).</summary>
    TimedOut,

    /// <summary>The workload was deleted while we watched (or does not exist).</summary>
    Deleted,

    /// <summary>The Deployment is paused, so the rollout cannot finish until someone resumes it.</summary>
    Paused,

    /// <summary>The workload's update strategy is not RollingUpdate; kubectl cannot track it either.</summary>
    Unsupported,
}

/// <summary>One evaluation of a workload's status: kubectl's message, whether it is done, and our verdict.</summary>
/// <param name="Verdict">Our verdict; each has its own exit code in <c>hotfix status</c>.</param>
/// <param name="Message">kubectl's message for the status (e.g. "deployment "web" successfully rolled out").</param>
public sealed record RolloutStatus(RolloutVerdict Verdict, string Message)
{
    /// <summary>True when the rollout is complete: every replica updated and available.</summary>
    public bool IsDone => Verdict == RolloutVerdict.Complete;

    /// <summary>True when waiting longer cannot change the outcome.</summary>
    public bool IsFinal => Verdict is not RolloutVerdict.Progressing;
}

internal static class RolloutVerdicts
{
    public static string Name(this RolloutVerdict verdict) => verdict switch
    {
        RolloutVerdict.Complete => "complete",
        RolloutVerdict.Progressing => "progressing",
        RolloutVerdict.DeadlineExceeded => "deadline-exceeded",
        RolloutVerdict.TimedOut => "timed-out",
        RolloutVerdict.Deleted => "deleted",
        RolloutVerdict.Paused => "paused",
        _ => "unsupported",
    };
}
