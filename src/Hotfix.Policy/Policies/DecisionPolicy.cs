using Hotfix.Policy.Decisions;

namespace Hotfix.Policy.Policies;

/// <summary>HOTFIX:ROLLBACK_DECISIONS: the thresholds of ROLLBACK_VS_FORWARD_FIX and the answers where the runbook is silent.</summary>
public sealed class DecisionPolicy
{
    /// <summary>"IF: root cause known AND fix is &lt; 30min THEN: forward-fix": a fix ETA below this many minutes is quick.</summary>
    public int ForwardFixMaxMinutes { get; init; } = 30;

    /// <summary>"IF: incident has been active &gt; 1 hour AND no fix in sight THEN: rollback": older than this many minutes.</summary>
    public int StaleIncidentMinutes { get; init; } = 60;

    /// <summary>The decisions for situations no runbook row covers (policy defaults, marked as such in every answer).</summary>
    public RunbookSilencePolicy WhenRunbookSilent { get; init; } = new();
}

/// <summary>What <c>hotfix decide</c> answers when no ROLLBACK_VS_FORWARD_FIX row matches.</summary>
public sealed class RunbookSilencePolicy
{
    /// <summary>
    /// Root cause known, fix not quick (or no estimate), impact ongoing. Default <c>rollback</c>: the runbook forward-fixes
    /// only because a quick fix is "faster than rollback + redeploy"; when it is not quick, a rollback stops the harm first.
    /// </summary>
    public string OngoingImpact { get; init; } = RollbackDecisions.Rollback;

    /// <summary>Impact contained and no runbook row matched. Default <c>forward-fix</c>: nobody is harmed while the fix is made.</summary>
    public string ContainedImpact { get; init; } = RollbackDecisions.ForwardFix;
}
