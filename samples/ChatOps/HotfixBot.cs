using System.Globalization;
using Hotfix;
using Hotfix.Policy.Decisions;
using Hotfix.Policy.Reviews;

namespace ChatOps;

/// <summary>
/// The message handler of an incident chat bot: every message starting with '/' gets a Markdown reply computed by the
/// Hotfix engine in-process — the same decision table, review validator and checklist as the hotfix CLI.
/// </summary>
public sealed class HotfixBot(HotfixEngine hotfix)
{
    public const string Help =
        "Commands: `/decide root-cause=known|unknown impact=ongoing|contained [fix-eta=MIN] [loses-data] [migrations] "
        + "[services=N culprit=known|unknown] [age=MIN] [fix-in-sight=yes|no] [incident=INC-YYYY-NNNN]`, `/review SEV1`, "
        + "`/review-record {json}`, `/checklist PATH…` (the PR's changed files).";

    public string Handle(string sender, string message)
    {
        var text = message.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var command = space < 0 ? text : text[..space];
        var rest = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        try
        {
            return command switch
            {
                "/decide" => Decide(sender, rest),
                "/review" => HotfixEngine.Render(hotfix.Review(Severity(rest)), ReportFormat.Markdown),
                "/review-record" => ReviewRecord(rest),
                "/checklist" => Checklist(rest),
                _ => Help,
            };
        }
        catch (HotfixInputException e)
        {
            return $"⚠️ {e.Message}";
        }
    }

    private string Decide(string sender, string arguments)
    {
        var args = Arguments(arguments);
        var request = new RollbackDecisionRequest
        {
            RootCause = Required(args, "root-cause") == "known" ? RootCause.Known : RootCause.Unknown,
            Impact = Required(args, "impact") == "ongoing" ? Impact.Ongoing : Impact.Contained,
            FixEtaMinutes = Number(args, "fix-eta"),
            RollbackLosesData = args.ContainsKey("loses-data"),
            MigrationsApplied = args.ContainsKey("migrations"),
            ServicesAffected = Number(args, "services") ?? 1,
            Culprit = args.TryGetValue("culprit", out var c) ? c == "known" ? Culprit.Known : Culprit.Unknown : null,
            IncidentAgeMinutes = Number(args, "age"),
            FixInSight = args.TryGetValue("fix-in-sight", out var s) ? s == "yes" : null,
        };
        IncidentId? incident = args.TryGetValue("incident", out var id) ? Incident(id) : null;
        // With an incident, the engine appends the decision to its record.
        var decision = hotfix.Decide(request, incident, sender);
        var reply = HotfixEngine.Render(decision, ReportFormat.Markdown);
        return incident is { } inc ? reply + $"\n_Recorded in the record of {inc}._" : reply;
    }

    private string ReviewRecord(string json)
    {
        var record = ReviewJson.Parse(json, "the review record");
        var problems = hotfix.ValidateReview(record);
        return problems.Count == 0
            ? "✅ The review record satisfies the runbook."
            : "❌ The review record breaks the runbook:\n" + string.Join('\n', problems.Select(p => $"- **{p.RuleId}** `{p.Field}`: {p.Message}"));
    }

    // The bot knows the pull request's changed files from the code host's API: paths are enough for the checklist.
    private string Checklist(string arguments) =>
        HotfixEngine.Render(hotfix.Checklist(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)), ReportFormat.Markdown);

    private static Dictionary<string, string> Arguments(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "yes", StringComparer.Ordinal);

    private static string Required(Dictionary<string, string> args, string key) =>
        args.TryGetValue(key, out var value) ? value : throw new HotfixInputException($"{key}: missing; see /help");

    private static int? Number(Dictionary<string, string> args, string key) =>
        !args.TryGetValue(key, out var value) ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new HotfixInputException($"{key}='{value}': expected a whole number");

    private static IncidentSeverity Severity(string text) =>
        IncidentSeverities.TryParse(text, out var severity) ? severity : throw new HotfixInputException($"'{text}': expected {IncidentSeverities.ExpectedForm}");

    private static IncidentId Incident(string text) =>
        IncidentId.TryParse(text, out var id) ? id : throw new HotfixInputException($"incident='{text}': expected {IncidentId.ExpectedForm}");
}
