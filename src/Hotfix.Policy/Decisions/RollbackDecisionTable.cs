using Hotfix.Policy.Policies;
using C = Hotfix.Policy.Decisions.DecisionConditions;

namespace Hotfix.Policy.Decisions;

/// <summary>
/// ROLLBACK_VS_FORWARD_FIX as a table with explicit precedence. The runbook's rows overlap and two of them conflict:
/// "root cause unknown AND impact ongoing → ROLLBACK immediately" against "rollback would cause data loss →
/// forward-fix (never lose data)". Never losing data wins over everything. Where the runbook is silent, two fallback
/// rows answer from the policy (<c>decisions.whenRunbookSilent</c>) and say that they are policy defaults.
/// docs/decision-table.md shows the same table; a test keeps the two in step.
/// </summary>
internal static class RollbackDecisionTable
{
    public const string OngoingImpactKey = "decisions.whenRunbookSilent.ongoingImpact";
    public const string ContainedImpactKey = "decisions.whenRunbookSilent.containedImpact";

    /// <summary>The runbook's rows, highest precedence first.</summary>
    public static IReadOnlyList<DecisionRow> RunbookRows { get; } =
    [
        new(
            "rollback-loses-data",
            1,
            RollbackDecisions.ForwardFix,
            null,
            [C.RollbackLosesData],
            DecisionSource.Runbook("IF: rollback would cause data loss THEN: forward-fix (never lose data)"),
            "never lose data: outranks every other row, including \"root cause unknown AND impact ongoing → ROLLBACK immediately\""),
        new(
            "multiple-services-unclear-culprit",
            2,
            RollbackDecisions.RollbackAll,
            null,
            [C.MultipleServices, C.CulpritUnclear],
            DecisionSource.Runbook("IF: multiple services affected AND unclear which caused it THEN: rollback all recent deploys"),
            "with several services affected and no known culprit there is nothing to fix forward; only data loss outranks it"),
        new(
            "migrations-applied",
            3,
            RollbackDecisions.ForwardFix,
            RollbackDecisions.ForwardFixWithMigrationFix,
            [C.MigrationsApplied],
            DecisionSource.Runbook("IF: rollback would break data migrations already applied THEN: forward-fix with migration fix"),
            "a rollback would break migrations already applied: outranks every plain rollback"),
        new(
            "unknown-root-cause-ongoing-impact",
            4,
            RollbackDecisions.Rollback,
            null,
            [C.RootCauseUnknown, C.ImpactOngoing],
            DecisionSource.Runbook("IF: root cause unknown AND impact ongoing THEN: ROLLBACK immediately"),
            "unknown cause with ongoing harm: roll back immediately unless that loses data, breaks applied migrations or cannot target one service"),
        new(
            "active-over-an-hour-no-fix-in-sight",
            5,
            RollbackDecisions.Rollback,
            null,
            [C.IncidentActiveTooLong, C.NoFixInSight],
            DecisionSource.Runbook("IF: incident has been active > 1 hour AND no fix in sight THEN: rollback"),
            "a long incident with no fix in sight is rolled back; an ETA given while no fix is in sight does not keep it going"),
        new(
            "known-root-cause-quick-fix",
            6,
            RollbackDecisions.ForwardFix,
            null,
            [C.RootCauseKnown, C.QuickFix],
            DecisionSource.Runbook("IF: root cause known AND fix is < 30min THEN: forward-fix (faster than rollback + redeploy)"),
            "a quick, known fix is faster than rollback + redeploy, when no row above applies"),
    ];

    /// <summary>The whole table under <paramref name="policy"/>: the runbook's rows, then the two policy defaults.</summary>
    public static IReadOnlyList<DecisionRow> For(DecisionPolicy policy) =>
    [
        .. RunbookRows,
        new(
            "runbook-silent-ongoing-impact",
            7,
            policy.WhenRunbookSilent.OngoingImpact,
            null,
            [C.ImpactOngoing],
            DecisionSource.PolicyDefault(OngoingImpactKey),
            "policy default: applies only when no runbook row matched (e.g. root cause known, fix not < 30 min, impact ongoing)",
            IsFallback: true),
        new(
            "runbook-silent-contained-impact",
            8,
            policy.WhenRunbookSilent.ContainedImpact,
            null,
            [C.ImpactContained],
            DecisionSource.PolicyDefault(ContainedImpactKey),
            "policy default: applies only when no runbook row matched and the impact is contained",
            IsFallback: true),
    ];
}
