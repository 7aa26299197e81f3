using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Decisions;
using Hotfix.Policy.Records;

namespace Hotfix.Cli.Commands;

/// <summary><c>hotfix decide</c>: rollback or forward-fix from the runbook's decision table, with the explanation trace.</summary>
internal static class DecideCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var rootCause = CliOptions.Text("--root-cause", "known|unknown", "Is the root cause known? (required)");
        var impact = CliOptions.Text("--impact", "ongoing|contained", "Are users still affected? (required)");
        var fixEta = CliOptions.Text("--fix-eta", "MINUTES", "Minutes until a forward-fix is deployed, if anyone can estimate it (20, or a duration such as 20m or 1h30m).");
        var losesData = new Option<bool>("--rollback-loses-data") { Description = "A rollback would cause data loss." };
        var migrations = new Option<bool>("--migrations-applied") { Description = "A rollback would break data migrations already applied." };
        var services = CliOptions.Text("--services-affected", "N", "How many services show the incident (default 1).");
        var culprit = CliOptions.Text("--culprit", "known|unknown", "Is it clear which service caused it? (required when more than one service is affected)");
        var age = CliOptions.Text("--incident-age", "MINUTES", "Minutes since the incident started (90, or a duration such as 90m or 1h30m).");
        var inSight = CliOptions.Text("--fix-in-sight", "yes|no", "Is a fix in sight? (default: yes when --fix-eta is given)");
        var incident = CliOptions.Text("--incident", "INC-YYYY-NNNN", "Append the decision to this incident's record.");
        var by = CliOptions.By();
        var format = SectionOutput.FormatOption();

        var command = new Command("decide", "Rollback or forward-fix, from the runbook's decision table: the decision, the rule that decided, every other rule that matched and why it lost, and the next steps.")
        {
            rootCause, impact, fixEta, losesData, migrations, services, culprit, age, inSight, incident, by, format,
        };
        CommandExamples.Attach(
            command,
            ("Root cause unknown, users affected, but a rollback would lose data", "hotfix decide --root-cause unknown --impact ongoing --rollback-loses-data"),
            ("Record the decision in the incident record", "hotfix decide --root-cause known --impact ongoing --fix-eta 20 --incident INC-2026-0042"));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new RollbackDecisionRequest
            {
                RootCause = Inputs.RequiredChoice(parse.GetValue(rootCause), "--root-cause", "known", "unknown") == "known" ? RootCause.Known : RootCause.Unknown,
                Impact = Inputs.RequiredChoice(parse.GetValue(impact), "--impact", "ongoing", "contained") == "ongoing" ? Impact.Ongoing : Impact.Contained,
                FixEtaMinutes = Inputs.Minutes(parse.GetValue(fixEta), "--fix-eta"),
                RollbackLosesData = parse.GetValue(losesData),
                MigrationsApplied = parse.GetValue(migrations),
                ServicesAffected = Inputs.WholeNumber(parse.GetValue(services), "--services-affected", "a whole number of services (1 or more)") ?? 1,
                Culprit = Inputs.Choice(parse.GetValue(culprit), "--culprit", "known", "unknown") switch
                {
                    "known" => Culprit.Known,
                    "unknown" => Culprit.Unknown,
                    _ => null,
                },
                IncidentAgeMinutes = Inputs.Minutes(parse.GetValue(age), "--incident-age"),
                FixInSight = Inputs.Choice(parse.GetValue(inSight), "--fix-in-sight", "yes", "no") switch
                {
                    "yes" => true,
                    "no" => false,
                    _ => null,
                },
            };
            var incidentId = Inputs.OptionalIncident(parse.GetValue(incident), "--incident");
            var workspace = Workspace.OpenForEmergency(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy), "decide");
            // On the incident's hotfix branch the next steps name it, so they can be pasted; only --incident records.
            var named = incidentId ?? CurrentIncident.FromBranch(environment, parse.GetValue(options.Repo), workspace.Policy);
            var decision = DecideVocabulary.Decide(request, workspace.Policy, named);

            if (incidentId is { } id)
            {
                var store = workspace.Records();
                var who = Inputs.Actor(environment, parse.GetValue(by));
                store.Record(DecisionEvents.ToEvent(id, decision, who, environment.Time.GetLocalNow()));
                environment.Error.WriteLine($"hotfix: decision recorded in {store.LocationOf(id)}");
                await TeamNotifications.SendAsync(environment, workspace.Policy, DecisionNotice.For(id, decision, who), store, cancellationToken).ConfigureAwait(false);
            }

            SectionOutput.Write(new DecisionSection(decision), parse.GetValue(format), parse.GetValue(options.NoColor), environment);
            return ExitCodes.Success;
        });
        return command;
    }
}
