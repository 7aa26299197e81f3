using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>Where findings point: the name a reader looks for, not the whole expression.</summary>
internal static class SyntaxLocations
{
    /// <summary>The method name of a call (<c>db.Users.[FromSqlRaw](...)</c>, generic names included).</summary>
    public static Location NameOf(IOperation operation)
    {
        var syntax = operation.Syntax;
        switch (syntax)
        {
            case InvocationExpressionSyntax invocation:
                return NameOf(invocation.Expression) ?? invocation.GetLocation();
            case ObjectCreationExpressionSyntax creation:
                return creation.Type.GetLocation();
            case AssignmentExpressionSyntax assignment:
                return NameOf(assignment.Left) ?? assignment.Left.GetLocation();
            default:
                return NameOf(syntax) ?? syntax.GetLocation();
        }
    }

    private static Location? NameOf(SyntaxNode expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.GetLocation(),
        MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
        SimpleNameSyntax name => name.GetLocation(),
        _ => null,
    };
}
