using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Git;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Classification;
using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Checks.Testing;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Commands;

/// <summary><c>hotfix check</c>: every finding for the hotfix branch; exit 1 when one is blocking.</summary>
internal static class CheckCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var format = CliOptions.Format();
        var branch = new Option<string?>("--branch")
        {
            Description = "Check this branch instead of HEAD (for CI checkouts with a detached HEAD, e.g. --branch \"$GITHUB_HEAD_REF\").",
            HelpName = "NAME",
        };
        var severity = new Option<string?>("--severity")
        {
            Description = "The incident's severity: SEV1, SEV2, SEV3 or SEV4 (review, test plan and budgets depend on it).",
            HelpName = "SEVn",
        };
        severity.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !IncidentSeverities.TryParse(value, out _))
            {
                result.AddError($"--severity '{Echo.Of(value)}': expected {IncidentSeverities.ExpectedForm}.");
            }
        });
        var output = CliOptions.Output();

        var scope = new Option<string[]>("--scope")
        {
            Description = "The incident's components (policy components[].name), comma-separated or repeated; files of other components are reported (HF1104).",
            HelpName = "COMPONENT[,…]",
        };
        var kind = new Option<string[]>("--kind")
        {
            Description = "Declare change kinds the files cannot show, e.g. --kind performance for a performance fix (adds its conditional tests).",
            HelpName = "KIND[,…]",
        };
        var allow = new Option<string[]>("--allow")
        {
            Description = "Accept the findings of a rule (any rule id, e.g. HF1101) for this check: they become info and keep --reason in every report.",
            HelpName = "RULE[,…]",
        };
        var reason = new Option<string?>("--reason")
        {
            Description = "Why the --allow'ed findings are acceptable for this incident (required with --allow; recorded in every report).",
            HelpName = "TEXT",
        };

        var justify = new Option<string[]>("--justify")
        {
            Description = "SEV1 only: why a suite the runbook lets you run post-deploy (SKIP_WITH_JUSTIFICATION) runs after the deploy; repeat per suite, e.g. --justify \"full-regression=runs post-deploy; one guarded line\".",
            HelpName = "SUITE=TEXT",
        };

        var command = new Command("check", "Check the current hotfix branch against the runbook: every finding, the required review and tests. Exit 1 on blocking findings.")
        {
            format, branch, severity, output, scope, kind, allow, reason, justify,
        };
        CommandExamples.Attach(
            command,
            ("Check the hotfix branch you are on", "hotfix check"),
            ("SARIF for code scanning, with the SEV1 review and test plan", "hotfix check --severity SEV1 --format sarif --output-file hotfix.sarif"),
            ("In a pull request on GitHub Actions", "hotfix check --format github --branch \"$GITHUB_HEAD_REF\""));
        command.SetAction(parse =>
        {
            using var session = RepositorySession.Open(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy));
            using var engine = CliEngine.For(session, environment);
            var branchName = parse.GetValue(branch);
            if (InterruptedFinishNotice.Explain(session, branchName, environment))
            {
                return ExitCodes.OperationFailed;
            }

            if (NotOnHotfixBranch.Explain(session, branchName, environment))
            {
                return ExitCodes.InvalidInput;
            }

            var incidentSeverity = parse.GetValue(severity) is { } s ? IncidentSeverities.Parse(s) : (IncidentSeverity?)null;
            var checkOptions = new CheckOptions
            {
                Severity = incidentSeverity,
                Justifications = DeferralJustifications.Check(session.Policy.Tests, incidentSeverity, parse.GetValue(justify) ?? []),
                DeclaredScope = ScopeDeclaration.Check(session.Policy, parse.GetValue(scope) ?? []),
                DeclaredKinds = ChangeKindDeclaration.Check(session.Policy, parse.GetValue(kind) ?? []),
                Waivers = Waivers(parse.GetValue(allow) ?? [], parse.GetValue(reason)),
            };
            ReportFormats.TryParse(parse.GetValue(format), out var reportFormat);
            var request = new CheckRequest { Branch = branchName, Options = checkOptions, LocatesBranchFindings = reportFormat == ReportFormat.Sarif };
            var report = WithCliRemedy(() => engine.Check(request), branchName);
            ReportOutput.Write(report, reportFormat, parse.GetValue(output), parse.GetValue(options.NoColor), session.Repository.Root, environment);
            return report.IsBlocking ? ExitCodes.PolicyFindings : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>--allow RULE[,…] with --reason TEXT: one reason for every rule named. Either alone is a mistake (exit 2).</summary>
    private static IReadOnlyList<WaiverRequest> Waivers(string[] allowed, string? reason)
    {
        var ids = allowed.SelectMany(a => a.Split(',')).Select(a => a.Trim()).Distinct().ToList();
        if (ids.Count == 0)
        {
            return reason is null
                ? []
                : throw new HotfixInputException("--reason is given without --allow; expected --allow RULE (e.g. --allow HF1101) naming the findings the reason accepts.");
        }

        return ids.Select(id => WaiverRequest.Create(id, reason, "--allow")).ToList();
    }

    /// <summary>The branch to work on: --branch, else HEAD's branch; a detached or unborn HEAD is an input error.</summary>
    internal static CheckSubject ResolveSubject(RepositorySession session, CliEnvironment environment, string? branchOption)
    {
        using var engine = CliEngine.For(session, environment);
        return WithCliRemedy(() => engine.ResolveSubject(branchOption), branchOption);
    }

    /// <summary>The engine says what is wrong with the subject; the command line says which option fixes it.</summary>
    internal static T WithCliRemedy<T>(Func<T> run, string? branchOption)
    {
        try
        {
            return run();
        }
        catch (HotfixSubjectException e)
        {
            throw new HotfixInputException(e.Problem switch
            {
                SubjectProblem.NoSuchBranch when string.IsNullOrWhiteSpace(branchOption) =>
                    $"--branch '{Echo.Of(branchOption)}': the value is empty; expected the name of an existing branch (git branch -a lists them). In CI, the variable that should hold it is empty for this event: GitHub Actions sets $GITHUB_HEAD_REF only for pull requests.",
                SubjectProblem.NoSuchBranch => $"--branch '{Echo.Of(branchOption)}': no local branch or {e.Remote}/{Echo.Of(branchOption)} exists; expected the name of an existing branch (git branch -a lists them).",
                SubjectProblem.Unborn => $"HEAD is on '{Echo.Of(e.Branch)}', which has no commits yet; expected a branch with commits (commit first, or pass --branch NAME).",
                _ => $"HEAD is detached at {e.Commit?[..7]}; expected HEAD on the hotfix branch (git switch hotfix/INC-YYYY-NNNN-…) or --branch NAME (in GitHub Actions: --branch \"$GITHUB_HEAD_REF\").",
            }, e);
        }
    }
}
