using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Analyzers.Sql;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF4003: an async method (or async lambda / local function) blocks its thread — <c>.Result</c>, <c>.Wait()</c>,
/// <c>Task.WaitAll/WaitAny</c>, <c>GetAwaiter().GetResult()</c>, or a synchronous EF Core query, <c>SaveChanges</c>,
/// <c>Find</c>, <c>Load</c> or sync <c>foreach</c> over an EF query where an awaitable twin exists. Under load that starves
/// the thread pool of a request path. Not reported: EF calls that have no I/O (<c>Add</c>, <c>AddRange</c>,
/// <c>CreateDbContext</c> — the false positive of MA0042, CA1849, S6966 and VSTHRD103), and <c>.Result</c> of a task the
/// method has already awaited (directly or through <c>Task.WhenAll</c>/<c>WhenAny</c>) or checked with <c>IsCompleted</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SyncOverAsyncAnalyzer : HotfixAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.SyncOverAsync,
        HotfixDescriptors.Title(RuleIds.SyncOverAsync),
        HotfixDescriptors.Message("'{0}' blocks a thread in the async method '{1}': {2}"),
        RuleCategory.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.SyncOverAsync),
        HotfixDescriptors.HelpLink(RuleIds.SyncOverAsync),
        HotfixDescriptors.Tags);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override bool JudgesGeneratedCode => true; // every finding is inside the node its action was called for

    private static readonly HashSet<string> WaitMethods = new(StringComparer.Ordinal) { "Wait", "WaitAll", "WaitAny", "GetResult" };

    private static readonly HashSet<string> FacadeMethods = new(StringComparer.Ordinal)
    {
        "BeginTransaction", "EnsureCreated", "EnsureDeleted", "CommitTransaction", "RollbackTransaction", "Migrate",
    };

    /// <summary>The operations of EF's <c>IDbContextTransaction</c>, each with an …Async twin since EF Core 3/5.</summary>
    private static readonly HashSet<string> TransactionMethods = new(StringComparer.Ordinal)
    {
        "Commit", "Rollback", "CreateSavepoint", "RollbackToSavepoint", "ReleaseSavepoint",
    };

    private protected override void Start(CompilationStartAnalysisContext start, HotfixScope scope)
    {
        var tasks = TaskSymbols.Create(start.Compilation);
        var ef = EfCoreSymbols.Create(start.Compilation);
        var calls = new DatabaseCalls(ef, SqlSymbols.Create(start.Compilation));

        start.RegisterSyntaxNodeAction(
            c =>
            {
                if (((MemberAccessExpressionSyntax)c.Node).Name.Identifier.ValueText != "Result" || !SyntaxFilters.IsInAsyncFunction(c.Node) ||
                    c.SymbolOf<IPropertySymbol>() is not { } result || !tasks.IsTask(result.ContainingType) ||
                    c.OperationOf<IPropertyReferenceOperation>() is not { } property ||
                    property.Instance == null || !InAsync(c, property, out var function) || AlreadyCompleted(property.Instance, c))
                {
                    return;
                }

                Report(c, scope, SyntaxLocations.NameOf(property), ".Result", function, "await the task instead");
            },
            SyntaxKind.SimpleMemberAccessExpression);

        start.RegisterSyntaxNodeAction(
            c =>
            {
                var name = SyntaxFilters.InvokedName((InvocationExpressionSyntax)c.Node);
                var isWait = name != null && WaitMethods.Contains(name);
                // Only synchronous EF calls can be findings: their …Async twins are what the rule asks for.
                var isEf = ef.IsAvailable && name != null && !name.EndsWith("Async", StringComparison.Ordinal) &&
                    (name == "SaveChanges" || FacadeMethods.Contains(name) || TransactionMethods.Contains(name) || DatabaseCalls.IsCandidateName(name));
                if ((!isWait && !isEf) || !SyntaxFilters.IsInAsyncFunction(c.Node) || c.SymbolOf<IMethodSymbol>() is not { } method ||
                    (isWait ? !tasks.IsTask(method.ContainingType) && !tasks.IsAwaiter(method.ContainingType) : !IsSyncEfCall(c, method, ef, calls)) ||
                    c.OperationOf<IInvocationOperation>() is not { } invocation || !InAsync(c, invocation, out var function))
                {
                    return;
                }

                if (isWait)
                {
                    AnalyzeWait(c, scope, tasks, invocation, function);
                }
                else
                {
                    AnalyzeEfCall(c, scope, ef, calls, invocation, function);
                }
            },
            SyntaxKind.InvocationExpression);

        if (ef.IsAvailable)
        {
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    var forEach = (CommonForEachStatementSyntax)c.Node;
                    if (forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword) || !SyntaxFilters.IsInAsyncFunction(c.Node) ||
                        !EfQueries.MayBeEfQuery(forEach.Expression, c.SemanticModel, ef, c.CancellationToken) ||
                        c.OperationOf<IForEachLoopOperation>() is not { } loop || !InAsync(c, loop, out var function))
                    {
                        return;
                    }

                    var collection = loop.Collection.WithoutConversions();
                    if (EfQueries.IsEfQuery(collection, ef, c.CancellationToken))
                    {
                        Report(c, scope, collection.Syntax.GetLocation(), "foreach over an EF Core query", function, "use await foreach or await ToListAsync()", collection.Syntax);
                    }
                },
                SyntaxKind.ForEachStatement,
                SyntaxKind.ForEachVariableStatement);
        }
    }

    private static void AnalyzeWait(SyntaxNodeAnalysisContext context, HotfixScope scope, TaskSymbols tasks, IInvocationOperation invocation, IMethodSymbol? function)
    {
        var method = invocation.TargetMethod;
        var location = SyntaxLocations.NameOf(invocation);
        switch (method.Name)
        {
            case "Wait" when tasks.IsTask(method.ContainingType) && invocation.Instance != null && !AlreadyCompleted(invocation.Instance, context):
                Report(context, scope, location, ".Wait()", function, "await the task instead");
                break;
            case "WaitAll" or "WaitAny" when tasks.IsTask(method.ContainingType) && method.IsStatic:
                Report(context, scope, location, "Task." + method.Name, function, $"await Task.When{method.Name.Substring(4)} instead");
                break;
            case "GetResult" when tasks.IsAwaiter(method.ContainingType) &&
                                  invocation.Instance?.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } getAwaiter &&
                                  (getAwaiter.Instance == null || !AlreadyCompleted(getAwaiter.Instance, context)):
                Report(context, scope, location, "GetAwaiter().GetResult()", function, "await the task instead");
                break;
        }
    }

    private static void AnalyzeEfCall(SyntaxNodeAnalysisContext context, HotfixScope scope, EfCoreSymbols ef, DatabaseCalls calls, IInvocationOperation invocation, IMethodSymbol? function)
    {
        var method = invocation.TargetMethod;
        var location = SyntaxLocations.NameOf(invocation);
        if (method.Name == "SaveChanges" && calls.IsSaveChanges(invocation))
        {
            Report(context, scope, location, "SaveChanges", function, "await SaveChangesAsync instead");
        }
        else if (FacadeMethods.Contains(method.Name) && (method.ContainingType.IsType(ef.DatabaseFacade) || method.IsDeclaredIn(ef.RelationalDatabaseFacadeExtensions)))
        {
            Report(context, scope, location, method.Name, function, $"await {method.Name}Async instead");
        }
        else if (IsTransactionCall(method, ef))
        {
            Report(context, scope, location, method.Name, function, $"await {method.Name}Async instead");
        }
        else if (calls.TryClassify(invocation, context.CancellationToken, out var call) && call.IsEf && !call.IsAsync && call.AsyncTwin != null)
        {
            Report(context, scope, location, call.Api, function, $"await {call.AsyncTwin} instead");
        }
    }

    /// <summary>The cheap test on the bound method: SaveChanges, a DatabaseFacade operation, or an EF database call.</summary>
    private static bool IsSyncEfCall(SyntaxNodeAnalysisContext context, IMethodSymbol method, EfCoreSymbols ef, DatabaseCalls calls) =>
        (method.Name == "SaveChanges" && ef.IsContextOrItsInterface(method.ContainingType)) ||
        (FacadeMethods.Contains(method.Name) && (method.ContainingType.IsType(ef.DatabaseFacade) || method.IsDeclaredIn(ef.RelationalDatabaseFacadeExtensions))) ||
        IsTransactionCall(method, ef) ||
        calls.IsSyncEfCallWithTwin((InvocationExpressionSyntax)context.Node, method, context.SemanticModel, context.CancellationToken);

    /// <summary>
    /// Commit/Rollback/savepoints of EF's transaction (the interface or a provider's class implementing it). ADO.NET's
    /// own <c>DbTransaction.Commit()</c> is not: the rule leaves ADO.NET's synchronous calls alone (see the rule page).
    /// </summary>
    private static bool IsTransactionCall(IMethodSymbol method, EfCoreSymbols ef) =>
        TransactionMethods.Contains(method.Name) && !method.IsStatic && method.ContainingType.Implements(ef.DbContextTransaction);

    private static bool InAsync(SyntaxNodeAnalysisContext context, IOperation operation, out IMethodSymbol? function) =>
        operation.IsInAsyncFunction(context.ContainingSymbol, out function) && !StartupCode.RunsOnce(function);

    private static void Report(SyntaxNodeAnalysisContext context, HotfixScope scope, Location location, string what, IMethodSymbol? function, string advice, SyntaxNode? node = null)
    {
        var name = function == null || function.MethodKind == MethodKind.AnonymousFunction ? "lambda" : function.Name;
        scope.Report(context.ReportDiagnostic, Rule, location, node ?? context.Node, messageArgs: new object?[] { what, name, advice });
    }

    /// <summary>
    /// The task is a local, parameter or field that the function awaited — itself or through Task.WhenAll/WhenAny — before
    /// this use, an element of a collection the function awaited Task.WhenAll over, or a task whose IsCompleted* the
    /// enclosing condition checks: reading .Result then does not block.
    /// </summary>
    private static bool AlreadyCompleted(IOperation task, SyntaxNodeAnalysisContext context)
    {
        var operation = task.WithoutConversions();
        var use = task.Syntax;
        var body = use.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax);
        if (body == null)
        {
            return false;
        }

        // A task read out of a collection — tasks[i], or the variable of a foreach over tasks — is complete once the
        // function awaited Task.WhenAll over that collection.
        var collection = operation switch
        {
            IArrayElementReferenceOperation element => element.ArrayReference.VariableOf(),
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance.VariableOf(),
            ILocalReferenceOperation local => ForEachCollection(local.Local, context),
            _ => null,
        };
        // The task Task.WhenAny returns has completed: (await Task.WhenAny(a, b)).Result, or a local declared with that
        // await and never assigned again.
        if (AwaitsWhenAny(use as ExpressionSyntax) ||
            operation is ILocalReferenceOperation declared && declared.Local.DeclaringSyntaxReferences.Length == 1 &&
            declared.Local.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var initial } declarator &&
            AwaitsWhenAny(initial) && !AssignedAgain(declared.Local, declarator))
        {
            return true;
        }

        var symbol = operation.VariableOf();
        if (collection == null && symbol == null)
        {
            return false;
        }

        // One pass over the awaits before the use, in the function's own body.
        foreach (var await in body.DescendantNodes().OfType<AwaitExpressionSyntax>())
        {
            if (await.SpanStart >= use.SpanStart || InNestedFunction(await, body))
            {
                continue;
            }

            if ((collection != null && await.Expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call =>
                    SyntaxFilters.InvokedName(call) == "WhenAll" && Mentions(call.ArgumentList, collection, context))) ||
                (symbol != null && Awaits(await.Expression, symbol, context)))
            {
                return true;
            }
        }

        if (symbol == null)
        {
            return false;
        }

        foreach (var ancestor in use.Ancestors())
        {
            // if (t.IsCompleted && …) { t.Result } and if (!t.IsCompleted || …) { … } else { t.Result }: the branch the use
            // sits in is the one where the task has completed. The same for a conditional expression: the ValueTask fast
            // path v.IsCompletedSuccessfully ? v.Result : await v.
            var (test, whenTrue, whenFalse) = ancestor switch
            {
                IfStatementSyntax branch => (branch.Condition, (SyntaxNode)branch.Statement, (SyntaxNode?)branch.Else),
                ConditionalExpressionSyntax conditional => (conditional.Condition, conditional.WhenTrue, conditional.WhenFalse),
                _ => default((ExpressionSyntax, SyntaxNode, SyntaxNode?)),
            };
            if (test == null)
            {
                continue;
            }

            var inThen = whenTrue.Span.Contains(use.Span);
            if ((inThen || whenFalse?.Span.Contains(use.Span) == true) && ChecksCompletion(test, completed: inThen, symbol, context))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="expression"/> is <c>await Task.WhenAny(…)</c> (also through ConfigureAwait).</summary>
    private static bool AwaitsWhenAny(ExpressionSyntax? expression)
    {
        if (expression == null || SyntaxFilters.Unparenthesized(expression) is not AwaitExpressionSyntax awaited)
        {
            return false;
        }

        var call = SyntaxFilters.Unparenthesized(awaited.Expression);
        if (call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configured })
        {
            call = SyntaxFilters.Unparenthesized(configured.Expression);
        }

        return call is InvocationExpressionSyntax whenAny && SyntaxFilters.InvokedName(whenAny) == "WhenAny";
    }

    /// <summary>
    /// Whether <paramref name="condition"/> being true (<paramref name="completed"/>) or false proves the task complete:
    /// <c>t.IsCompleted…</c> alone or in an <c>&amp;&amp;</c> chain, or <c>!t.IsCompleted…</c> alone or in an <c>||</c> chain.
    /// </summary>
    private static bool ChecksCompletion(ExpressionSyntax condition, bool completed, ISymbol symbol, SyntaxNodeAnalysisContext context)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return ChecksCompletion(parenthesized.Expression, completed, symbol, context);
            case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression):
                return ChecksCompletion(negation.Operand, !completed, symbol, context);
            case BinaryExpressionSyntax both when both.IsKind(completed ? SyntaxKind.LogicalAndExpression : SyntaxKind.LogicalOrExpression):
                return ChecksCompletion(both.Left, completed, symbol, context) || ChecksCompletion(both.Right, completed, symbol, context);
            case BinaryExpressionSyntax status when status.IsKind(completed ? SyntaxKind.EqualsExpression : SyntaxKind.NotEqualsExpression):
                // t.Status == TaskStatus.RanToCompletion
                return IsStatusOf(status.Left, symbol, context) && IsRanToCompletion(status.Right) ||
                    IsStatusOf(status.Right, symbol, context) && IsRanToCompletion(status.Left);
            case MemberAccessExpressionSyntax member:
                return completed && member.Name.Identifier.ValueText.StartsWith("IsCompleted", System.StringComparison.Ordinal) &&
                    Mentions(member.Expression, symbol, context);
            case IsPatternExpressionSyntax { Pattern: RecursivePatternSyntax { PropertyPatternClause.Subpatterns: var checks } } pattern when Mentions(pattern.Expression, symbol, context):
                // t is { IsCompletedSuccessfully: true }: every property checked holds when it matches, so one completion
                // check is enough; a failed match says which one failed only when it is the only check.
                return completed
                    ? checks.Any(check => ChecksCompletedProperty(check, expected: true))
                    : checks.Count == 1 && ChecksCompletedProperty(checks[0], expected: false);
            default:
                return false;
        }
    }

    /// <summary>A property pattern's <c>IsCompleted…: true</c> (or <c>false</c>), or <c>Status: TaskStatus.RanToCompletion</c>.</summary>
    private static bool ChecksCompletedProperty(SubpatternSyntax check, bool expected)
    {
        if (check.ExpressionColon?.Expression is not IdentifierNameSyntax { Identifier.ValueText: var property } || check.Pattern is not ConstantPatternSyntax { Expression: var value })
        {
            return false;
        }

        return property.StartsWith("IsCompleted", System.StringComparison.Ordinal)
            ? value.IsKind(expected ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression)
            : expected && property == "Status" && IsRanToCompletion(value);
    }

    private static bool IsStatusOf(ExpressionSyntax expression, ISymbol symbol, SyntaxNodeAnalysisContext context) =>
        SyntaxFilters.Unparenthesized(expression) is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Status" } status &&
        Mentions(status.Expression, symbol, context);

    private static bool IsRanToCompletion(ExpressionSyntax expression) =>
        SyntaxFilters.Unparenthesized(expression) is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RanToCompletion" };

    /// <summary>
    /// Whether awaiting <paramref name="awaited"/> completes the task: the task itself (also through ConfigureAwait), or
    /// Task.WhenAll/WhenAny given it. An await that only mentions it (<c>await LogAsync(t.Status)</c>) does not.
    /// </summary>
    private static bool Awaits(ExpressionSyntax awaited, ISymbol symbol, SyntaxNodeAnalysisContext context)
    {
        while (true)
        {
            switch (awaited)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    awaited = parenthesized.Expression;
                    continue;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configured }:
                    awaited = configured.Expression;
                    continue;
                case InvocationExpressionSyntax call when SyntaxFilters.InvokedName(call) is "WhenAll" or "WhenAny":
                    return Mentions(call.ArgumentList, symbol, context) || call.ArgumentList.Arguments.Any(a => CollectionHolds(a.Expression, symbol, context));
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    var target = context.SemanticModel.GetSymbolInfo(awaited, context.CancellationToken).Symbol;
                    if (SymbolEqualityComparer.Default.Equals(target, symbol))
                    {
                        return true;
                    }

                    // var all = Task.WhenAll(a, b); … await all; — the local stands for the WhenAll it was given.
                    if (target is ILocalSymbol local && StoredWhenAll(local, context.CancellationToken) is { } stored)
                    {
                        awaited = stored;
                        continue;
                    }

                    return false;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// The Task.WhenAll/WhenAny call a local was declared with and never assigned again, or null. (Syntax of its
    /// declaring block: a second assignment anywhere in it makes the local stand for nothing known.)
    /// </summary>
    private static InvocationExpressionSyntax? StoredWhenAll(ILocalSymbol local, System.Threading.CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1 ||
            local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value } declarator ||
            SyntaxFilters.Unparenthesized(value) is not InvocationExpressionSyntax call || SyntaxFilters.InvokedName(call) is not ("WhenAll" or "WhenAny") ||
            AssignedAgain(local, declarator))
        {
            return null;
        }

        return call;
    }

    /// <summary>
    /// A local collection handed to Task.WhenAll that holds the task: written in its initializer
    /// (<c>new List&lt;Task&gt; { a, b }</c>, <c>new[] { a, b }</c>, <c>[a, b]</c>) or added with <c>tasks.Add(a)</c> in its
    /// declaring block. Removing it again is not looked for.
    /// </summary>
    private static bool CollectionHolds(ExpressionSyntax argument, ISymbol task, SyntaxNodeAnalysisContext context)
    {
        if (SyntaxFilters.Unparenthesized(argument) is not IdentifierNameSyntax name ||
            context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol is not ILocalSymbol collection ||
            collection.DeclaringSyntaxReferences.Length != 1 ||
            collection.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax declarator)
        {
            return false;
        }

        if (declarator.Initializer is { } initializer && Mentions(initializer.Value, task, context))
        {
            return true;
        }

        var block = declarator.Ancestors().FirstOrDefault(n => n is BlockSyntax);
        return block != null && block.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
            call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddRange" } add &&
            add.Expression is IdentifierNameSyntax { Identifier.ValueText: var listName } && listName == collection.Name &&
            SymbolEqualityComparer.Default.Equals(context.SemanticModel.GetSymbolInfo(add.Expression, context.CancellationToken).Symbol, collection) &&
            Mentions(call.ArgumentList, task, context));
    }

    private static bool AssignedAgain(ILocalSymbol local, VariableDeclaratorSyntax declarator)
    {
        var block = declarator.Ancestors().FirstOrDefault(n => n is BlockSyntax);
        return block == null || block.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
            SyntaxFilters.Unparenthesized(a.Left) is IdentifierNameSyntax { Identifier.ValueText: var name } && name == local.Name);
    }

    /// <summary>An await inside a lambda or local function of the body runs whenever that function does, not here.</summary>
    private static bool InNestedFunction(SyntaxNode node, SyntaxNode body)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor == body)
            {
                return false;
            }

            if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For the variable of <c>foreach (var task in tasks)</c>: <c>tasks</c>, when it is a local, parameter or field.</summary>
    private static ISymbol? ForEachCollection(ILocalSymbol local, SyntaxNodeAnalysisContext context)
    {
        if (local.DeclaringSyntaxReferences.Length != 1 ||
            local.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is not ForEachStatementSyntax loop)
        {
            return null;
        }

        return context.SemanticModel.GetSymbolInfo(loop.Expression, context.CancellationToken).Symbol is { Kind: SymbolKind.Local or SymbolKind.Parameter or SymbolKind.Field } collection
            ? collection
            : null;
    }

    private static bool Mentions(SyntaxNode node, ISymbol symbol, SyntaxNodeAnalysisContext context)
    {
        var model = context.SemanticModel;
        return node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i =>
            i.Identifier.ValueText == symbol.Name &&
            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, context.CancellationToken).Symbol, symbol));
    }
}
