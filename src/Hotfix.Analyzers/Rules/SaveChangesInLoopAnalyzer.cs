using System.Collections.Immutable;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF4002: <c>SaveChanges</c>/<c>SaveChangesAsync</c> inside a loop — one round trip and one transaction per item, and a
/// half-written batch when an iteration fails. The retry loop of EF Core's concurrency documentation (SaveChanges in
/// a <c>try</c> that catches <c>DbUpdateException</c> or a subclass, inside the loop) is the loop's purpose, not a batch,
/// and is left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SaveChangesInLoopAnalyzer : HotfixAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SaveChangesInLoop,
        HotfixDescriptors.Title(RuleIds.SaveChangesInLoop),
        HotfixDescriptors.Message("'{0}' inside a loop saves once per iteration: make the changes in the loop and save once after it"),
        RuleCategory.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.SaveChangesInLoop),
        HotfixDescriptors.HelpLink(RuleIds.SaveChangesInLoop),
        HotfixDescriptors.Tags);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override bool JudgesGeneratedCode => true; // every finding is inside the node its action was called for

    private protected override void Start(CompilationStartAnalysisContext start, HotfixScope scope)
    {
        var ef = EfCoreSymbols.Create(start.Compilation);
        if (!ef.IsAvailable)
        {
            return;
        }

        start.RegisterSyntaxNodeAction(
            c =>
            {
                var name = SyntaxFilters.InvokedName((InvocationExpressionSyntax)c.Node);
                if ((name != "SaveChanges" && name != "SaveChangesAsync") || !SyntaxFilters.IsInLoop(c.Node) ||
                    c.SymbolOf<IMethodSymbol>() is not { } method || !ef.IsContextOrItsInterface(method.ContainingType) ||
                    c.OperationOf<IInvocationOperation>() is not { } invocation)
                {
                    return;
                }

                // A retry loop inside a per-item loop still saves once per item: LoopShapes goes on to the loop around it.
                if (LoopShapes.PerItemLoop(invocation) == null)
                {
                    return;
                }

                scope.Report(c.ReportDiagnostic, Rule, SyntaxLocations.NameOf(invocation), c.Node, messageArgs: new object?[] { name });
            },
            SyntaxKind.InvocationExpression);
    }
}
