using System.CommandLine;
using System.Globalization;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Audit;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Commands;

/// <summary><c>hotfix audit</c>: hotfixes on main that never reached the back-merge target (HF0104); exit 1 when any.</summary>
internal static class AuditCommand
{
    public const string SinceExpectedForm = "a date YYYY-MM-DD or an ISO 8601 time such as 2026-03-01T12:00:00Z";

    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var format = CliOptions.Format();
        var output = CliOptions.Output();
        var since = new Option<string?>("--since")
        {
            Description = "Only hotfixes that reached main on or after DATE (YYYY-MM-DD, UTC, or an ISO 8601 time).",
            HelpName = "DATE",
        };
        since.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && ParseSince(value) is null)
            {
                result.AddError($"--since '{Echo.Of(value)}': expected {SinceExpectedForm}.");
            }
        });

        var command = new Command("audit", "Find hotfixes on main that never reached the back-merge target (merges, squashes, rebases; by ancestry and patch id). Exit 1 when one is found.")
        {
            format, output, since,
        };
        CommandExamples.Attach(
            command,
            ("Hotfixes this year that never reached develop, for code scanning", "hotfix audit --since 2026-01-01 --format sarif --output-file audit.sarif"),
            ("The same as JSON", "hotfix audit -o json"));
        command.SetAction(parse =>
        {
            using var session = RepositorySession.Open(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy));
            var ports = session.Ports();
            var main = HotfixAudit.ResolveMain(session.Repository, session.Policy);
            var sinceValue = parse.GetValue(since) is { } text ? ParseSince(text) : null;
            ReportFormats.TryParse(parse.GetValue(format), out var reportFormat);
            var context = new CheckContext(session.Policy, new CheckSubject(main.Name, main.TipSha), new CheckOptions(), ports)
            {
                PolicyFile = session.PolicyFile,
                LocatesBranchFindings = reportFormat == ReportFormat.Sarif,
            };
            var report = CheckRunner.Run(context, [new AuditModule(sinceValue)], ToolIdentity.Current, "audit");
            ReportOutput.Write(report, reportFormat, parse.GetValue(output), parse.GetValue(options.NoColor), session.Repository.Root, environment);
            return report.IsBlocking ? ExitCodes.PolicyFindings : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A date is the start of that day in UTC; a time with an offset is taken as given, without one as UTC.</summary>
    internal static DateTimeOffset? ParseSince(string text)
    {
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day))
        {
            return day;
        }

        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
    }
}
