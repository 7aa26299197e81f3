using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// Which read-only fields are allow-list tables (HF3001: a value read from one is one of its constants), decided once
/// per field and compilation. The usual table is written with literals only — <c>new() { ["name"] = "Name" }</c> or
/// <c>{ "Users", "Orders" }</c> — and for those the syntax settles it: binding a field initializer for the semantic
/// model costs about as much as binding a method, and was a third of HF3001's time on the benchmark service
/// (benchmarks/README.md, "Analyzers, third pass"). Every other initializer is judged on its operations as before.
/// </summary>
internal sealed class AllowListTables
{
    private readonly ConcurrentDictionary<IFieldSymbol, bool> verdicts = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The verdict for <paramref name="field"/>, whose initializer (in the file of the use) is <paramref name="initializer"/>;
    /// <paramref name="judgeOperations"/> reads its operations when the syntax alone does not settle it.
    /// </summary>
    public bool IsTable(IFieldSymbol field, ExpressionSyntax initializer, Func<bool> judgeOperations)
    {
        if (verdicts.TryGetValue(field, out var known))
        {
            return known;
        }

        var verdict = IsLiteralTable(initializer) || judgeOperations();
        verdicts.TryAdd(field, verdict);
        return verdict;
    }

    /// <summary>
    /// An index initializer or an array made of literals only. The operation test finds no text in them but constants:
    /// every string-typed value is a literal (constant), the indexers being initialised are skipped, and there is no
    /// call — a collection initializer (<c>{ "a", "b" }</c> on a list or set) is not here, because its implicit
    /// <c>Add</c> is a call whose result type only binding knows.
    /// </summary>
    internal static bool IsLiteralTable(ExpressionSyntax initializer) => initializer switch
    {
        InitializerExpressionSyntax array when array.IsKind(SyntaxKind.ArrayInitializerExpression) => AllLiterals(array),
        ImplicitArrayCreationExpressionSyntax array => AllLiterals(array.Initializer),
        ArrayCreationExpressionSyntax array => array.Initializer != null && AllLiterals(array.Initializer) && SizesAreLiterals(array.Type),
        BaseObjectCreationExpressionSyntax creation => LiteralArguments(creation.ArgumentList) && IsLiteralIndexInitializer(creation.Initializer),
        _ => false,
    };

    private static bool AllLiterals(InitializerExpressionSyntax initializer)
    {
        foreach (var element in initializer.Expressions)
        {
            if (!IsLiteral(element))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SizesAreLiterals(ArrayTypeSyntax type)
    {
        foreach (var rank in type.RankSpecifiers)
        {
            foreach (var size in rank.Sizes)
            {
                if (size is not OmittedArraySizeExpressionSyntax && !IsLiteral(size))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary><c>{ ["key"] = "value", … }</c>: index assignments of literals, nothing else.</summary>
    private static bool IsLiteralIndexInitializer(InitializerExpressionSyntax? initializer)
    {
        if (initializer == null || !initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
        {
            return false;
        }

        foreach (var element in initializer.Expressions)
        {
            if (element is not AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax index } assignment ||
                !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || !LiteralArguments(index.ArgumentList) || !IsLiteral(assignment.Right))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LiteralArguments(BaseArgumentListSyntax? arguments)
    {
        if (arguments == null)
        {
            return true;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) || !IsLiteral(argument.Expression))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLiteral(ExpressionSyntax expression) =>
        expression.Kind() is SyntaxKind.StringLiteralExpression or SyntaxKind.NumericLiteralExpression or SyntaxKind.CharacterLiteralExpression or
            SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression or SyntaxKind.NullLiteralExpression;
}
