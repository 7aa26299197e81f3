using System.Collections.Immutable;
using System.Reflection;
using Hotfix.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Tests.Infrastructure;

/// <summary>Every analyzer the package ships, found by reflection so a new rule cannot escape the meta-tests.</summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Instances { get; } =
        typeof(SqlInjectionAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var analyzer in Instances)
        {
            data.Add(analyzer.GetType().Name);
        }

        return data;
    }

    public static DiagnosticAnalyzer Named(string name) => Instances.Single(a => a.GetType().Name == name);
}
