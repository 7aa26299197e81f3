namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// The outcome of each rerun in a campaign, so one test run reports every kill point that did not converge rather
/// than the first.
/// </summary>
internal sealed class ConvergenceLog(FinishFixture start)
{
    private readonly List<string> failures = [];

    /// <param name="path">The repository the rerun ran in.</param>
    /// <param name="context">Where the kill was, for the report.</param>
    /// <param name="exitCode">The rerun's exit code.</param>
    /// <param name="rerun">The rerun's output, for the report.</param>
    /// <param name="finishedAlready">A non-zero exit that says the finish was already complete (a kill after the end).</param>
    public void Check(string path, string context, int exitCode, string rerun, bool finishedAlready = false)
    {
        if (exitCode != 0 && !finishedAlready)
        {
            failures.Add($"{context}: rerun {rerun}");
            return;
        }

        try
        {
            Converged.Assert(path, start, context);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            failures.Add(e.Message);
        }
    }

    public void AssertNone() => Assert.True(failures.Count == 0, string.Join("\n\n", failures));
}
