using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Infrastructure;

/// <summary>Writes a check report where the user asked: stdout, --output FILE, and GitHub's step summary.</summary>
internal static class ReportOutput
{
    public static void Write(CheckReport report, ReportFormat format, string? outputFile, bool noColor, string repositoryRoot, CliEnvironment environment)
    {
        var color = format == ReportFormat.Text && outputFile is null && !noColor && environment.OutputIsTerminal
            && environment.GetVariable("NO_COLOR") is null && environment.GetVariable("TERM") != "dumb";
        var renderer = ReportRenderers.For(format, new RenderOptions(color, repositoryRoot));
        if (outputFile is null)
        {
            renderer.Render(report, environment.Out);
        }
        else
        {
            var path = environment.Resolve(outputFile);
            try
            {
                File.WriteAllText(path, renderer.RenderToString(report));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new HotfixInputException($"--output-file '{Echo.Of(outputFile)}': cannot write the report there ({e.Message}); expected a writable file path.", e);
            }

            // The summary names the command that ran: an audit's line saying "check" sends the reader to the wrong command.
            environment.Out.WriteLine($"{report.Tool.Name} {report.Command}: {report.Counts}{(report.IsBlocking ? " — blocking" : string.Empty)}; {format.Name()} report written to {outputFile}");
        }

        // In GitHub Actions the job summary is the place people read; give it the PR-comment view.
        if (format == ReportFormat.Github && environment.GetVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            try
            {
                File.AppendAllText(summary, new MarkdownReportRenderer().RenderToString(report));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"hotfix: warning: GITHUB_STEP_SUMMARY '{summary}' cannot be written ({e.Message}); the annotations above are complete.");
            }
        }
    }
}
