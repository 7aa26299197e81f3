namespace Hotfix.Policy.Checks.Testing;

/// <summary>When a required test runs.</summary>
internal static class TestTiming
{
    public const string PreDeploy = "pre-deploy";

    /// <summary>SKIP_WITH_JUSTIFICATION (SEV1 only): the suite runs after the deploy instead, with a justification.</summary>
    public const string PostDeploy = "post-deploy";
}

/// <summary>One test the runbook requires for this change.</summary>
/// <param name="Id">The test id (policy <c>tests.*</c>): smoke, regression, integration, migration-up-down …</param>
/// <param name="Reason">Why it is required here: mandatory, or the change kind with the file or signal that showed it.</param>
/// <param name="RunbookLine">The runbook line that requires it, quoted.</param>
/// <param name="When"><see cref="TestTiming.PreDeploy"/>, or <see cref="TestTiming.PostDeploy"/> for a SEV1 deferral.</param>
/// <param name="Description">What the test must show, in the runbook's words.</param>
/// <param name="Command">The command from policy <c>tests.commands</c>, when there is one.</param>
/// <param name="JustificationRequired">A post-deploy deferral needs a justification from the team.</param>
/// <param name="Justification">The team's justification for the deferral (<c>--justify</c>), verbatim; null until given.</param>
internal sealed record RequiredTest(
    string Id,
    string Reason,
    string RunbookLine,
    string When,
    string Description,
    string? Command,
    bool JustificationRequired,
    string? Justification = null);
