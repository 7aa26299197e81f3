using System.Text.RegularExpressions;
using Hotfix.Analyzers.Tests.Infrastructure;
using Hotfix.Policy.Rules;
using Hotfix.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Tests;

/// <summary>StyleCop-style meta-tests: conventions every analyzer in the package must keep.</summary>
public class AnalyzerConventionsTests
{
    public static TheoryData<string> Analyzers() => AllAnalyzers.Names();

    [Fact]
    public void The_package_ships_the_ten_rules_of_this_version()
    {
        var ids = AllAnalyzers.Instances.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order();
        Assert.Equal(["HF2002", "HF2003", "HF2009", "HF3001", "HF3002", "HF3003", "HF4001", "HF4002", "HF4003", "HF4004"], ids);
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Descriptors_come_from_the_catalogue_with_a_help_link_to_their_page(string analyzer)
    {
        foreach (var descriptor in AllAnalyzers.Named(analyzer).SupportedDiagnostics)
        {
            var rule = RuleCatalogue.Get(descriptor.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(RuleCatalogue.HelpLinkFor(descriptor.Id), descriptor.HelpLinkUri);
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(File.Exists(SourceTree.PathOf("docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
            Assert.True(descriptor.IsEnabledByDefault, $"{descriptor.Id} must be on by default: bulk severity settings cannot enable it (roslyn #47046)");
            // Errors come from escalation only; and Info/Hidden descriptors would make dotnet build skip the analyzer
            // entirely (roslyn#43546), so it could never escalate. Quiet rules are quiet through the background level.
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        }
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Every_rule_page_documents_its_escalation_configuration(string analyzer)
    {
        foreach (var id in AllAnalyzers.Named(analyzer).SupportedDiagnostics.Select(d => d.Id).Distinct())
        {
            var page = File.ReadAllText(SourceTree.PathOf("docs", "rules", id + ".md"));
            Assert.Contains("## What the reviewer should check", page, StringComparison.Ordinal);
            Assert.Contains("## Examples", page, StringComparison.Ordinal);
            Assert.Contains("## Configuration", page, StringComparison.Ordinal);
            Assert.Contains($"hotfix.{id}.escalated_severity", page, StringComparison.Ordinal);
            Assert.Contains($"hotfix.{id}.background_severity", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_release_file_tracks_every_rule_with_its_category_and_severity()
    {
        var unshipped = File.ReadAllText(SourceTree.PathOf("src", "Hotfix.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in AllAnalyzers.Instances.SelectMany(a => a.SupportedDiagnostics))
        {
            var severity = descriptor.DefaultSeverity switch { DiagnosticSeverity.Info => "Info", var s => s.ToString() };
            Assert.Matches(new Regex($@"^{descriptor.Id}\s*\|\s*{descriptor.Category}\s*\|\s*{severity}\s*\|", RegexOptions.Multiline), unshipped);
        }
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task Runs_clean_on_an_empty_file(string analyzer)
    {
        var compilation = CSharpCompilation.Create("empty", [CSharpSyntaxTree.ParseText("")], TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation.WithAnalyzers([AllAnalyzers.Named(analyzer)]).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics);
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task Registers_nothing_expensive_without_the_libraries_it_knows(string analyzer)
    {
        // Only the core library: the EF, ASP.NET Core and Dapper types are absent, so the rules must stay silent.
        var core = TestReferences.All.Where(r => Path.GetFileName(r.Display) is "System.Runtime.dll" or "netstandard.dll" or "System.Linq.dll" or "System.Collections.dll");
        var source = "using System.Linq; class C { int M(int[] xs) { foreach (var x in xs) { xs.ToList(); xs.Count(); } return 0; } }";
        var compilation = CSharpCompilation.Create("bare", [CSharpSyntaxTree.ParseText(source)], core,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation.WithAnalyzers([AllAnalyzers.Named(analyzer)]).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics);
    }
}
