namespace Hotfix.Policy.Branching;

/// <summary>The naming convention for hotfix branches: <c>{Prefix}INC-YYYY-NNNN-short-description</c>.</summary>
/// <param name="Prefix">Branch prefix including its trailing slash; the runbook's is <c>hotfix/</c>.</param>
/// <param name="MaxLength">
/// Longest allowed branch name. The default, 63, is the longest value a Kubernetes label, a DNS label (preview
/// environments) and most CI variables accept unchanged; deploy pipelines copy the branch name into all three.
/// </param>
public sealed record BranchNaming(string Prefix = BranchNaming.DefaultPrefix, int MaxLength = BranchNaming.DefaultMaxLength)
{
    /// <summary>The runbook's prefix, <c>hotfix/</c>.</summary>
    public const string DefaultPrefix = "hotfix/";
    /// <summary>The default longest branch name, 63 characters.</summary>
    public const int DefaultMaxLength = 63;

    /// <summary>
    /// The runbook's convention: <c>hotfix/INC-YYYY-NNNN-short-description</c>, at most 63 characters.
    /// </summary>
    public static BranchNaming Runbook { get; } = new();

    /// <summary>The pattern in the runbook's own words, with this prefix.</summary>
    public string ExpectedForm => $"{Prefix}INC-YYYY-NNNN-short-description (lowercase words, digits and hyphens, at most {MaxLength} characters)";

    /// <summary>
    /// The longest short-description that fits: <see cref="MaxLength"/> minus the prefix and "INC-YYYY-NNNN-".
    /// </summary>
    public int MaxDescriptionLength => MaxLength - Prefix.Length - "INC-YYYY-NNNN-".Length;
}
