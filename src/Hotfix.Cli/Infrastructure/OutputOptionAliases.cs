using System.CommandLine;
using Hotfix.Policy.Reporting;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// One meaning for <c>-o</c>/<c>--output</c> on every command: the output format, as kubectl users type it
/// (<c>-o json</c>). Any command with a <c>--format</c> option gets the two aliases from the command tree, so commands
/// added later get them too. <c>check</c> and <c>audit</c> used <c>-o FILE</c> for the report file (now
/// <c>--output-file</c>): for one release a value there that is not a format name is still taken as the file, with a
/// deprecation note.
/// </summary>
internal static class OutputOptionAliases
{
    public const string FileOption = "--output-file";

    private static readonly string[] Aliases = ["-o", "--output"];

    /// <summary>Adds -o/--output to every --format option of the tree whose command has no other -o.</summary>
    public static void Apply(Command command)
    {
        var format = command.Options.FirstOrDefault(o => o.Name == "--format");
        if (format is not null && !command.Options.Any(o => o != format && Aliases.Any(a => o.Name == a || o.Aliases.Contains(a))))
        {
            foreach (var alias in Aliases.Where(a => !format.Aliases.Contains(a)))
            {
                format.Aliases.Add(alias);
            }

            format.Description += " Also -o/--output (kubectl's spelling), e.g. -o json.";
        }

        foreach (var sub in command.Subcommands)
        {
            Apply(sub);
        }
    }

    /// <summary>
    /// The arguments with the old <c>-o FILE</c>/<c>--output FILE</c> of a command that has --output-file rewritten to
    /// <c>--output-file FILE</c> (a deprecation note each time); the same arguments when there is nothing to rewrite.
    /// </summary>
    public static string[] RewriteDeprecatedFile(Command command, string[] args, TextWriter error)
    {
        if (!command.Options.Any(o => o.Name == FileOption))
        {
            return args;
        }

        var rewritten = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rewritten.AddRange(args[i..]);
                break;
            }

            var (name, value, inline) = Split(arg, i + 1 < args.Length ? args[i + 1] : null);
            if (name is not null && value is not null && !ReportFormats.TryParse(value, out _))
            {
                error.WriteLine($"hotfix: warning: '{name} {value}' names the report file, which is deprecated: -o/--output is the output format on every command (as in kubectl: -o json); write '{FileOption} {value}'. The old spelling stops working in the next release.");
                rewritten.Add(FileOption);
                rewritten.Add(value);
                i += inline ? 0 : 1;
                continue;
            }

            rewritten.Add(arg);
        }

        return [.. rewritten];
    }

    private static (string? Name, string? Value, bool Inline) Split(string arg, string? next)
    {
        foreach (var alias in Aliases)
        {
            if (arg == alias)
            {
                return (alias, next, false);
            }

            if (arg.StartsWith(alias + "=", StringComparison.Ordinal) || arg.StartsWith(alias + ":", StringComparison.Ordinal))
            {
                return (alias, arg[(alias.Length + 1)..], true);
            }
        }

        return (null, null, false);
    }
}
