using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Infrastructure;

internal static class OperationExtensions
{
    /// <summary>The local, parameter or field an expression reads; null for anything else.</summary>
    public static ISymbol? VariableOf(this IOperation? operation) => operation?.WithoutConversions() switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    /// <summary>The operation under any implicit or explicit conversions (and the C# <c>!</c> suppression, which is none).</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The argument bound to the parameter called <paramref name="name"/>, whatever the argument order.</summary>
    public static IArgumentOperation? ArgumentFor(this IInvocationOperation invocation, string name)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The expression a method is called on: the instance, or the <c>this</c> argument of an extension method.</summary>
    public static IOperation? ReceiverOf(this IInvocationOperation invocation)
    {
        if (invocation.Instance != null)
        {
            return invocation.Instance;
        }

        if (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The loop that evaluates <paramref name="operation"/> once per iteration: it is in the loop's body, its condition
    /// or its increment — not in a foreach collection, which is evaluated once. Lambdas and local functions end the
    /// search: when (and how often) they run is not visible here.
    /// </summary>
    public static ILoopOperation? EnclosingLoop(this IOperation operation)
    {
        var previous = operation;
        for (var current = operation.Parent; current != null; previous = current, current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    return null;
                case IForEachLoopOperation forEach when previous != forEach.Collection:
                case IForLoopOperation:
                case IWhileLoopOperation:
                    if (current is IForLoopOperation forLoop && forLoop.Before.Contains(previous))
                    {
                        break;
                    }

                    return (ILoopOperation)current;
            }
        }

        return null;
    }

    /// <summary>Whether the innermost function around <paramref name="operation"/> is async (method, lambda or local function).</summary>
    public static bool IsInAsyncFunction(this IOperation operation, ISymbol? containingSymbol, out IMethodSymbol? function)
    {
        for (var current = operation.Parent; current != null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    function = lambda.Symbol;
                    return lambda.Symbol.IsAsync;
                case ILocalFunctionOperation local:
                    function = local.Symbol;
                    return local.Symbol.IsAsync;
            }
        }

        function = containingSymbol as IMethodSymbol;
        return function?.IsAsync == true;
    }
}
