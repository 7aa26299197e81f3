using System;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// Registers the syntax actions that find every SQL text handed to a database API (calls, constructors, CommandText
/// assignments) — once, for every rule that judges SQL (HF3001 injection, HF2009 unbounded writes). Each action tests
/// the written name first and binds only the candidates.
/// </summary>
internal static class SqlSinkActions
{
    /// <summary>
    /// Calls <paramref name="onSink"/> with each SQL sink and its operation (a call, a creation or an assignment) for
    /// which the rule's syntax test <paramref name="mayMatter"/> holds; the others are never bound.
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, SqlSymbols sql, Func<SyntaxNode, bool> mayMatter, Action<SyntaxNodeAnalysisContext, SqlSink, IOperation> onSink)
    {
        start.RegisterSyntaxNodeAction(
            c =>
            {
                var call = (InvocationExpressionSyntax)c.Node;
                var name = SyntaxFilters.InvokedName(call);
                if (name != null && SqlSinks.IsCandidateCall(name, call) && mayMatter(c.Node) &&
                    c.SymbolOf<IMethodSymbol>() is { } method &&
                    SqlSinks.IsSinkMethod(method, sql) && c.OperationOf<IInvocationOperation>() is { } invocation &&
                    SqlSinks.TryGet(invocation, sql, out var sink))
                {
                    onSink(c, sink, invocation);
                }
            },
            SyntaxKind.InvocationExpression);
        start.RegisterSyntaxNodeAction(
            c =>
            {
                // The written type name is the cheapest test (HF2009's syntax test may read the whole member); a
                // target-typed `new(…)` has no name to read, so the syntax test comes before binding its type.
                string? type;
                if (c.Node is ObjectCreationExpressionSyntax creation)
                {
                    type = SyntaxFilters.NameOf(creation.Type);
                    if (type == null || !SqlSinks.IsCandidateTypeName(type) || !mayMatter(c.Node))
                    {
                        return;
                    }
                }
                else
                {
                    type = ((ImplicitObjectCreationExpressionSyntax)c.Node).ArgumentList.Arguments.Count > 0 && mayMatter(c.Node)
                        ? c.SemanticModel.GetTypeInfo(c.Node, c.CancellationToken).Type?.Name
                        : null;
                }

                if (type != null && SqlSinks.IsCandidateTypeName(type) && c.SymbolOf<IMethodSymbol>() is { } constructor &&
                    SqlSinks.IsSinkType(constructor.ContainingType, sql) && c.OperationOf<IObjectCreationOperation>() is { } operation &&
                    SqlSinks.TryGet(operation, sql, out var sink))
                {
                    onSink(c, sink, operation);
                }
            },
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression);
        start.RegisterSyntaxNodeAction(
            c =>
            {
                var left = ((AssignmentExpressionSyntax)c.Node).Left;
                if (SyntaxFilters.NameOf(left) == "CommandText" && mayMatter(c.Node) && c.SymbolOf<IPropertySymbol>(left) is { } property &&
                    SqlSinks.IsCommandText(property, sql) && c.OperationOf<IAssignmentOperation>() is { } assignment &&
                    SqlSinks.TryGet(assignment, sql, out var sink))
                {
                    onSink(c, sink, assignment);
                }
            },
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxKind.AddAssignmentExpression);
    }
}
