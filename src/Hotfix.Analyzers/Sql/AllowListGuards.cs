using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// A value checked before it is spliced into SQL, the way to choose an identifier no parameter can carry (OWASP's advice
/// for ORDER BY columns and table names): <c>if (!AllowedColumns.Contains(sort)) throw …;</c> with the allow-list a
/// read-only table of constants (<c>ContainsKey</c> of a read-only dictionary too); a regular expression that admits only
/// letters, digits, underscores and dots (<c>Regex.IsMatch(table, "^[A-Za-z_][A-Za-z0-9_]*$")</c>, a
/// <c>[GeneratedRegex]</c> method of such a pattern); <c>Enum.IsDefined</c>. The check is an <c>if</c> before the use, in a
/// block around it, that leaves (<c>throw</c>, <c>return</c>) or resets the value to a literal (<c>sort = "Id";</c>) when
/// the value is not allowed; nothing writes the value between the check and the use. Syntax first: the semantic model is
/// asked only about the allow-list or the regular expression of a check that has this shape.
/// </summary>
internal static class AllowListGuards
{
    public static bool IsGuarded(IOperation reference, ISymbol value, Func<IOperation?, bool> isAllowListTable, CancellationToken cancellationToken)
    {
        var model = reference.SemanticModel;
        if (model == null)
        {
            return false;
        }

        var name = value.Name;
        var node = reference.Syntax;
        for (var parent = node.Parent; parent != null; node = parent, parent = parent.Parent)
        {
            if (parent is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return false;
            }

            if (parent is not BlockSyntax block || node is not StatementSyntax statement)
            {
                continue;
            }

            for (var k = block.Statements.IndexOf(statement) - 1; k >= 0; k--)
            {
                if (block.Statements[k] is IfStatementSyntax { Else: null } check && FailsClosed(check.Statement, name) &&
                    Rejects(check.Condition, name, model, isAllowListTable, cancellationToken))
                {
                    return !WrittenBetween(check, reference.Syntax, name);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// An arm of a conditional that is the value its condition vetted: <c>Allowed.Contains(sort) ? sort : "Id"</c>, or
    /// <c>!Allowed.Contains(sort) ? "Id" : sort</c> — the ternary form of the check, with the same checks as the <c>if</c>.
    /// </summary>
    public static bool IsVettedArm(IConditionalOperation conditional, IOperation arm, Func<IOperation?, bool> isAllowListTable, CancellationToken cancellationToken)
    {
        var name = arm.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        var model = conditional.SemanticModel;
        if (name == null || model == null || conditional.Condition.Syntax is not ExpressionSyntax condition)
        {
            return false;
        }

        return arm == conditional.WhenTrue
            ? Allows(SyntaxFilters.Unparenthesized(condition), name, model, isAllowListTable, cancellationToken)
            : arm == conditional.WhenFalse && Rejects(condition, name, model, isAllowListTable, cancellationToken);
    }

    /// <summary>When the check fails the method leaves, or the value becomes a literal.</summary>
    private static bool FailsClosed(StatementSyntax statement, string name)
    {
        if (statement is BlockSyntax { Statements.Count: > 0 } block)
        {
            statement = block.Statements[block.Statements.Count - 1];
        }

        return statement is ThrowStatementSyntax or ReturnStatementSyntax ||
            statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax target, Right: LiteralExpressionSyntax } } &&
            target.Identifier.ValueText == name;
    }

    /// <summary>The condition holds when the value is not allowed: <c>!check(v)</c>, <c>check(v) == false</c>, or an <c>||</c> with one of them.</summary>
    private static bool Rejects(ExpressionSyntax condition, string name, SemanticModel model, Func<IOperation?, bool> isAllowListTable, CancellationToken cancellationToken)
    {
        switch (SyntaxFilters.Unparenthesized(condition))
        {
            case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                return Rejects(either.Left, name, model, isAllowListTable, cancellationToken) || Rejects(either.Right, name, model, isAllowListTable, cancellationToken);
            case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                return Allows(SyntaxFilters.Unparenthesized(not.Operand), name, model, isAllowListTable, cancellationToken);
            case BinaryExpressionSyntax equals when equals.IsKind(SyntaxKind.EqualsExpression) && equals.Right.IsKind(SyntaxKind.FalseLiteralExpression):
                return Allows(SyntaxFilters.Unparenthesized(equals.Left), name, model, isAllowListTable, cancellationToken);
            default:
                return false;
        }
    }

    private static bool Allows(ExpressionSyntax check, string name, SemanticModel model, Func<IOperation?, bool> isAllowListTable, CancellationToken cancellationToken)
    {
        if (check is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } call)
        {
            return false;
        }

        var callee = call.Expression as MemberAccessExpressionSyntax;
        switch (callee?.Name.Identifier.ValueText)
        {
            case "Contains" or "ContainsKey" when IsValue(arguments[0].Expression, name):
                return isAllowListTable(model.GetOperation(callee.Expression, cancellationToken));
            case "IsMatch":
                return model.GetOperation(call, cancellationToken) is IInvocationOperation isMatch && AdmitsOnlyIdentifiers(isMatch, name);
            case "IsDefined" when arguments.Any(a => IsValue(a.Expression, name)):
                return model.GetOperation(call, cancellationToken) is IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_Enum };
            default:
                return false;
        }
    }

    /// <summary><c>Regex.IsMatch(v, "^…$")</c> or <c>Pattern().IsMatch(v)</c> of a <c>[GeneratedRegex("^…$")]</c> method.</summary>
    private static bool AdmitsOnlyIdentifiers(IInvocationOperation isMatch, string name)
    {
        if (isMatch.TargetMethod.ContainingType is not { Name: "Regex" } regex || regex.ContainingNamespace?.ToDisplayString() != "System.Text.RegularExpressions" ||
            isMatch.Arguments.Length == 0 || !IsValue(isMatch.Arguments[0].Value.Syntax, name))
        {
            return false;
        }

        if (isMatch.Instance == null)
        {
            return isMatch.Arguments.Length > 1 && isMatch.Arguments[1].Value.ConstantValue.Value is string pattern && IdentifierPattern.Admits(pattern);
        }

        return isMatch.Instance.WithoutConversions() is IInvocationOperation { TargetMethod: var generated } &&
            generated.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "GeneratedRegexAttribute") is { ConstructorArguments.Length: > 0 } attribute &&
            attribute.ConstructorArguments[0].Value is string generatedPattern && IdentifierPattern.Admits(generatedPattern);
    }

    /// <summary>The value itself, or its case change or trim (<c>Directions.Contains(dir.ToUpperInvariant())</c>): the same letters.</summary>
    private static bool IsValue(SyntaxNode expression, string name) => expression switch
    {
        ArgumentSyntax argument => IsValue(argument.Expression, name),
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToUpperInvariant" or "ToLowerInvariant" or "ToUpper" or "ToLower" or "Trim" } change } =>
            IsValue(change.Expression, name),
        _ => false,
    };

    /// <summary>An assignment, increment, <c>ref</c> or <c>out</c> of the value after the check and before the use.</summary>
    private static bool WrittenBetween(SyntaxNode check, SyntaxNode use, string name)
    {
        var body = use.Ancestors().FirstOrDefault(n => n is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);
        if (body == null)
        {
            return true;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node.SpanStart < check.Span.End || node.SpanStart >= use.SpanStart)
            {
                continue;
            }

            var target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } unary => unary.Operand,
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } increment => increment.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
                _ => null,
            };
            if (target is IdentifierNameSyntax written && written.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }
}
