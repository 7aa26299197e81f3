namespace Hotfix.Policy.Policies;

/// <summary>
/// An environment test suites run in (<c>hotfix test SUITE --env NAME</c>). The runbook's "ANTI_PATTERN: testing only in
/// dev environment — FIX: if staging exists, test there — production-like environment catches config-dependent bugs":
/// an environment marked <see cref="ProductionLike"/> is where the mandatory suites should pass before the deploy.
/// </summary>
public sealed class EnvironmentPolicy
{
    /// <summary>The environment's name, as <c>--env</c> takes it (lowercase words and hyphens, e.g. staging).</summary>
    public string Name { get; init; } = "";

    /// <summary>True for an environment configured like production (staging): passes there count as tested where it matters.</summary>
    public bool ProductionLike { get; init; }
}
