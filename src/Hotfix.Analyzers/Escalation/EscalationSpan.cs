using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Hotfix.Analyzers.Escalation;

/// <summary>
/// The stretch of code a finding belongs to for escalation: the whole simple statement around it (a query written over
/// several lines, whose changed line may be any of them), or — inside the header of a compound statement such as
/// <c>if</c>, <c>while</c> or <c>foreach</c> — just that header expression, so an edit elsewhere in a loop body does not
/// escalate a finding in its condition.
/// </summary>
internal static class EscalationSpan
{
    public static TextSpan Of(SyntaxNode node)
    {
        var current = node;
        while (current.Parent != null && current.Parent is not StatementSyntax && current.Parent is not MemberDeclarationSyntax &&
               current.Parent is not AttributeListSyntax && current.Parent is not CompilationUnitSyntax)
        {
            current = current.Parent;
        }

        return current.Parent is ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax or
            ThrowStatementSyntax or YieldStatementSyntax
            ? current.Parent.Span
            : current.Span;
    }
}
