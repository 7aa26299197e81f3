namespace Hotfix.Cli;

/// <summary>The exit codes scripts can rely on (README "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>check</c>: no blocking finding.</summary>
    public const int Success = 0;

    /// <summary>Blocking policy findings, or a decision that stops the caller.</summary>
    public const int PolicyFindings = 1;

    /// <summary>Invalid input or configuration; nothing was changed.</summary>
    public const int InvalidInput = 2;

    /// <summary>An operation (git, cluster) failed; nothing was left half-done and the message says what state things are in.</summary>
    public const int OperationFailed = 3;

    /// <summary>
    /// <c>rollback</c>: the rollback failed (API error, conflict, timeout, progress deadline, pods not ready). Nothing
    /// was retried; the message says what state the workload is in. Escalate — do not retry blindly.
    /// </summary>
    public const int Escalate = 4;

    /// <summary><c>status</c> with <c>--no-wait</c>: the rollout is still in progress.</summary>
    public const int RolloutProgressing = 10;

    /// <summary><c>status</c>: our --timeout ran out before the rollout finished.</summary>
    public const int RolloutTimedOut = 11;

    /// <summary><c>status</c>: the Deployment exceeded its progress deadline (ProgressDeadlineExceeded).</summary>
    public const int RolloutDeadlineExceeded = 12;

    /// <summary><c>status</c>: the Deployment is paused; the rollout cannot finish until it is resumed.</summary>
    public const int RolloutPaused = 13;

    /// <summary><c>status</c>: the workload was deleted while we watched.</summary>
    public const int RolloutDeleted = 14;

    /// <summary><c>status</c>: the update strategy is not RollingUpdate; there is no rollout to follow.</summary>
    public const int RolloutUnsupported = 15;

    /// <summary><c>status</c>: the rollout is complete but the pods are not all running and ready (e.g. CrashLoopBackOff).</summary>
    public const int PodsNotReady = 16;

    /// <summary>A bug in hotfix (an unexpected exception); the message asks for a report. Like sysexits' EX_SOFTWARE.</summary>
    public const int InternalError = 70;
}
