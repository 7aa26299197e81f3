using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers;

/// <summary>
/// What every HF analyzer does the same way: no generated code (a hotfix does not edit it), concurrent execution, and
/// all work set up once per compilation — the rule resolves its symbols in <see cref="Start"/>, returns early when the
/// libraries it knows are not referenced, and reports through the compilation's <see cref="HotfixScope"/>.
/// </summary>
public abstract class HotfixAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        // Callbacks never run in generated code either way (no Analyze flag); JudgesGeneratedCode only moves the test
        // of where a finding lies from the compiler to the rule's scope.
        context.ConfigureGeneratedCodeAnalysis(JudgesGeneratedCode ? GeneratedCodeAnalysisFlags.ReportDiagnostics : GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Test code is not deployed: what a hotfix's regression test does to its own database (ExecuteDelete() to
            // clean up, .Result in a synchronous test) is no production risk, and an error there would block the very
            // test the runbook asks for. A test project registers nothing unless it opts in (HotfixAnalyzeTests).
            if (IsQuietTestProject(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, start.Compilation))
            {
                return;
            }

            Start(start, HotfixScope.Create(start.Options, start.CancellationToken, JudgesGeneratedCode ? GeneratedCodeLocations.For(start.Compilation) : null));
        });
    }

    /// <summary>
    /// Test code that has not set <c>HotfixAnalyzeTests</c> to true: a test project (MSBuild <c>IsTestProject</c>, set by
    /// Microsoft.NET.Test.Sdk and MSTest.Sdk; both properties are made visible to analyzers by the package's props), or a
    /// library of test helpers — fixtures, database resetters, builders shared by test projects — which references a
    /// test framework (xUnit, NUnit, MSTest, TUnit) but not the test SDK, or a BenchmarkDotNet project. Production code
    /// never references one.
    /// </summary>
    internal static bool IsQuietTestProject(AnalyzerConfigOptions global, Compilation compilation) =>
        (IsTrue(global, "build_property.IsTestProject") || ReferencesTestFramework(compilation)) && !IsTrue(global, "build_property.HotfixAnalyzeTests");

    private static bool ReferencesTestFramework(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            switch (assembly.Name)
            {
                case "xunit.core":
                case "xunit.assert":
                case "xunit.v3.core":
                case "xunit.v3.assert":
                case "nunit.framework":
                case "Microsoft.VisualStudio.TestPlatform.TestFramework":
                case "TUnit.Core":
                case "BenchmarkDotNet":
                    return true;
            }
        }

        return false;
    }

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for a rule whose every finding lies inside the syntax node it was called for. Such a rule lets the compiler
    /// pass its findings in generated code, and its <see cref="HotfixScope"/> drops them instead
    /// (<see cref="GeneratedCodeLocations"/>): the compiler's own test walks every token of a file on the file's first
    /// finding, inside the rule's time. A rule that reports elsewhere (a type's declaration at symbol end, a model at
    /// compilation end) keeps the compiler's test, which also knows the files that are generated as a whole.
    /// </summary>
    internal virtual bool JudgesGeneratedCode => false;

    /// <summary>Resolves the rule's symbols for this compilation and registers its (name-filtered) actions.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext context, HotfixScope scope);
}
