using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>Annotation and label keys that kubectl and the workload controllers use for rollouts.</summary>
internal static class KubernetesKeys
{
    public const string Revision = "deployment.kubernetes.io/revision";
    public const string RevisionHistory = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";
    public const string DeprecatedRollbackTo = "deprecated.deployment.rollback.to";
    public const string LastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration";
    public const string ChangeCause = "kubernetes.io/change-cause";
    public const string RestartedAt = "kubectl.kubernetes.io/restartedAt";

    /// <summary>The label the Deployment controller adds to a ReplicaSet's template; never part of "the same template".</summary>
    public const string PodTemplateHash = "pod-template-hash";

    /// <summary>
    /// Annotations a Deployment rollback keeps from the Deployment instead of taking them from the ReplicaSet
    /// (kubectl pkg/polymorphichelpers/rollback.go, annotationsToSkip).
    /// </summary>
    public static IReadOnlySet<string> RollbackSkippedAnnotations { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        LastAppliedConfiguration, Revision, RevisionHistory, DesiredReplicas, MaxReplicas, DeprecatedRollbackTo,
    };
}
