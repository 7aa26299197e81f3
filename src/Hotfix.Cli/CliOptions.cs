using System.CommandLine;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Text;

namespace Hotfix.Cli;

/// <summary>Options every command understands; one instance per app so commands can read them from any parse result.</summary>
internal sealed class CliOptions
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

    /// <summary>A text option of a command; its value is parsed and checked by the command (messages name the option).</summary>
    public static Option<string?> Text(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName };

    /// <summary>--by NAME: who acts, for the incident record (default: $HOTFIX_USER, else the login name).</summary>
    public static Option<string?> By() =>
        Text("--by", "NAME", "Who does it, for the incident record (default: $HOTFIX_USER, else the login name).");

    /// <summary>--when TIME: when it happened, for entries recorded afterwards (default: now).</summary>
    public static Option<string?> When() =>
        Text("--when", "TIME", "When it happened (ISO 8601, e.g. 2026-03-24T10:30:00+01:00; default: now).");

    /// <summary>A fresh --output option for a command that renders reports (check, audit).</summary>
    public static Option<string?> Output() => new(Infrastructure.OutputOptionAliases.FileOption)
    {
        Description = "Write the report to FILE (e.g. hotfix.sarif for code scanning) and print a one-line summary. (-o FILE, the old spelling, still works in this release with a deprecation note; -o is now the format.)",
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
                result.AddError($"--format '{Echo.Of(value)}': expected {ReportFormats.ExpectedForm}.");
            }
        });
        return option;
    }
}
