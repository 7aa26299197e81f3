namespace Hotfix.Policy.Policies;

/// <summary>HOTFIX:DEPLOYMENT_CHECKLIST and ROLLBACK_PROCEDURE values.</summary>
public sealed class DeploymentPolicy
{
    /// <summary>"kubectl rollout status … --timeout=120s".</summary>
    public int RolloutTimeoutSeconds { get; init; } = 120;

    /// <summary>"Monitor error rates for 15 minutes", "Monitor performance metrics for 15 minutes".</summary>
    public int MonitorMinutes { get; init; } = 15;

    /// <summary>Default Kubernetes namespace for rollback, status and history; null means the kubeconfig's.</summary>
    public string? Namespace { get; init; }
}
