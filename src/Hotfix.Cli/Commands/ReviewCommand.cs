using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Git;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reviews;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix review</c>: with only <c>--severity</c>, the review the runbook requires; with a reviewer (or
/// <c>--record FILE</c>), the review record validated (exit 1 when it breaks the runbook) and, with <c>--incident</c>,
/// appended to the incident record.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var severity = CliOptions.Text("--severity", "SEVn", "The incident's severity: SEV1, SEV2, SEV3 or SEV4.");
        var incident = CliOptions.Text("--incident", "INC-YYYY-NNNN", "Append the valid review record to this incident's record.");
        var reviewer = new Option<string[]>("--reviewer") { Description = "Who reviewed, as NAME or NAME:ROLE (repeat for several reviewers).", HelpName = "NAME[:ROLE]", AllowMultipleArgumentsPerToken = false };
        var checkedItems = new Option<string[]>("--checked") { Description = "Items checked, by id (M1,M2,…) or text; comma-separated or repeated.", HelpName = "IDS" };
        var skipped = new Option<string[]>("--skipped") { Description = "MAY_SKIP items skipped (SEV1/SEV2 only), by id (S1,…) or text.", HelpName = "IDS" };
        var acknowledge = CliOptions.Text("--acknowledge", "TEXT", "The reviewer's acknowledgement, word for word (hotfix review --severity SEV1 prints it).");
        var followUp = CliOptions.Text("--follow-up", "TICKET", "The follow-up ticket for the full review.");
        var followUpDue = CliOptions.Text("--follow-up-due", "YYYY-MM-DD", "When the full review is due (within review.followUpDays of the review).");
        var when = CliOptions.When();
        var recordFile = CliOptions.Text("--record", "FILE", "Validate (and with --incident, record) a review record from a JSON file instead of the flags.");
        var format = SectionOutput.FormatOption();

        var command = new Command("review", "The expedited review a hotfix needs (--severity), or validate and record a review record: MUST_CHECK, MAY_SKIP, acknowledgement, follow-up ticket. Exit 1 when a record breaks the runbook.")
        {
            severity, incident, reviewer, checkedItems, skipped, acknowledge, followUp, followUpDue, when, recordFile, format,
        };
        CommandExamples.Attach(
            command,
            ("The review a SEV1 hotfix needs", "hotfix review --severity SEV1"),
            ("Validate and record the review", "hotfix review --severity SEV2 --reviewer alice --incident INC-2026-0042"));
        command.SetAction(parse =>
        {
            var workspace = Workspace.Open(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy));
            var incidentId = Inputs.OptionalIncident(parse.GetValue(incident), "--incident");
            var reviewers = parse.GetValue(reviewer) ?? [];
            var file = parse.GetValue(recordFile);
            if (file is null && reviewers.Length == 0)
            {
                if (incidentId is not null)
                {
                    throw new HotfixInputException("--incident: a review is recorded only with a reviewer; expected --reviewer NAME (and the other review flags) or --record FILE");
                }

                var level = Inputs.Severity(parse.GetValue(severity));
                var requirement = ReviewRequirement.For(workspace.Policy, level, DateOnly.FromDateTime(environment.Time.GetLocalNow().DateTime));
                SectionOutput.Write(new ReviewSection(requirement), parse.GetValue(format), parse.GetValue(options.NoColor), environment);
                return ExitCodes.Success;
            }

            var record = file is null
                ? FromFlags(parse, environment, severity, reviewers, checkedItems, skipped, acknowledge, followUp, followUpDue, when)
                : FromFile(environment, file, parse.GetValue(severity));
            if (incidentId is { } given && record.Incident is { } inRecord && inRecord != given)
            {
                throw new HotfixInputException($"--incident '{given}': the review record is for {inRecord}; expected the same incident, or no incident in the record");
            }

            // On the incident's hotfix branch the review goes to its record without --incident (as checklist --done does).
            incidentId ??= record.Incident is null ? CurrentIncident.FromBranch(environment, parse.GetValue(options.Repo), workspace.Policy) : null;
            record = record with { Incident = incidentId ?? record.Incident };
            var problems = ReviewRecordValidator.Check(workspace.Policy, record);
            string? recordedIn = null;
            if (problems.Count == 0 && incidentId is { } id)
            {
                var store = workspace.Records();
                store.Record(ReviewEvents.ToEvent(id, record, environment.Time.GetLocalNow()));
                recordedIn = store.LocationOf(id);
            }

            SectionOutput.Write(new ReviewRecordSection(record, problems, recordedIn), parse.GetValue(format), parse.GetValue(options.NoColor), environment);
            if (problems.Count > 0)
            {
                environment.Error.WriteLine($"hotfix: the review record breaks the runbook ({problems.Count} problem(s) above); nothing was recorded");
            }

            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.PolicyFindings;
        });
        return command;
    }

    private static ReviewRecord FromFlags(
        ParseResult parse,
        CliEnvironment environment,
        Option<string?> severity,
        string[] reviewers,
        Option<string[]> checkedItems,
        Option<string[]> skipped,
        Option<string?> acknowledge,
        Option<string?> followUp,
        Option<string?> followUpDue,
        Option<string?> when)
    {
        var ticket = parse.GetValue(followUp);
        var due = parse.GetValue(followUpDue);
        return new ReviewRecord
        {
            Severity = Inputs.Severity(parse.GetValue(severity)),
            Reviewers = reviewers.Select(ParseReviewer).ToList(),
            When = Inputs.When(environment, parse.GetValue(when)),
            Checked = Inputs.List(parse.GetValue(checkedItems)),
            Skipped = Inputs.List(parse.GetValue(skipped)),
            Acknowledgement = parse.GetValue(acknowledge),
            FollowUp = ticket is null && due is null ? null : new FollowUpTicket { Ticket = ticket, Due = due is null ? null : Inputs.Date(due, "--follow-up-due") },
        };
    }

    private static ReviewRecord FromFile(CliEnvironment environment, string file, string? severityOption)
    {
        var path = environment.Resolve(file);
        var json = InputFiles.ReadText(path, $"--record '{Echo.Of(file)}'", "a review record JSON file");

        var record = ReviewJson.Parse(json, $"--record '{Echo.Of(file)}'");
        if (severityOption is not null && Inputs.Severity(severityOption) is var level && record.Severity is { } inFile && inFile != level)
        {
            throw new HotfixInputException($"--severity '{Echo.Of(severityOption)}': the record '{Echo.Of(file)}' says {IncidentSeverities.Name(inFile)}; expected the same severity, or no --severity");
        }

        return severityOption is null || record.Severity is not null ? record : record with { Severity = Inputs.Severity(severityOption) };
    }

    private static Reviewer ParseReviewer(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon]).Trim();
        var role = colon < 0 ? null : text[(colon + 1)..].Trim();
        return name.Length == 0
            ? throw new HotfixInputException($"--reviewer '{Echo.Of(text)}': expected NAME or NAME:ROLE (e.g. mira or sandro:senior-developer)")
            : new Reviewer { Name = name, Role = string.IsNullOrEmpty(role) ? null : role };
    }
}
