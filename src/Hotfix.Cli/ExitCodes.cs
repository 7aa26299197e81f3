namespace Hotfix.Cli;

/// <summary>The exit codes scripts can rely on (README "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Success; for <c>check</c>: no blocking finding.</summary>
    public const int Success = 0;

    /// <summary>Blocking policy findings, or a decision that stops the caller.</summary>
    public const int PolicyFindings = 1;

    /// <summary>Invalid input or configuration; nothing was changed.</summary>
    public const int InvalidInput = 2;

    /// <summary>An operation (git, cluster) failed; nothing was left half-done and the message says what state things are in.</summary>
    public const int OperationFailed = 3;

    /// <summary>A bug in hotfix (an unexpected exception); the message asks for a report. Like sysexits' EX_SOFTWARE.</summary>
    public const int InternalError = 70;
}
