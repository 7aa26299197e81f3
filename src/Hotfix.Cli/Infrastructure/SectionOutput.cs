using System.CommandLine;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Infrastructure;

/// <summary>The --format option of the procedure commands (text, json, markdown) and writing their one section.</summary>
internal static class SectionOutput
{
    public static Option<string> FormatOption()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json, markdown.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "text",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!ReportFormats.TryParse(value, out var format) || !SectionRenderer.Formats.Contains(format))
            {
                result.AddError($"--format '{Echo.Of(value)}': expected {SectionRenderer.ExpectedForm}.");
            }
        });
        return option;
    }

    public static void Write(ReportSection section, string? formatName, bool noColor, CliEnvironment environment)
    {
        ReportFormats.TryParse(formatName, out var format);
        var color = format == ReportFormat.Text && !noColor && environment.OutputIsTerminal
            && environment.GetVariable("NO_COLOR") is null && environment.GetVariable("TERM") != "dumb";
        SectionRenderer.Render(section, format, environment.Out, color, OutputWidth.Of(environment));
    }
}
