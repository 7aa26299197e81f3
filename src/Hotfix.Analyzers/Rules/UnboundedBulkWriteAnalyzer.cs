using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Analyzers.Sql;
using Hotfix.Migrations.Sql;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF2009: a bulk write that touches every row. <c>ExecuteDelete</c>/<c>ExecuteUpdate</c> on a query with no filtering
/// operator on some path back to its <c>DbSet</c> (a local narrowed only under a condition still has the unfiltered
/// path — LinqContraband LC035's case); and raw <c>DELETE</c>/<c>UPDATE</c>/<c>TRUNCATE</c> text without <c>WHERE</c> handed
/// to any SQL API, judged by <see cref="SqlWriteScope"/> (shared with the core's migration checks).
/// Queries that come from elsewhere (a parameter, a repository method) are not judged: the filter may be there.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedBulkWriteAnalyzer : HotfixAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.UnboundedBulkWrite,
        HotfixDescriptors.Title(RuleIds.UnboundedBulkWrite),
        HotfixDescriptors.Message("{0}: it changes every row of the table"),
        RuleCategory.DataIntegrity,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.UnboundedBulkWrite),
        HotfixDescriptors.HelpLink(RuleIds.UnboundedBulkWrite),
        HotfixDescriptors.Tags);

    private static readonly HashSet<string> BulkMethods = new(System.StringComparer.Ordinal)
    {
        "ExecuteDelete", "ExecuteDeleteAsync", "ExecuteUpdate", "ExecuteUpdateAsync",
    };

    /// <summary>Operators that restrict which rows a bulk write reaches.</summary>
    private static readonly HashSet<string> Filters = new(System.StringComparer.Ordinal)
    {
        "Where", "Take", "Join", "Intersect", "IntersectBy", "Except", "ExceptBy",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override bool JudgesGeneratedCode => true; // every finding is inside the node its action was called for

    private protected override void Start(CompilationStartAnalysisContext start, HotfixScope scope)
    {
        var ef = EfCoreSymbols.Create(start.Compilation);
        var sql = SqlSymbols.Create(start.Compilation);
        if (ef.IsAvailable)
        {
            var queryFilters = new QueryFilters(start.Compilation, start.CancellationToken);
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    var name = SyntaxFilters.InvokedName((InvocationExpressionSyntax)c.Node);
                    if (name != null && BulkMethods.Contains(name) && !WrittenChainFilters(((InvocationExpressionSyntax)c.Node).Expression) &&
                        c.SymbolOf<IMethodSymbol>() is { } method &&
                        ef.IsEfQueryExtension(method) && c.OperationOf<IInvocationOperation>() is { } invocation)
                    {
                        AnalyzeBulkMethod(c, invocation, ef, queryFilters, scope);
                    }
                },
                SyntaxKind.InvocationExpression);
        }

        if (sql.IsAvailable)
        {
            var constants = new WriteConstants(start.Compilation, start.CancellationToken);
            SqlSinkActions.Register(start, sql, node => SqlSyntax.MayWriteEveryRow(node, constants), (c, sink, _) => AnalyzeSql(c, sink.Value, sink.Kind, sink.Api, sink.Location, sql, scope));
            var wrappers = SqlWrappers.For(start.Compilation);
            start.RegisterSyntaxNodeAction(c => AnalyzeHelperCall(c, sql, scope, wrappers), SyntaxKind.InvocationExpression);
        }
    }

    /// <summary>
    /// A call of a helper of the project that runs its parameter as SQL (<see cref="SqlWrappers"/>), given an unbounded
    /// write: <c>SqlHelper.ExecuteNonQuery("DELETE FROM Orders")</c>.
    /// </summary>
    private static void AnalyzeHelperCall(SyntaxNodeAnalysisContext context, SqlSymbols sql, HotfixScope scope, SqlWrappers wrappers)
    {
        if (!SqlSyntax.MayPassWriteSql((InvocationExpressionSyntax)context.Node))
        {
            return;
        }

        foreach (var (argument, api) in wrappers.SqlArguments(context, static _ => true))
        {
            if (AnalyzeSql(context, argument.Value, SqlSinkKind.Raw, api, SyntaxLocations.NameOf(argument.Parent!), sql, scope))
            {
                return;
            }
        }
    }

    /// <summary>
    /// <c>db.Orders.Where(…).ExecuteDelete()</c>: the filter is written in the chain itself, so every path has it and the
    /// call need not be bound. Chains that start at a local are followed semantically.
    /// </summary>
    private static bool WrittenChainFilters(ExpressionSyntax callee) => SyntaxFilters.EarlierCallsInChain(callee).Any(Filters.Contains);

    private static void AnalyzeBulkMethod(SyntaxNodeAnalysisContext context, IInvocationOperation invocation, EfCoreSymbols ef, QueryFilters queryFilters, HotfixScope scope)
    {
        if (!ef.IsEfQueryExtension(invocation.TargetMethod) || invocation.ReceiverOf() is not { } source)
        {
            return;
        }

        var paths = EfQueries.PathsOf(source, ef, operator_ => Filters.Contains(operator_.TargetMethod.Name), context.CancellationToken);
        if (paths == null)
        {
            return;
        }

        foreach (var path in paths)
        {
            if (path.IsEf && !path.HasFilter && !ScopedByQueryFilter(invocation, queryFilters))
            {
                var name = invocation.TargetMethod.Name;
                scope.Report(context.ReportDiagnostic, Rule, SyntaxLocations.NameOf(invocation), context.Node,
                    messageArgs: new object?[] { $"'{name}' runs on a query with no Where" });
                return;
            }
        }
    }

    /// <summary>
    /// The queried entity's global filter scopes it to the tenant or user (<see cref="QueryFilters"/>), and the chain does
    /// not switch it off: EF Core applies it to the bulk write.
    /// </summary>
    private static bool ScopedByQueryFilter(IInvocationOperation invocation, QueryFilters queryFilters) =>
        invocation.ReceiverOf()?.Type is INamedTypeSymbol { TypeArguments.Length: 1 } query &&
        !SyntaxFilters.EarlierCallsInChain(((InvocationExpressionSyntax)invocation.Syntax).Expression).Contains("IgnoreQueryFilters") &&
        queryFilters.ScopesEveryQuery(query.TypeArguments[0]);

    /// <summary>Reports the SQL <paramref name="value"/> handed to <paramref name="api"/> when it writes every row; true when it did.</summary>
    private static bool AnalyzeSql(SyntaxNodeAnalysisContext context, IOperation value, SqlSinkKind kind, string api, Location location, SqlSymbols sql, HotfixScope scope)
    {
        var sketch = new SqlText(sql, static _ => false, context.CancellationToken).Sketch(value, kind);
        if (sketch == null)
        {
            return false;
        }

        var writes = SqlWriteScope.FindUnboundedWrites(sketch);
        if (writes.Count == 0)
        {
            return false;
        }

        var write = writes[0];
        // A name spliced in from a value (`DELETE FROM [{table}]`, `TRUNCATE TABLE {table}`) shows as "…", not as the
        // sketch's invisible marker or nothing.
        var target = write.Target.Length == 0 ? "…" : write.Target.Replace(SqlWriteScope.Hole.ToString(), "…");
        var what = write.Verb == "TRUNCATE" ? "TRUNCATE " + target : write.Verb + " " + target + " without WHERE";
        scope.Report(context.ReportDiagnostic, Rule, location, context.Node,
            messageArgs: new object?[] { $"'{api}' runs {what}" });
        return true;
    }
}
