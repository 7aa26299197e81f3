using Hotfix.Policy.Decisions;

namespace Hotfix.Policy.Policies.Validation;

/// <summary>
/// The single-value rules of a policy (one key, one condition), as plain predicates. <see cref="HotfixPolicyValidator"/>
/// words their problems; <see cref="ValidPolicyFastPath"/> asks them without building the validator. One list, so the
/// two cannot hold different conditions for the same key.
/// </summary>
internal static class PolicyValueRules
{
    /// <summary>Every single-value rule: the JSON path it reports at, and whether the policy meets it.</summary>
    public static readonly IReadOnlyList<(string Path, Func<HotfixPolicy, bool> Holds)> All =
    [
        ("$.helpBaseUri", p => IsHelpBaseUri(p.HelpBaseUri)),
        ("$.branches.main", p => GitNames.IsValidBranchName(p.Branches.Main)),
        ("$.branches.backMergeTarget", p => GitNames.IsValidBranchName(p.Branches.BackMergeTarget)),
        ("$.branches.backMergeTarget", p => IsOtherThanMain(p, p.Branches.BackMergeTarget)),
        ("$.branches.remote", p => IsRemoteName(p.Branches.Remote)),
        ("$.branches.prefix", p => IsBranchPrefix(p.Branches.Prefix)),
        ("$.branches.maxLength", p => IsBranchMaxLength(p, p.Branches.MaxLength)),
        ("$.review.approvers", p => IsApproverList(p.Review.Approvers)),
        ("$.review.followUpDays", p => p.Review.FollowUpDays is >= 1 and <= 7),
        ("$.review.mustCheck", p => NonEmptyTexts(p.Review.MustCheck)),
        ("$.review.maySkip", p => AllNonBlank(p.Review.MaySkip)),
        ("$.review.acknowledgement", p => SaysExpedited(p.Review.Acknowledgement)),
        ("$.tests.mandatory", p => HasSmoke(p.Tests.Mandatory)),
        ("$.deployment.rolloutTimeoutSeconds", p => p.Deployment.RolloutTimeoutSeconds is >= 1 and <= 3600),
        ("$.deployment.monitorMinutes", p => p.Deployment.MonitorMinutes is >= 1 and <= 1440),
        ("$.deployment.namespace", p => IsNamespaceOrNull(p.Deployment.Namespace)),
        ("$.stabilityWindow.hours", p => p.StabilityWindow.Hours is >= 1 and <= 720),
        ("$.decisions.forwardFixMaxMinutes", p => p.Decisions.ForwardFixMaxMinutes is >= 1 and <= 1440),
        ("$.decisions.staleIncidentMinutes", p => p.Decisions.StaleIncidentMinutes is >= 1 and <= 10080),
        ("$.decisions.whenRunbookSilent.ongoingImpact", p => RollbackDecisions.IsValid(p.Decisions.WhenRunbookSilent.OngoingImpact)),
        ("$.decisions.whenRunbookSilent.containedImpact", p => RollbackDecisions.IsValid(p.Decisions.WhenRunbookSilent.ContainedImpact)),
        ("$.records.folder", p => IsFolder(p.Records.Folder)),
        ("$.records.sync", p => IsSyncMode(p.Records.Sync)),
        ("$.people.incidentCommander", p => IsNameOrNull(p.People.IncidentCommander)),
        ("$.people.seniorDevelopers", p => AllNonBlank(p.People.SeniorDevelopers)),
    ];

    public static bool IsHelpBaseUri(string? uri) =>
        uri is null || (Uri.TryCreate(uri, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) && uri.EndsWith('/'));

    public static bool IsOtherThanMain(HotfixPolicy p, string target) => target != p.Branches.Main;

    public static bool IsRemoteName(string r) => r.Length > 0 && GitNames.IsValidBranchName(r) && !r.Contains('/');

    public static bool IsBranchPrefix(string p) => p.EndsWith('/') && GitNames.IsValidBranchName(p.TrimEnd('/'));

    public static bool IsBranchMaxLength(HotfixPolicy p, int length) => length >= MinimumBranchLength(p) && length <= 255;

    public static int MinimumBranchLength(HotfixPolicy p) => p.Branches.Prefix.Length + "INC-YYYY-NNNN-".Length + 8;

    public static bool IsApproverList(IReadOnlyList<string> a) => a.Count > 0 && a.All(s => !string.IsNullOrWhiteSpace(s));

    public static bool NonEmptyTexts(IReadOnlyList<string> list) => list.Count > 0 && list.All(s => !string.IsNullOrWhiteSpace(s));

    public static bool AllNonBlank(IReadOnlyList<string> list) => list.All(s => !string.IsNullOrWhiteSpace(s));

    public static bool SaysExpedited(string a) => a.Contains("expedited", StringComparison.OrdinalIgnoreCase);

    public static bool HasSmoke(IReadOnlyList<string> m) => m.Contains("smoke");

    public static bool IsNamespaceOrNull(string? ns) => ns is null || KubernetesNames.IsDnsLabel(ns);

    public static bool IsFolder(string f) => !string.IsNullOrWhiteSpace(f) && !f.Contains('\0', StringComparison.Ordinal);

    public static bool IsSyncMode(string s) => s is RecordSyncModes.Manual or RecordSyncModes.Auto;

    public static bool IsNameOrNull(string? c) => c is null || c.Trim().Length > 0;
}
