using System.Collections.Immutable;
using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Tests;

public class ZzAuditScratch
{
    [Fact]
    public async Task Dump()
    {
        var dir = Environment.GetEnvironmentVariable("AUDIT_DIR") ?? "/tmp/audit";
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(dir, "*.cs").OrderBy(f => f))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
            var kind = Path.GetFileName(file).StartsWith("exe_") ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var compilation = CSharpCompilation.Create("audit", [tree], TestReferences.All, new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
            foreach (var error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))
            {
                lines.Add($"{Path.GetFileName(file)} COMPILE {error}");
            }

            var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Instances).GetAnalyzerDiagnosticsAsync();
            foreach (var d in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var node = tree.GetRoot().FindNode(d.Location.SourceSpan);
                var owner = node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText;
                lines.Add($"{Path.GetFileName(file)} {owner} {d.Id} L{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage()}");
            }
        }

        File.WriteAllLines(Path.Combine(dir, "findings.txt"), lines);
    }
}
