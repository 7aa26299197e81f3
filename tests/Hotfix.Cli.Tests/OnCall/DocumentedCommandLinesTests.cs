using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using Hotfix.Cli.Infrastructure;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>
/// The on-call engineer copies command lines from the README, the docs and the packages' pages: every concrete
/// `hotfix …` line there must parse as written, with today's option names — not through a deprecated alias that warns
/// and goes away in the next release. Lines with placeholders (<c>INC-…</c>, <c>&lt;name&gt;</c>, <c>[--x]</c>,
/// <c>SEVn</c>) are synopses, not lines to paste, and are left out; a line the doc shows failing (its next line is
/// <c>hotfix: error:</c>) must fail.
/// </summary>
public partial class DocumentedCommandLinesTests
{
    [Fact]
    public void Every_command_line_the_docs_show_parses_as_written()
    {
        var environment = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, CurrentDirectory = "/" };
        var root = CliApp.BuildRoot(new CliOptions(), environment);
        CliConventions.Apply(root, environment);

        var lines = DocumentedLines().ToList();
        Assert.True(lines.Count >= 100, $"only {lines.Count} documented command lines found: is the extraction broken?");
        var problems = new List<string>();
        foreach (var (where, line, inProse, shownFailing) in lines)
        {
            var words = Words(line);
            var parse = root.Parse(words);
            var warning = new StringWriter();
            OutputOptionAliases.RewriteDeprecatedFile(parse.CommandResult.Command, words, warning);
            // Prose names a command with the options it talks about ("`hotfix rollback --dry-run`") and may leave out its
            // arguments; every option and value it does show must still be today's.
            var errors = parse.Errors.Select(e => e.Message)
                .Where(e => !(inProse && (e.StartsWith("Required argument missing", StringComparison.Ordinal) || e.StartsWith("Required command was not provided", StringComparison.Ordinal)))).ToList();
            if (shownFailing)
            {
                if (parse.Errors.Count == 0)
                {
                    problems.Add($"{where}: shown failing but parses: {line}");
                }
            }
            else if (errors.Count > 0 || warning.ToString().Length > 0)
            {
                problems.Add($"{where}: hotfix {line}\n    {string.Join("; ", errors)}{warning}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>(file:line, the command line without <c>hotfix</c>, whether it is a mention in prose, whether the doc shows it failing).</summary>
    private static IEnumerable<(string Where, string Line, bool InProse, bool ShownFailing)> DocumentedLines()
    {
        var files = new[] { SourceTree.PathOf("README.md") }
            .Concat(Directory.EnumerateFiles(SourceTree.PathOf("docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateDirectories(SourceTree.PathOf("src")).Select(d => Path.Combine(d, "PACKAGE.md")).Where(File.Exists));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllLines(file);
            var fenced = false;
            for (var i = 0; i < text.Length; i++)
            {
                var where = $"{Path.GetRelativePath(SourceTree.Root, file)}:{i + 1}";
                if (text[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    fenced = !fenced;
                    continue;
                }

                var current = text[i];
                while (fenced && current.EndsWith('\\') && i + 1 < text.Length)
                {
                    // A line continued with a backslash is one command line, as the shell reads it.
                    current = current[..^1] + " " + text[++i].Trim();
                }

                IEnumerable<string> found = fenced
                    ? FencedLine().Match(current) is { Success: true } m ? [m.Groups[1].Value] : []
                    : InlineSpan().Matches(current).Select(s => s.Groups[1].Value);
                foreach (var line in found.Select(Pasteable).Where(l => l is not null))
                {
                    var shownFailing = fenced && i + 1 < text.Length && text[i + 1].StartsWith("hotfix: error:", StringComparison.Ordinal);
                    yield return (where, line!, !fenced, shownFailing);
                }
            }
        }
    }

    /// <summary>The part of a line hotfix sees (before a pipe, a redirection or a comment), or null for a synopsis.</summary>
    private static string? Pasteable(string line)
    {
        line = ShellTail().Replace(line, string.Empty).Trim();
        return line.Length == 0 || Placeholder().IsMatch(line) ? null : line;
    }

    /// <summary>The words a POSIX shell makes of the line: white space splits, single and double quotes group.</summary>
    private static string[] Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words.ToArray();
    }

    [GeneratedRegex(@"^\s*(?:\$ )?hotfix (.*)$")]
    private static partial Regex FencedLine();

    [GeneratedRegex(@"`hotfix ([^`]+)`")]
    private static partial Regex InlineSpan();

    [GeneratedRegex(@"\s+(?:#|\||>>?|&&|;).*$")]
    private static partial Regex ShellTail();

    // Abbreviations and placeholders: an ellipsis, <angle>, [optional], alternatives, SEVn/hN/INC and capitalised names.
    [GeneratedRegex(@"…|<|\[|\\\||\w\|\w|\bSEVn\b|\bhN\b|\bINC\b|\b(?:COMMAND|NAME|SUITE|DATE|RULE|TEXT|ID|N|FILE|PATH|KIND|COMPONENT|DURATION|TIME)\b")]
    private static partial Regex Placeholder();
}
