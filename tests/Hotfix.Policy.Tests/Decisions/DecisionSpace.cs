using Hotfix.Policy.Decisions;

namespace Hotfix.Policy.Tests.Decisions;

/// <summary>
/// Every combination of the decision inputs, with the fix ETA and the incident age on both sides of their thresholds
/// (and not given), under the thresholds of the runbook (30 min, 60 min).
/// </summary>
internal static class DecisionSpace
{
    public static readonly int?[] Etas = [null, 0, 29, 30, 45];
    public static readonly int?[] Ages = [null, 60, 61];

    public static IEnumerable<RollbackDecisionRequest> All()
    {
        foreach (var rootCause in new[] { RootCause.Known, RootCause.Unknown })
        foreach (var impact in new[] { Impact.Ongoing, Impact.Contained })
        foreach (var eta in Etas)
        foreach (var losesData in new[] { false, true })
        foreach (var migrations in new[] { false, true })
        foreach (var services in new[] { 1, 3 })
        foreach (var culprit in new Culprit?[] { null, Culprit.Known, Culprit.Unknown })
        foreach (var age in Ages)
        foreach (var inSight in new bool?[] { null, true, false })
        {
            yield return new RollbackDecisionRequest
            {
                RootCause = rootCause,
                Impact = impact,
                FixEtaMinutes = eta,
                RollbackLosesData = losesData,
                MigrationsApplied = migrations,
                ServicesAffected = services,
                Culprit = culprit,
                IncidentAgeMinutes = age,
                FixInSight = inSight,
            };
        }
    }

    /// <summary>Several services and no word on the culprit is incomplete input, not a situation to decide.</summary>
    public static bool IsComplete(RollbackDecisionRequest r) => r.ServicesAffected == 1 || r.Culprit is not null;
}
