using System.CommandLine;
using Hotfix.Policy.Reporting;

namespace Hotfix.Cli;

/// <summary>Options every command understands; one instance per app so commands can read them from any parse result.</summary>
public sealed class CliOptions
{
    public Option<string?> Repo { get; } = new("--repo")
    {
        Description = "The git working tree to work on (default: the current directory).",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string?> Policy { get; } = new("--policy")
    {
        Description = "Policy file (default: hotfix.json at the repository root; without one, the runbook's defaults).",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "On errors, also print the technical details (exception and stack trace).",
        Recursive = true,
    };

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Never colour the text output (colour is used only on a terminal, and never when NO_COLOR is set).",
        Recursive = true,
    };

    /// <summary>A fresh --output option for a command that renders reports (check, audit).</summary>
    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the report to FILE (e.g. hotfix.sarif for code scanning) and print a one-line summary.",
        HelpName = "FILE",
    };

    /// <summary>A fresh --format option for a command that renders reports.</summary>
    public static Option<string> Format(string defaultFormat = "text")
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", ReportFormats.Names) + ".",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => defaultFormat,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!ReportFormats.TryParse(value, out _))
            {
                result.AddError($"--format '{value}': expected {ReportFormats.ExpectedForm}.");
            }
        });
        return option;
    }
}
