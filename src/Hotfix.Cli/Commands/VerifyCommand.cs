using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Text;
using Hotfix.Policy.Verification;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix verify INC-…</c>: the stability window. One action per call — <c>--deployed</c>, <c>--at hN --check …</c>,
/// <c>--declare-stable</c>, <c>--post-mortem scheduled|done</c>, <c>--close</c> — or <c>--status</c> (the default).
/// Prints the status afterwards. Exit 1 when the runbook refuses the action (not due, not stable, no post-mortem).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var incident = new Argument<string>("incident") { Description = "The incident id, INC-YYYY-NNNN." };
        var deployed = new Option<bool>("--deployed") { Description = "Record that the hotfix reached production: the stability window starts (use --when for an earlier time)." };
        var at = new Option<string?>("--at") { Description = "The checkpoint the checks belong to: h1, h4, h24 (policy stabilityWindow.checkpoints).", HelpName = "CHECKPOINT" };
        var check = new Option<string[]>("--check") { Description = "A check result: NAME=pass, NAME=fail:note (repeat for several); NAME alone asks the metrics source.", HelpName = "NAME=pass|fail[:note]" };
        var status = new Option<bool>("--status") { Description = "Which checks are due, which passed, whether the hotfix can be declared stable and the incident closed (default)." };
        var declareStable = new Option<bool>("--declare-stable") { Description = "Declare the hotfix stable (refused unless every check of the window passed)." };
        var postMortem = new Option<string?>("--post-mortem") { Description = "Record the post-mortem as scheduled or done (with --note: when, link).", HelpName = "scheduled|done" };
        var close = new Option<bool>("--close") { Description = "Close the incident (refused unless declared stable and a post-mortem is scheduled or done)." };
        var note = new Option<string?>("--note") { Description = "A note for --deployed, --post-mortem or --close.", HelpName = "TEXT" };
        var by = CliOptions.By();
        var when = CliOptions.When();
        var format = SectionOutput.FormatOption();

        var command = new Command("verify", "The 24-hour stability window after a hotfix deploy: record the deploy and the h1/h4/h24 checks, see what is due, declare the hotfix stable, close the incident.")
        {
            incident, deployed, at, check, status, declareStable, postMortem, close, note, by, when, format,
        };
        CommandExamples.Attach(
            command,
            ("Record the first-hour check", "hotfix verify INC-2026-0042 --at h1 --check error-rate=pass"),
            ("What is due in the stability window", "hotfix verify INC-2026-0042"),
            ("Declare the hotfix stable after 24 hours", "hotfix verify INC-2026-0042 --declare-stable"));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = Inputs.Incident(parse.GetValue(incident));
            var checks = parse.GetValue(check) ?? [];
            var checkpoint = parse.GetValue(at);
            var postMortemStatus = Inputs.Choice(parse.GetValue(postMortem), "--post-mortem", StabilityEvents.Scheduled, StabilityEvents.Done);
            var actions = new[]
            {
                ("--deployed", parse.GetValue(deployed)),
                ("--at/--check", checkpoint is not null || checks.Length > 0),
                ("--declare-stable", parse.GetValue(declareStable)),
                ("--post-mortem", postMortemStatus is not null),
                ("--close", parse.GetValue(close)),
            }.Where(a => a.Item2).Select(a => a.Item1).ToList();
            if (actions.Count > 1)
            {
                throw new HotfixInputException($"{string.Join(", ", actions)}: one action per call; expected one of --deployed, --at … --check …, --declare-stable, --post-mortem, --close (or --status)");
            }

            if (actions.Count == 1 && parse.GetValue(status))
            {
                throw new HotfixInputException($"--status with {actions[0]}: the status is printed after every action; expected one of the two");
            }

            if (checks.Length > 0 && checkpoint is null)
            {
                throw new HotfixInputException("--check: needs its checkpoint; expected --at h1|h4|h24 with the checks");
            }

            var workspace = Workspace.Open(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy));
            var policy = workspace.Policy;
            var store = workspace.Records();
            var record = store.Read(id);
            if (actions.Count == 0 && !record.Exists)
            {
                // Asking about an incident nobody recorded is a mistyped id far more often than a real empty window;
                // record answers the same question the same way.
                throw new HotfixInputException($"incident '{id}': nothing is recorded yet ({record.Location}); expected an incident with a record (hotfix verify {id} --deployed starts the stability window)");
            }

            VerificationOutcome? outcome = null;
            if (actions.Count == 1)
            {
                var who = Inputs.Actor(environment, parse.GetValue(by));
                var time = Inputs.When(environment, parse.GetValue(when));
                outcome = actions[0] switch
                {
                    "--deployed" => StabilityVerification.Deployed(policy, record, who, time, parse.GetValue(note)),
                    "--at/--check" => await MeasureAsync(environment, policy, record, checkpoint!, checks.Select(ParseCheck).ToList(), who, time, cancellationToken).ConfigureAwait(false),
                    "--declare-stable" => StabilityVerification.DeclareStable(policy, record, who, time),
                    "--post-mortem" => StabilityVerification.PostMortem(record, postMortemStatus!, parse.GetValue(note), who, time),
                    _ => StabilityVerification.Close(policy, record, who, time, parse.GetValue(note)),
                };
                foreach (var e in outcome.Events)
                {
                    store.Record(e);
                }

                var notice = new TeamNotification(TeamNotificationEvents.Verify, id, (outcome.Accepted ? string.Empty : "refused: ") + outcome.Message, who, null, [$"hotfix verify {id} --status"]);
                await TeamNotifications.SendAsync(environment, policy, notice, store, cancellationToken).ConfigureAwait(false);
                record = store.Read(id);
            }

            SectionOutput.Write(new VerificationSection(id, StabilityWindow.Evaluate(policy, record.Events, environment.Time.GetLocalNow(), id)), parse.GetValue(format), parse.GetValue(options.NoColor), environment);
            if (outcome is { Accepted: false })
            {
                environment.Error.WriteLine($"hotfix: refused: {outcome.Message}");
                return ExitCodes.PolicyFindings;
            }

            if (outcome is not null)
            {
                environment.Error.WriteLine($"hotfix: {outcome.Message} — recorded in {store.LocationOf(id)}");
            }

            if (outcome is { ToAttest.Count: > 0 })
            {
                environment.Error.WriteLine($"hotfix: no metrics source measures these {checkpoint} checks; a person attests them: hotfix verify {id} --at {checkpoint} "
                    + string.Join(" ", outcome.ToAttest.Select(c => $"--check {c.Id}=pass|fail:note")));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The checks of one checkpoint, measured ones through the policy's metrics source (disposed after).</summary>
    private static async Task<VerificationOutcome> MeasureAsync(CliEnvironment environment, HotfixPolicy policy, IncidentRecord record, string checkpoint, IReadOnlyList<CheckInput> checks, string who, DateTimeOffset time, CancellationToken cancellationToken)
    {
        // Only a check to measure needs the source (and its token): attesting works without either.
        var metrics = checks.Count == 0 || checks.Any(c => c.Passed is null) ? CliMetrics.For(environment, policy) : AttestedOnlyMetrics.Instance;
        try
        {
            return await StabilityVerification.CheckAsync(policy, record, checkpoint, checks, metrics, who, time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (metrics != environment.Adapters.Metrics)
            {
                (metrics as IDisposable)?.Dispose();
            }
        }
    }

    private static CheckInput ParseCheck(string text) =>
        CheckInput.TryParse(text, out var input)
            ? input
            : throw new HotfixInputException($"--check '{Echo.Of(text)}': expected {CheckInput.ExpectedForm}");
}
