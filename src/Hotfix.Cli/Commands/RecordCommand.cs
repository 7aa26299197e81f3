using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Records;

namespace Hotfix.Cli.Commands;

/// <summary><c>hotfix record INC-…</c>: the incident's timeline; <c>--note</c> appends notes (e.g. resolution details).</summary>
internal static class RecordCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var incident = new Argument<string?>("incident") { Description = "The incident id, INC-YYYY-NNNN.", Arity = ArgumentArity.ZeroOrOne };
        var note = new Option<string[]>("--note") { Description = "Append a note (repeat for several), e.g. the resolution details.", HelpName = "TEXT" };
        var status = new Option<string?>("--status")
        {
            Description = "Record the incident's status: investigating, mitigated, monitoring or resolved (POST_DEPLOY: \"IF: all clear THEN: update incident status\"); hotfix verify --close needs resolved.",
            HelpName = "STATUS",
        };
        var by = CliOptions.By();
        var when = CliOptions.When();
        var format = SectionOutput.FormatOption();
        var sync = new Option<bool>("--sync") { Description = "Fetch the incident's record from the remote, merge (every entry kept once) and push it back." };
        var remote = new Option<string>("--remote") { Description = "The remote --sync uses.", HelpName = "NAME", DefaultValueFactory = _ => RecordSharing.DefaultRemote };
        var list = new Option<bool>("--list") { Description = "List the incidents recorded in this repository." };

        var command = new Command("record", "Print an incident's record — every decision, review, rollback, deploy step and verification, in order — or append notes to it.")
        {
            incident, note, status, by, when, format, sync, remote, list,
        };
        CommandExamples.Attach(
            command,
            ("The incident's timeline as Markdown", "hotfix record INC-2026-0042 --format markdown"),
            ("Add the resolution details", "hotfix record INC-2026-0042 --note \"root cause: rounding in OrderTotal\""),
            ("Share the record with the team (fetch, merge, push)", "hotfix record INC-2026-0042 --sync"));
        command.SetAction(parse =>
        {
            var workspace = Workspace.OpenForEmergency(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy), "record");
            if (parse.GetValue(list))
            {
                if (parse.GetValue(incident) is not null)
                {
                    throw new HotfixInputException("--list: lists every incident; expected no incident id with it");
                }

                RecordSharing.List(environment, workspace.Records());
                return ExitCodes.Success;
            }

            var id = Inputs.Incident(parse.GetValue(incident) ?? throw new HotfixInputException("incident: missing; expected an incident id, INC-YYYY-NNNN (or --list)"));
            var store = workspace.Records();
            var notes = parse.GetValue(note) ?? [];
            var newStatus = Inputs.Choice(parse.GetValue(status), "--status", [.. IncidentStatuses.All]);
            if (newStatus is not null && IncidentStatuses.Refusal(store.Read(id)) is { } refusal)
            {
                environment.Error.WriteLine($"hotfix: refused: {refusal}");
                return ExitCodes.PolicyFindings;
            }

            if (notes.Length > 0)
            {
                var who = Inputs.Actor(environment, parse.GetValue(by));
                var at = Inputs.When(environment, parse.GetValue(when));
                foreach (var text in notes)
                {
                    store.Record(new IncidentEvent { Incident = id, Kind = IncidentEventKinds.Note, At = at, By = who, Summary = text });
                }

                IncidentRecords.Recorded(environment, store, id);
            }

            if (parse.GetValue(sync))
            {
                RecordSharing.Sync(environment, store, id, parse.GetValue(remote) ?? RecordSharing.DefaultRemote, RecordSharing.DefaultTimeout);
            }

            if (newStatus is not null)
            {
                var previous = IncidentStatuses.Latest(store.Read(id).Events)?.Outcome;
                var change = IncidentStatuses.Changed(id, newStatus, previous, null, Inputs.Actor(environment, parse.GetValue(by)), Inputs.When(environment, parse.GetValue(when)));
                store.Record(change);
                environment.Error.WriteLine($"hotfix: {change.Summary} — recorded in {store.LocationOf(id)}");
            }

            var record = store.Read(id);
            if (!record.Exists)
            {
                throw new HotfixInputException($"incident '{id}': nothing is recorded yet ({record.Location}); expected an incident with a record (decide, review, checklist --done, verify and record --note write one)");
            }

            foreach (var problem in record.Problems)
            {
                environment.Error.WriteLine($"hotfix: warning: {record.Location}: {problem}");
            }

            SectionOutput.Write(new TimelineSection(record), parse.GetValue(format), parse.GetValue(options.NoColor), environment);
            return ExitCodes.Success;
        });
        return command;
    }
}
