using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FloorProbe;

/// <summary>Subscribes to one kind of event and does nothing: what the compiler charges for the subscription alone.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyProbe : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROBE1", "probe", "probe", "Probe", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        // The same configuration as every HF rule (HotfixAnalyzer): no generated code, concurrent callbacks.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
#if PROBE_SYNTAX
        context.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
#else
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
#endif
    }
}
