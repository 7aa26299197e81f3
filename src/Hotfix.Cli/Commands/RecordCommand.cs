using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Records;

namespace Hotfix.Cli.Commands;

/// <summary><c>hotfix record INC-…</c>: the incident's timeline; <c>--note</c> appends notes (e.g. resolution details).</summary>
internal static class RecordCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var incident = new Argument<string>("incident") { Description = "The incident id, INC-YYYY-NNNN." };
        var note = new Option<string[]>("--note") { Description = "Append a note (repeat for several), e.g. the resolution details.", HelpName = "TEXT" };
        var by = CliOptions.By();
        var when = CliOptions.When();
        var format = SectionOutput.FormatOption();

        var command = new Command("record", "Print an incident's record — every decision, review, rollback, deploy step and verification, in order — or append notes to it.")
        {
            incident, note, by, when, format,
        };
        CommandExamples.Attach(
            command,
            ("The incident's timeline as Markdown", "hotfix record INC-2026-0042 --format markdown"),
            ("Add the resolution details", "hotfix record INC-2026-0042 --note \"root cause: rounding in OrderTotal\""));
        command.SetAction(parse =>
        {
            var id = Inputs.Incident(parse.GetValue(incident));
            var workspace = Workspace.OpenForEmergency(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy), "record");
            var store = workspace.Records();
            var notes = parse.GetValue(note) ?? [];
            if (notes.Length > 0)
            {
                var who = Inputs.Actor(environment, parse.GetValue(by));
                var at = Inputs.When(environment, parse.GetValue(when));
                foreach (var text in notes)
                {
                    store.Record(new IncidentEvent { Incident = id, Kind = IncidentEventKinds.Note, At = at, By = who, Summary = text });
                }
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
