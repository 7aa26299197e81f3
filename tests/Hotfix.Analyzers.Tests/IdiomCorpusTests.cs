using System.Text.RegularExpressions;
using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Tests;

/// <summary>
/// The analyzers' idiom corpus: whole files written like the code of real applications — the ASP.NET Core and EF Core
/// templates' Program.cs, Identity's scaffolded pages, Web API logins, Dapper repositories, seeders, retry and drain
/// loops — in <c>Idioms/</c>. Every HF finding must sit on a line marked <c>// expect HFxxxx</c>, and every marked line
/// must have its finding: a false finding and a miss both fail. A file whose name starts with <c>exe_</c> is an
/// application's entry point (top-level statements). The same files, cut and spliced at random, must never make an
/// analyzer throw (AD0001).
/// </summary>
public partial class IdiomCorpusTests
{
    public static TheoryData<string> Files() => [.. Directory.GetFiles(Root, "*.cs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static string Root => Path.Combine(AppContext.BaseDirectory, "Idioms");

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_finding_is_expected_and_every_expected_finding_is_found(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        var compilation = Compile(file, text);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        var expected = text.Split('\n')
            .SelectMany((line, index) => Expect().Match(line) is { Success: true } marker
                ? marker.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => $"{id} L{index + 1}")
                : [])
            .Order(StringComparer.Ordinal)
            .ToList();
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Instances).GetAnalyzerDiagnosticsAsync();
        var actual = diagnostics
            .Select(d => $"{d.Id} L{d.Location.GetLineSpan().StartLinePosition.Line + 1}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Half_written_and_half_deleted_code_never_makes_an_analyzer_throw(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        var random = new Random(file.Length * 7919); // the same cuts on every run
        for (var k = 0; k < 12; k++)
        {
            var cut = random.Next(text.Length / 4, text.Length);
            var source = k % 2 == 0 ? text[..cut] : text[..(cut / 2)] + text[cut..];
            var diagnostics = await Compile(file, source).WithAnalyzers(AllAnalyzers.Instances).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("AD", StringComparison.Ordinal));
        }
    }

    private static CSharpCompilation Compile(string file, string text)
    {
        var kind = file.StartsWith("exe_", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), "/repo/src/" + file);
        return CSharpCompilation.Create("idioms", [tree], TestReferences.All, new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }

    [GeneratedRegex(@"//\s*expect\s+(?<ids>(?:HF\d{4}\s*)+)$")]
    private static partial Regex Expect();
}
