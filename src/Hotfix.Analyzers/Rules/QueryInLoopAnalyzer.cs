using System.Collections.Immutable;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Analyzers.Sql;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF4001: a database round trip on every iteration of a loop (N+1) — an EF Core query executed (materialiser,
/// aggregate, <c>Find</c>, explicit <c>Load</c>) or a Dapper / ADO.NET command run inside the body, condition or increment
/// of a <c>for</c>/<c>foreach</c>/<c>while</c>/<c>do</c>/<c>await foreach</c>, and an inner <c>foreach</c> over an EF query.
/// EF queries count only when their EF origin is provable (LinqContraband LC007's line); a foreach collection is
/// evaluated once and does not count; lambdas end the search (when they run is not visible).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class QueryInLoopAnalyzer : HotfixAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.QueryInLoop,
        HotfixDescriptors.Title(RuleIds.QueryInLoop),
        HotfixDescriptors.Message("'{0}' queries the database on every iteration of the loop (N+1): load what the loop needs once, before it"),
        RuleCategory.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.QueryInLoop),
        HotfixDescriptors.HelpLink(RuleIds.QueryInLoop),
        HotfixDescriptors.Tags);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override bool JudgesGeneratedCode => true; // every finding is inside the node its action was called for

    private protected override void Start(CompilationStartAnalysisContext start, HotfixScope scope)
    {
        var ef = EfCoreSymbols.Create(start.Compilation);
        var calls = new DatabaseCalls(ef, SqlSymbols.Create(start.Compilation));
        if (!calls.IsAvailable)
        {
            return;
        }

        start.RegisterSyntaxNodeAction(
            c =>
            {
                var name = SyntaxFilters.InvokedName((InvocationExpressionSyntax)c.Node);
                if (name == null || !DatabaseCalls.IsCandidateName(name) || !SyntaxFilters.IsInLoop(c.Node) ||
                    c.SymbolOf<IMethodSymbol>() is not { } method || !calls.IsDatabaseCall((InvocationExpressionSyntax)c.Node, method, c.SemanticModel, c.CancellationToken) ||
                    c.OperationOf<IInvocationOperation>() is not { } invocation || LoopShapes.PerItemLoop(invocation) == null ||
                    !calls.TryClassify(invocation, c.CancellationToken, out var call))
                {
                    return;
                }

                scope.Report(c.ReportDiagnostic, Rule, SyntaxLocations.NameOf(invocation), c.Node, messageArgs: new object?[] { call.Api });
            },
            SyntaxKind.InvocationExpression);

        if (ef.IsAvailable)
        {
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    // foreach (var order in db.Orders.Where(...)) nested in another loop: the inner query runs per outer item.
                    if (!SyntaxFilters.IsInLoop(c.Node) || !EfQueries.MayBeEfQuery(((CommonForEachStatementSyntax)c.Node).Expression, c.SemanticModel, ef, c.CancellationToken) ||
                        c.OperationOf<IForEachLoopOperation>() is not { } inner || LoopShapes.PerItemLoop(inner) == null)
                    {
                        return;
                    }

                    var collection = inner.Collection.WithoutConversions();
                    if (EfQueries.IsEfQuery(collection, ef, c.CancellationToken))
                    {
                        scope.Report(c.ReportDiagnostic, Rule, collection.Syntax.GetLocation(), collection.Syntax,
                            messageArgs: new object?[] { inner.IsAsynchronous ? "await foreach" : "foreach" });
                    }
                },
                SyntaxKind.ForEachStatement,
                SyntaxKind.ForEachVariableStatement);
        }
    }
}
