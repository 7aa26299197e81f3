using System;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// Syntax-only tests that let the SQL rules skip a sink without binding it. Both are supersets of what the semantic
/// checks would find: they only ever say "cannot matter" when no binding could make it matter.
/// </summary>
internal static class SqlSyntax
{
    /// <summary>
    /// HF3001: a call, constructor or assignment can hand over built SQL only if one of its values is something other
    /// than a literal, a hole-free interpolated string, an anonymous parameter object, a lambda or <c>default</c>.
    /// </summary>
    public static bool MayCarryBuiltSql(SyntaxNode sink) => sink switch
    {
        InvocationExpressionSyntax call => !IsAlwaysParameterised(call) && AnyNonTrivial(call.ArgumentList),
        BaseObjectCreationExpressionSyntax creation => creation.ArgumentList != null && AnyNonTrivial(creation.ArgumentList),
        AssignmentExpressionSyntax assignment => !IsTrivial(assignment.Right),
        _ => true,
    };

    /// <summary>
    /// EF Core methods that exist only with a FormattableString parameter in every version that has them (EF Core 3+):
    /// their holes always become DbParameters. (<c>FromSql</c> and <c>SqlQuery</c> are not here: EF Core 2 and EF6 had
    /// raw string overloads of those names.)
    /// </summary>
    private static bool IsAlwaysParameterised(InvocationExpressionSyntax call) =>
        SyntaxFilters.InvokedName(call) is "ExecuteSql" or "ExecuteSqlAsync" or "ExecuteSqlInterpolated" or "ExecuteSqlInterpolatedAsync" or "FromSqlInterpolated";

    /// <summary>
    /// HF2009: raw SQL can write every row only if the member it is written in has a string mentioning DELETE, UPDATE or
    /// TRUNCATE somewhere (the SQL may be assembled from several strings and locals of that member).
    /// </summary>
    public static bool MemberMentionsWrite(SyntaxNode sink)
    {
        SyntaxNode scope = sink;
        while (scope.Parent != null && scope is not MemberDeclarationSyntax)
        {
            scope = scope.Parent;
        }

        foreach (var token in scope.DescendantTokens())
        {
            if ((token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
                 token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)) &&
                MentionsWrite(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsWrite(string text) =>
        text.IndexOf("delete", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("update", StringComparison.OrdinalIgnoreCase) >= 0 ||
        text.IndexOf("truncate", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool AnyNonTrivial(BaseArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (!IsTrivial(argument.Expression))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTrivial(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression switch
        {
            LiteralExpressionSyntax => true,
            InterpolatedStringExpressionSyntax interpolated => !interpolated.Contents.Any(c => c is InterpolationSyntax),
            AnonymousObjectCreationExpressionSyntax or AnonymousFunctionExpressionSyntax => true,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => true,
            _ => false,
        };
    }
}
