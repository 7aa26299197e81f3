using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Analyzers that do nothing but subscribe: what the compiler charges for an operation action (building IOperation
/// trees, dispatching callbacks) and for a syntax-node action, against which the HF analyzers' own work is measured.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyOperationProbe : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROBE1", "probe", "probe", "Probe", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptySyntaxProbe : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROBE2", "probe", "probe", "Probe", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
    }
}

/// <summary>An HF rule's registration without its work: compilation start, concurrent, empty syntax actions on the rules' node kinds.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class RuleShapedProbe : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROBE3", "probe", "probe", "Probe", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterSyntaxNodeAction(
            _ => { },
            SyntaxKind.InvocationExpression,
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxKind.ForEachStatement));
    }
}
