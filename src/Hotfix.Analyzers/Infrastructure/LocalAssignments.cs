using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// Every value written to a local variable in its scope, found by reading the declaring block once — the "follow the
/// local" step of the SQL and query rules, without a dataflow engine. Order and branches are ignored: a local is
/// judged by all its writes together, which is exact for single-assignment locals and conservative for the rest.
/// </summary>
internal static class LocalAssignments
{
    /// <summary>
    /// The values assigned to <paramref name="local"/> (initializer and plain assignments). False when the local is
    /// written in a way whose value is not an expression here (ref/out arguments, deconstruction, foreach/using/pattern
    /// variables, by-reference locals) or its declaration cannot be read.
    /// </summary>
    /// <param name="readAt">
    /// Where the local is read. A plain assignment statement before it, in a block that holds the read, overwrites every
    /// write before that statement on every path: those values never reach the read, so they are left out.
    /// </param>
    /// <param name="selfReadsOverwrite">
    /// Whether an assignment that reads the local itself (<c>sql = sql + " ORDER BY Id"</c>, <c>q = q.Where(…)</c>) also
    /// overwrites the earlier values. True for a caller that follows that inner read at its own place (the earlier
    /// values reach it there); false for one that does not, so the earlier values stay among those returned.
    /// </param>
    public static bool TryGetValues(
        ILocalSymbol local, SemanticModel model, out List<AssignedValue> values, CancellationToken cancellationToken, SyntaxNode? readAt = null,
        bool selfReadsOverwrite = false)
    {
        values = new List<AssignedValue>();
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (declaration is not VariableDeclaratorSyntax declarator || declaration.SyntaxTree != model.SyntaxTree ||
            declarator.Parent?.Parent is not LocalDeclarationStatementSyntax)
        {
            return false;
        }

        if (declarator.Initializer != null)
        {
            var initializer = model.GetOperation(declarator.Initializer.Value, cancellationToken);
            if (initializer == null)
            {
                return false;
            }

            values.Add(new AssignedValue(initializer, compound: false));
        }

        var scope = declarator.Ancestors().FirstOrDefault(n => n is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax);
        if (scope == null)
        {
            return false;
        }

        var name = local.Name;
        var jumps = false;
        foreach (var node in scope.DescendantNodes())
        {
            if (node is GotoStatementSyntax)
            {
                jumps = true; // a goto can run a read again after a later write (see Reaching)
            }

            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name || !IsWritten(identifier, out var write))
            {
                continue;
            }

            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                continue;
            }

            if (write is not AssignmentExpressionSyntax assignment)
            {
                return false; // ref/out argument, ++/--, deconstruction: no value expression to judge
            }

            var operation = model.GetOperation(assignment, cancellationToken);
            switch (operation)
            {
                case ISimpleAssignmentOperation simple:
                    var overwrites = readAt != null && assignment.Parent is ExpressionStatementSyntax && (selfReadsOverwrite || !Reads(simple.Value, local));
                    values.Add(new AssignedValue(simple.Value, compound: false, overwrites ? (ExpressionStatementSyntax)assignment.Parent! : null));
                    break;
                case ICompoundAssignmentOperation compoundAssignment:
                    values.Add(new AssignedValue(compoundAssignment.Value, compound: true));
                    break;
                case ICoalesceAssignmentOperation coalesce:
                    values.Add(new AssignedValue(coalesce.Value, compound: false));
                    break;
                default:
                    return false;
            }
        }

        if (readAt != null)
        {
            values = Reaching(values, readAt, scope, jumps);
        }

        return values.Count > 0;
    }

    /// <summary>
    /// The values not overwritten, on every path, by a later plain assignment statement before <paramref name="readAt"/>;
    /// and, where nothing can run the read again after a later write (no loop, lambda or local function around it in
    /// the local's scope, no goto), not the values written after it either.
    /// </summary>
    private static List<AssignedValue> Reaching(List<AssignedValue> values, SyntaxNode readAt, SyntaxNode scope, bool jumps)
    {
        var kill = values
            .Where(v => v.Statement?.Parent is BlockSyntax block && block.Span.Contains(readAt.Span) && v.Statement.Span.End <= readAt.SpanStart
                && !v.Statement.Span.Contains(readAt.Span))
            .Select(v => v.Statement!)
            .OrderByDescending(s => s.SpanStart)
            .FirstOrDefault();
        var reaching = kill == null ? values : values.Where(v => v.Value.Syntax.SpanStart >= kill.SpanStart).ToList();
        if (jumps || !RunsOnce(readAt, scope))
        {
            return reaching;
        }

        return reaching.Where(v => v.Value.Syntax.SpanStart <= readAt.Span.End).ToList();
    }

    /// <summary>Nothing between the read and the local's scope can run it again: no loop, lambda or local function.</summary>
    private static bool RunsOnce(SyntaxNode readAt, SyntaxNode scope)
    {
        foreach (var ancestor in readAt.Ancestors())
        {
            if (ancestor == scope)
            {
                break;
            }

            if (ancestor is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or
                AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Reads(IOperation value, ILocalSymbol local)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether this use of the name writes the variable, and the node that writes it.</summary>
    private static bool IsWritten(IdentifierNameSyntax identifier, out SyntaxNode? write)
    {
        write = null;
        var parent = identifier.Parent;
        switch (parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                write = assignment;
                return true;
            case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
            case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax when parent.IsKind(SyntaxKind.PreIncrementExpression) ||
                parent.IsKind(SyntaxKind.PreDecrementExpression) || parent.IsKind(SyntaxKind.PostIncrementExpression) ||
                parent.IsKind(SyntaxKind.PostDecrementExpression):
            case RefExpressionSyntax:
                write = parent;
                return true;
            case TupleExpressionSyntax or ArgumentSyntax when parent.Ancestors().OfType<AssignmentExpressionSyntax>().Any(a => a.Left.Span.Contains(identifier.Span)):
                write = parent; // (a, b) = ...
                return true;
            default:
                return false;
        }
    }
}

/// <summary>A value written to a local: <c>x = value</c>, or <c>x += value</c> when <see cref="Compound"/>.</summary>
internal readonly struct AssignedValue
{
    public AssignedValue(IOperation value, bool compound, ExpressionStatementSyntax? statement = null)
    {
        Value = value;
        Compound = compound;
        Statement = statement;
    }

    /// <summary>The statement of a plain assignment (<c>x = value;</c>) that overwrites the earlier values, else null.</summary>
    public ExpressionStatementSyntax? Statement { get; }

    public IOperation Value { get; }

    public bool Compound { get; }
}
