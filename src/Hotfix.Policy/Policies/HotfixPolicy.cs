namespace Hotfix.Policy.Policies;

/// <summary>
/// The effective policy. Every property has the runbook's value as its default, so an empty hotfix.json (or none) is
/// the runbook. docs/policy.md documents every key; a test keeps that page and this model in step.
/// </summary>
public sealed class HotfixPolicy
{
    /// <summary>The runbook as a policy: what you get without a hotfix.json.</summary>
    public static HotfixPolicy Runbook { get; } = new();

    /// <summary>Base URI of the rule pages (ends with '/'); null means the published docs.</summary>
    public string? HelpBaseUri { get; init; }

    /// <summary>HOTFIX:BRANCHING: production and back-merge branches, remote, hotfix branch naming.</summary>
    public BranchPolicy Branches { get; init; } = new();

    /// <summary>
    /// HOTFIX:EXPEDITED_CODE_REVIEW: who reviews, per-severity process, MUST_CHECK and MAY_SKIP items.
    /// </summary>
    public ReviewPolicy Review { get; init; } = new();

    /// <summary>HOTFIX:EXPEDITED_TESTING: mandatory and conditional tests.</summary>
    public TestPolicy Tests { get; init; } = new();

    /// <summary>Where test suites run (dev, staging …) and which are production-like; empty: not declared.</summary>
    public IReadOnlyList<EnvironmentPolicy> Environments { get; init; } = [];

    /// <summary>
    /// HOTFIX:DEPLOYMENT_CHECKLIST and ROLLBACK_PROCEDURE: rollout timeout, monitoring minutes, namespace.
    /// </summary>
    public DeploymentPolicy Deployment { get; init; } = new();

    /// <summary>HOTFIX:POST_VERIFICATION: the stability window's length and checkpoints.</summary>
    public StabilityWindowPolicy StabilityWindow { get; init; } = new();

    /// <summary>Where stability-window checks with a query are measured (Prometheus); none by default.</summary>
    public MetricsPolicy Metrics { get; init; } = new();

    /// <summary>Who holds the runbook's roles (incident commander, senior developers); empty by default.</summary>
    public PeoplePolicy People { get; init; } = new();

    /// <summary>ROLLBACK_VS_FORWARD_FIX thresholds and the answers where the runbook is silent.</summary>
    public DecisionPolicy Decisions { get; init; } = new();

    /// <summary>Where incident records (decisions, reviews, rollbacks, deploy steps, verifications) are kept.</summary>
    public RecordPolicy Records { get; init; } = new();

    /// <summary>Parts of the system by path, with the image each one rebuilds (the runbook's conditional DEPLOY items).</summary>
    public IReadOnlyList<ComponentPolicy> Components { get; init; } = [];

    /// <summary>MUST_CHECK "Is the change scoped tightly to the incident?": size budgets and files counted apart.</summary>
    public ScopePolicy Scope { get; init; } = new();

    /// <summary>Change kind (database, api, auth …) → path globs that mark a change as that kind (CONDITIONAL_TESTS).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Classification { get; init; } = ChangeKinds.DefaultGlobs;

    /// <summary>Recorded overrides for one incident: findings of a rule become info and keep the reason.</summary>
    public IReadOnlyList<WaiverPolicy> Waivers { get; init; } = [];

    /// <summary>Who is told when hotfix deploys, rolls back, decides or verifies (incoming webhooks); nobody by default.</summary>
    public NotificationPolicy Notifications { get; init; } = new();

    /// <summary>Per-rule severity overrides: rule id → error, warning, info or off.</summary>
    public IReadOnlyDictionary<string, string> Rules { get; init; } = new Dictionary<string, string>();
}
