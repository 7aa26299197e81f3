using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// Loops whose iterations are not one per item, so a database call in them is the fix for N+1 rather than N+1 (HF4001,
/// HF4002): a <c>foreach</c> over batches (<c>ids.Chunk(500)</c>, MoreLINQ's <c>Batch</c>); a <c>while</c>/<c>do</c> that
/// pages through a table (it holds a query that takes a page: <c>Take</c> after <c>Skip</c> or an <c>OrderBy</c>); and a
/// <c>while</c>/<c>do</c>/<c>for (;;)</c> that polls (it waits: <c>await Task.Delay</c>, a <c>PeriodicTimer</c> tick,
/// <c>Thread.Sleep</c>). A per-item loop around such a loop still counts.
/// </summary>
internal static class LoopShapes
{
    /// <summary>The innermost loop around <paramref name="operation"/> that runs once per item, or null.</summary>
    public static ILoopOperation? PerItemLoop(IOperation operation)
    {
        for (var loop = operation.EnclosingLoop(); loop != null; loop = loop.EnclosingLoop())
        {
            if (!IsBatched(loop) && !PagesOrPolls(loop))
            {
                return loop;
            }
        }

        return null;
    }

    private static bool IsBatched(ILoopOperation loop) =>
        loop is IForEachLoopOperation { Collection: var collection } &&
        collection.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "Chunk" or "Batch" } batches &&
        ElementType(batches.Type) is { } element && element.SpecialType != SpecialType.System_String &&
        (element is IArrayTypeSymbol || element.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

    private static ITypeSymbol? ElementType(ITypeSymbol? sequence) =>
        sequence is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named &&
        (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
         named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))
            ? named.TypeArguments[0]
            : null;

    /// <summary>
    /// A loop that is not a walk over a collection or a counter (a while, a do, a for without a condition) and whose own
    /// code, not a lambda's, waits or takes a page.
    /// </summary>
    private static bool PagesOrPolls(ILoopOperation loop)
    {
        if (loop is not (IWhileLoopOperation or IForLoopOperation { Condition: null }))
        {
            return false;
        }

        foreach (var node in loop.Syntax.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is InvocationExpressionSyntax call && SyntaxFilters.InvokedName(call) is { } name &&
                (name is "Delay" or "WaitForNextTickAsync" or "Sleep" || (name == "Take" && TakesAPage(call))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Take(n) after Skip or an ordering in the same chain: a page of an ordered query, not "the first one".</summary>
    private static bool TakesAPage(InvocationExpressionSyntax take) =>
        SyntaxFilters.EarlierCallsInChain(take.Expression).Any(name => name is "Skip" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending");
}
