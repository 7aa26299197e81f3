using System.Globalization;
using System.Text.Json;
using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>The <c>audit</c> section: which hotfixes main has and how each one reached (or did not reach) develop.</summary>
internal sealed class AuditSection(HotfixAudit audit) : ReportSection
{
    public HotfixAudit Audit { get; } = audit;

    public override string Key => "audit";

    public override string Title => "Back-merge audit";

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("mainBranch", Audit.Main.Name);
        writer.WriteString("mainCommit", Audit.Main.TipSha);
        writer.WriteString("backMergeTarget", Audit.BackMergeTarget.Name);
        writer.WriteString("backMergeTargetCommit", Audit.BackMergeTarget.TipSha);
        if (Audit.Since is { } since)
        {
            writer.WriteString("since", Utc(since));
        }
        else
        {
            writer.WriteNull("since");
        }

        writer.WriteNumber("scannedCommits", Audit.ScannedCommits);
        writer.WriteBoolean("historyComplete", Audit.ShallowCutOff is null);
        writer.WriteStartArray("hotfixes");
        foreach (var hotfix in Audit.Hotfixes)
        {
            writer.WriteStartObject();
            writer.WriteString("mainCommit", hotfix.MainCommit.Sha);
            writer.WriteString("date", Utc(hotfix.MainCommit.CommitTime));
            if (hotfix.Incident is { } id)
            {
                writer.WriteString("incidentId", id.ToString());
            }
            else
            {
                writer.WriteNull("incidentId");
            }

            if (hotfix.Branch is { } branch)
            {
                writer.WriteString("branch", branch);
            }
            else
            {
                writer.WriteNull("branch");
            }

            writer.WriteString("landing", LandingName(hotfix.Landing));
            writer.WriteString("backMerge", StatusName(hotfix.Status));
            WriteShas(writer, "commits", hotfix.Commits);
            WriteShas(writer, "evidence", hotfix.Evidence);
            WriteShas(writer, "missingCommits", hotfix.MissingCommits);
            WriteShas(writer, "revertedBy", hotfix.RevertedBy);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        document.Facts(
            ("Main", $"{Audit.Main.Name} at {Audit.Main.TipSha[..12]}"),
            ("Back-merge target", $"{Audit.BackMergeTarget.Name} at {Audit.BackMergeTarget.TipSha[..12]}"),
            ("Since", (Audit.Since is { } start ? AuditDates.Start(start) : null) ?? "the beginning of main's history"),
            ("Scanned", $"{CommitLists.Count(Audit.ScannedCommits, "first-parent commit")}" + (Audit.ShallowCutOff is { } cut ? $" (shallow clone: stops at {cut.ShortSha})" : string.Empty)),
            ("Hotfixes", $"{Audit.Hotfixes.Count} found, {Audit.Hotfixes.Count(h => h.Status == BackMergeStatus.Missing)} not merged back"));
        if (Audit.Hotfixes.Count == 0)
        {
            return;
        }

        document.Table(
            ["Date", "Commit", "Hotfix", "Landed as", "Back-merge"],
            Audit.Hotfixes.Select(h => (IReadOnlyList<string>)
            [
                AuditDates.Day(h.MainCommit.CommitTime),
                h.MainCommit.ShortSha,
                CommitLists.Printable(h.Label),
                LandingName(h.Landing),
                Describe(h),
            ]));
    }

    private static string Describe(AuditedHotfix hotfix) => hotfix.Status switch
    {
        BackMergeStatus.ByAncestry => "merged",
        BackMergeStatus.ByPatchId => hotfix.Evidence.Count == 0 ? "nothing to merge (empty change)" : "same patch as " + string.Join(", ", hotfix.Evidence.Select(c => c.ShortSha)),
        BackMergeStatus.Unknown => "unknown (shallow clone)",
        _ when hotfix.RevertedBy.Count > 0 => "REVERTED by " + string.Join(", ", hotfix.RevertedBy.Select(c => c.ShortSha)),
        _ => "MISSING",
    };

    private static string LandingName(HotfixLanding landing) => landing switch
    {
        HotfixLanding.Merge => "merge",
        HotfixLanding.Squash => "squash",
        _ => "rebase",
    };

    private static string StatusName(BackMergeStatus status) => status switch
    {
        BackMergeStatus.ByAncestry => "ancestry",
        BackMergeStatus.ByPatchId => "patchId",
        BackMergeStatus.Unknown => "unknown",
        _ => "missing",
    };

    private static string Utc(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void WriteShas(Utf8JsonWriter writer, string key, IReadOnlyList<CommitInfo> commits)
    {
        writer.WriteStartArray(key);
        foreach (var commit in commits)
        {
            writer.WriteStringValue(commit.Sha);
        }

        writer.WriteEndArray();
    }
}
