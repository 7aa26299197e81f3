using System.Collections.Immutable;
using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Tests;

/// <summary>
/// A test project (MSBuild IsTestProject) is not deployed: by default no HF rule reports in it, so a hotfix's regression
/// test may clean its database or block on a task; HotfixAnalyzeTests=true turns the rules back on.
/// </summary>
public class TestProjectTests
{
    private const string Fixture = """
        public class OrdersTests
        {
            public async Task Cleans_up(Shop db, string name)
            {
                db.Orders.ExecuteDelete();
                var users = db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Name = '{name}'").ToList();
                foreach (var user in users) { db.SaveChanges(); }
                var count = db.Users.CountAsync().Result;
                await Task.Yield();
            }
        }
        """;

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("false", null, true)]
    [InlineData("true", null, false)]
    [InlineData("True", "false", false)]
    [InlineData("true", "true", true)]
    public async Task A_test_project_is_quiet_unless_it_opts_in(string? isTestProject, string? analyzeTests, bool reported)
    {
        var values = new Dictionary<string, string>();
        if (isTestProject != null)
        {
            values["build_property.IsTestProject"] = isTestProject;
        }

        if (analyzeTests != null)
        {
            values["build_property.HotfixAnalyzeTests"] = analyzeTests;
        }

        var ids = await Findings(values);
        if (reported)
        {
            Assert.Equal(["HF2009", "HF3001", "HF4002", "HF4003"], ids);
        }
        else
        {
            Assert.Empty(ids);
        }
    }

    [Theory]
    [InlineData("xunit.assert", null, false)]
    [InlineData("nunit.framework", null, false)]
    [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework", null, false)]
    [InlineData("BenchmarkDotNet", null, false)]
    [InlineData("xunit.assert", "true", true)]
    [InlineData("Xunit.Extensions.Logging", null, true)]
    public async Task A_library_of_test_helpers_that_references_a_test_framework_is_quiet_too(string reference, string? analyzeTests, bool reported)
    {
        var values = new Dictionary<string, string>();
        if (analyzeTests != null)
        {
            values["build_property.HotfixAnalyzeTests"] = analyzeTests;
        }

        var ids = await Findings(values, AssemblyNamed(reference));
        Assert.Equal(reported ? ["HF2009", "HF3001", "HF4002", "HF4003"] : [], ids);
    }

    /// <summary>An empty assembly with the given name: the compilation sees it among its references as it would the package's.</summary>
    private static MetadataReference AssemblyNamed(string name)
    {
        using var image = new MemoryStream();
        var emitted = CSharpCompilation.Create(name, [], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(image);
        Assert.True(emitted.Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static async Task<string[]> Findings(Dictionary<string, string> globals, params MetadataReference[] extra)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[] { CSharpSyntaxTree.ParseText(Sources.Ef + Fixture, parse, "/repo/tests/OrdersTests.cs") };
        var compilation = CSharpCompilation.Create("tests", trees, TestReferences.All.AddRange(extra), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new AnalyzerOptions([], new DictionaryOptionsProvider(globals));
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Instances, options).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("AD", StringComparison.Ordinal));
        return diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
