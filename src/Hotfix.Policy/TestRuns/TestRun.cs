namespace Hotfix.Policy.TestRuns;

/// <summary>One run of a test suite, as <c>hotfix test</c> records it in the incident record.</summary>
/// <param name="Suite">The suite (policy <c>tests.commands</c> key): smoke, regression, integration …</param>
/// <param name="Feature">The feature the suite was narrowed to (<c>--feature</c>); null when none.</param>
/// <param name="Environment">Where it ran (<c>--env</c>); null when not said.</param>
/// <param name="Command">The words that were run (placeholders filled in).</param>
/// <param name="ExitCode">The command's exit code; null when it was stopped by the timeout.</param>
/// <param name="TimedOut">True when <c>--timeout</c> stopped it (it counts as failed).</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="By">Who ran it.</param>
/// <param name="At">When it started.</param>
internal sealed record TestRun(
    string Suite,
    string? Feature,
    string? Environment,
    IReadOnlyList<string> Command,
    int? ExitCode,
    bool TimedOut,
    TimeSpan Duration,
    string By,
    DateTimeOffset At)
{
    /// <summary>Exit 0 is a pass; anything else, or a timeout, is a fail.</summary>
    public bool Passed => ExitCode == 0 && !TimedOut;
}
