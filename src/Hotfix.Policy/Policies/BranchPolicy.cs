using System.Text.Json.Serialization;
using Hotfix.Policy.Branching;

namespace Hotfix.Policy.Policies;

/// <summary>HOTFIX:BRANCHING: where hotfixes start, where they are merged back, how they are named.</summary>
public sealed class BranchPolicy
{
    /// <summary>"hotfix branches from main (production)": the production branch.</summary>
    public string Main { get; init; } = "main";

    /// <summary>"after merge to main, ALSO merge to develop": the back-merge target.</summary>
    public string BackMergeTarget { get; init; } = "develop";

    /// <summary>The remote whose main must be up to date before a hotfix starts ("git pull origin main").</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>"branch naming: hotfix/INC-YYYY-NNNN-short-description": the prefix.</summary>
    public string Prefix { get; init; } = BranchNaming.DefaultPrefix;

    /// <summary>Longest branch name; 63 fits Kubernetes labels and DNS labels, where pipelines copy branch names.</summary>
    public int MaxLength { get; init; } = BranchNaming.DefaultMaxLength;

    /// <summary>The hotfix branch naming convention made of <see cref="Prefix"/> and <see cref="MaxLength"/>.</summary>
    [JsonIgnore]
    public BranchNaming Naming => new(Prefix, MaxLength);
}
