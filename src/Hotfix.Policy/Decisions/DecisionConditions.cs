using System.Globalization;

namespace Hotfix.Policy.Decisions;

/// <summary>The conditions the runbook's ROLLBACK_VS_FORWARD_FIX rows are made of.</summary>
internal static class DecisionConditions
{
    public static DecisionCondition RootCauseUnknown { get; } = new(
        "root cause unknown", string.Empty, f => f.Request.RootCause == RootCause.Unknown, f => $"root cause {Word(f.Request.RootCause)}");

    public static DecisionCondition RootCauseKnown { get; } = new(
        "root cause known", string.Empty, f => f.Request.RootCause == RootCause.Known, f => $"root cause {Word(f.Request.RootCause)}");

    public static DecisionCondition ImpactOngoing { get; } = new(
        "impact ongoing", string.Empty, f => f.Request.Impact == Impact.Ongoing, f => $"impact {Word(f.Request.Impact)}");

    public static DecisionCondition ImpactContained { get; } = new(
        "impact contained", string.Empty, f => f.Request.Impact == Impact.Contained, f => $"impact {Word(f.Request.Impact)}");

    public static DecisionCondition QuickFix { get; } = new(
        "fix is < 30min",
        nameof(RollbackDecisionRequest.FixEtaMinutes),
        f => f.Request.FixEtaMinutes is { } eta ? eta < f.Policy.ForwardFixMaxMinutes : null,
        f => f.Request.FixEtaMinutes is { } eta
            ? $"fix ETA {Minutes(eta)} ({(eta < f.Policy.ForwardFixMaxMinutes ? string.Empty : "not ")}< {Minutes(f.Policy.ForwardFixMaxMinutes)})"
            : "fix ETA not given");

    public static DecisionCondition RollbackLosesData { get; } = new(
        "rollback would cause data loss", string.Empty, f => f.Request.RollbackLosesData,
        f => f.Request.RollbackLosesData ? "rollback would cause data loss" : "rollback would not lose data");

    public static DecisionCondition MigrationsApplied { get; } = new(
        "rollback would break data migrations already applied", string.Empty, f => f.Request.MigrationsApplied,
        f => f.Request.MigrationsApplied ? "rollback would break data migrations already applied" : "no applied migration would break");

    public static DecisionCondition MultipleServices { get; } = new(
        "multiple services affected", string.Empty, f => f.Request.ServicesAffected > 1,
        f => f.Request.ServicesAffected == 1 ? "1 service affected" : $"{f.Request.ServicesAffected} services affected");

    public static DecisionCondition CulpritUnclear { get; } = new(
        "unclear which caused it",
        nameof(RollbackDecisionRequest.Culprit),
        f => f.Request.Culprit switch
        {
            Culprit.Unknown => true,
            Culprit.Known => false,
            _ => f.Request.ServicesAffected == 1 ? false : null,
        },
        f => f.Request.Culprit switch
        {
            Culprit.Unknown => "unclear which service caused it",
            Culprit.Known => "the service that caused it is known",
            _ => f.Request.ServicesAffected == 1 ? "the culprit is the one affected service" : "culprit not given",
        });

    public static DecisionCondition IncidentActiveTooLong { get; } = new(
        "incident has been active > 1 hour",
        nameof(RollbackDecisionRequest.IncidentAgeMinutes),
        f => f.Request.IncidentAgeMinutes is { } age ? age > f.Policy.StaleIncidentMinutes : null,
        f => f.Request.IncidentAgeMinutes is { } age
            ? $"incident active {Minutes(age)} ({(age > f.Policy.StaleIncidentMinutes ? string.Empty : "not ")}> {Minutes(f.Policy.StaleIncidentMinutes)})"
            : "incident age not given");

    public static DecisionCondition NoFixInSight { get; } = new(
        "no fix in sight",
        nameof(RollbackDecisionRequest.FixInSight),
        f => f.FixInSight is { } inSight ? !inSight : null,
        f => f.FixInSight switch
        {
            true when f.Request.FixInSight is null => "a fix is in sight (a fix ETA was given)",
            true => "a fix is in sight",
            false => "no fix in sight",
            _ => "fix in sight not given",
        });

    public static string Minutes(int minutes) => minutes.ToString(CultureInfo.InvariantCulture) + " min";

    private static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
