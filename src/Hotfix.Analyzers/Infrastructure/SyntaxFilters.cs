using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// The name and shape tests that run before anything is bound. Every HF rule registers on syntax, dismisses almost
/// every node here, and asks the semantic model for the IOperation of the few candidates left. An operation action
/// would make the driver bind every method body of the compilation a second time (the compiler's own binding is not
/// shared with analyzers): measured on the benchmark service, an empty operation action alone costs more than the
/// 3 % budget (benchmarks/README.md). The tests here are supersets of the semantic checks that follow, never
/// replacements for them.
/// </summary>
internal static class SyntaxFilters
{
    /// <summary>The method name a call is written with: <c>x.[Name](…)</c>, <c>x?.[Name](…)</c>, <c>[Name]&lt;T&gt;(…)</c>.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => NameOf(invocation.Expression);

    /// <summary>The rightmost simple name of an expression or type: <c>a.b.[C]</c>, <c>[C]&lt;T&gt;</c>.</summary>
    public static string? NameOf(SyntaxNode? node) => node switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Whether the node runs once per iteration of a loop around it: in a loop body, a <c>for</c>/<c>while</c>/<c>do</c>
    /// condition or a <c>for</c> increment — not in a foreach collection. Lambdas and local functions end the search.
    /// </summary>
    public static bool IsInLoop(SyntaxNode node)
    {
        var child = node;
        for (var parent = node.Parent; parent != null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
                case CommonForEachStatementSyntax forEach when child == forEach.Statement:
                case ForStatementSyntax forLoop when child == forLoop.Statement || child == forLoop.Condition || (child is ExpressionSyntax e && forLoop.Incrementors.Contains(e)):
                case WhileStatementSyntax:
                case DoStatementSyntax:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The method names a call chain calls before <paramref name="callee"/>'s own call, nearest first: for
    /// <c>db.Orders.Where(…).OrderBy(…).Take(n)</c>, given Take's callee, OrderBy then Where. Syntax only.
    /// </summary>
    public static IEnumerable<string> EarlierCallsInChain(ExpressionSyntax callee)
    {
        for (var current = (callee as MemberAccessExpressionSyntax)?.Expression;
             current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member };
             current = member.Expression)
        {
            yield return member.Name.Identifier.ValueText;
        }
    }

    /// <summary>The expression inside any parentheses around it.</summary>
    public static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>
    /// Whether the innermost function around the node is declared <c>async</c> and may serve requests. The entry point —
    /// top-level statements, a static <c>Main</c> — runs once while the application starts (<c>db.Database.Migrate()</c>
    /// before <c>await app.RunAsync()</c>, as the ASP.NET Core templates do): no request waits on its thread. The lambdas
    /// and local functions in it (minimal API handlers) are judged on their own.
    /// </summary>
    public static bool IsInAsyncFunction(SyntaxNode node)
    {
        for (var parent = node.Parent; parent != null; parent = parent.Parent)
        {
            switch (parent)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword) && !StartupCode.IsEntryPoint(method);
                case GlobalStatementSyntax:
                    return false;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The symbol a call, constructor or member access binds to — the cheap semantic test that comes before the
    /// IOperation: it binds only the enclosing statement, while <see cref="OperationOf{T}"/> builds the operation tree of
    /// the whole member.
    /// </summary>
    public static T? SymbolOf<T>(this SyntaxNodeAnalysisContext context, SyntaxNode? node = null)
        where T : class, ISymbol =>
        context.SemanticModel.GetSymbolInfo(node ?? context.Node, context.CancellationToken).Symbol as T;

    /// <summary>The IOperation of the node being analyzed, when it is of the expected kind.</summary>
    public static T? OperationOf<T>(this SyntaxNodeAnalysisContext context)
        where T : class, IOperation =>
        context.SemanticModel.GetOperation(context.Node, context.CancellationToken) as T;
}
