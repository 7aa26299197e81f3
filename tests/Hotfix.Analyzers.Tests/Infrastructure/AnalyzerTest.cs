using Hotfix.Analyzers.Escalation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Hotfix.Analyzers.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing set up the way every HF test needs it: the offline references, and optionally a
/// hotfix build (branch property + changed-lines manifest) so escalation can be tested without git.
/// </summary>
internal static class AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The repository root the test files sit in: the testing framework names them /0/Test0.cs, /0/Test1.cs…</summary>
    public const string RepositoryRoot = "/0/";

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        RunAsync(source, hotfix: null, editorConfig: null, expected);

    /// <summary>
    /// Runs the analyzer in a hotfix build whose manifest is <paramref name="changedLines"/> (a <c>git diff -U0</c>
    /// excerpt for /0/Test0.cs, e.g. from <see cref="ChangedLinesOf"/>).
    /// </summary>
    public static Task VerifyHotfixAsync(string source, string changedLines, params DiagnosticResult[] expected) =>
        RunAsync(source, changedLines, editorConfig: null, expected);

    public static Task RunAsync(string source, string? hotfix, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        Configure(test.TestState, hotfix, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The analyzer over several files of one compilation (/0/Test0.cs, /0/Test1.cs…): partial types, one type per file.</summary>
    public static Task VerifyFilesAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        Configure(test.TestState, hotfix: null, editorConfig: null);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>An application's entry point: <paramref name="program"/> (top-level statements) in /0/Test0.cs, <paramref name="types"/> in /0/Test1.cs.</summary>
    public static Task VerifyProgramAsync(string program, string types, params DiagnosticResult[] expected)
    {
        var test = new Test();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(program);
        test.TestState.Sources.Add(types);
        Configure(test.TestState, hotfix: null, editorConfig: null);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>A manifest saying that these 1-based lines of /0/Test0.cs changed.</summary>
    public static string ChangedLinesOf(params int[] lines)
    {
        var text = new System.Text.StringBuilder("diff --git a/Test0.cs b/Test0.cs\n--- a/Test0.cs\n+++ b/Test0.cs\n");
        foreach (var line in lines)
        {
            text.Append("@@ -").Append(line).Append(",0 +").Append(line).Append(" @@\n+changed\n");
        }

        return text.ToString();
    }

    internal static void Configure(SolutionState state, string? hotfix, string? editorConfig)
    {
        state.ReferenceAssemblies = TestReferences.None;
        state.AdditionalReferences.AddRange(TestReferences.All);
        var global = "is_global = true\n";
        if (hotfix != null)
        {
            global += $"build_property.HotfixBranch = hotfix/INC-2026-0042-fix-orders\nbuild_property.HotfixRepositoryRoot = {RepositoryRoot}\n";
            state.AdditionalFiles.Add(("/0/obj/" + ChangedLines.ManifestFileName, hotfix));
        }

        state.AnalyzerConfigFiles.Add(("/.globalconfig", global));
        if (editorConfig != null)
        {
            state.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n[*.cs]\n" + editorConfig));
        }
    }

    private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
    }
}

/// <summary>The same for an analyzer with its code fix.</summary>
internal static class CodeFixTest<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, DiagnosticResult[] expected, string fixedSource, int? iterations = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
        AnalyzerTest<TAnalyzer>.Configure(test.TestState, null, null);
        test.ExpectedDiagnostics.AddRange(expected);
        if (iterations != null)
        {
            test.NumberOfFixAllIterations = iterations;
        }

        return test.RunAsync();
    }
}
