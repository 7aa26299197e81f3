using System.Collections.Immutable;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Analyzers.Sql;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
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
public sealed class SyncOverAsyncAnalyzer : DiagnosticAnalyzer
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

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var tasks = TaskSymbols.Create(start.Compilation);
            var ef = EfCoreSymbols.Create(start.Compilation);
            var calls = new DatabaseCalls(ef, SqlSymbols.Create(start.Compilation));
            var scope = HotfixScope.Create(start.Options, start.CancellationToken);

            start.RegisterOperationAction(
                c =>
                {
                    var property = (IPropertyReferenceOperation)c.Operation;
                    if (property.Property.Name == "Result" && tasks.IsTask(property.Property.ContainingType) &&
                        property.Instance != null && InAsync(c, out var function) && !AlreadyCompleted(property.Instance, c))
                    {
                        Report(c, scope, SyntaxLocations.NameOf(property), property.Syntax, ".Result", function, "await the task instead");
                    }
                },
                OperationKind.PropertyReference);

            start.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;
                    switch (method.Name)
                    {
                        case "Wait" when tasks.IsTask(method.ContainingType) && invocation.Instance != null:
                            if (InAsync(c, out var waitFunction) && !AlreadyCompleted(invocation.Instance, c))
                            {
                                Report(c, scope, SyntaxLocations.NameOf(invocation), invocation.Syntax, ".Wait()", waitFunction, "await the task instead");
                            }

                            return;
                        case "WaitAll" or "WaitAny" when tasks.IsTask(method.ContainingType) && method.IsStatic:
                            if (InAsync(c, out var waitAllFunction))
                            {
                                Report(c, scope, SyntaxLocations.NameOf(invocation), invocation.Syntax, "Task." + method.Name, waitAllFunction, $"await Task.When{method.Name.Substring(4)} instead");
                            }

                            return;
                        case "GetResult" when tasks.IsAwaiter(method.ContainingType) && invocation.Instance?.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } getAwaiter:
                            if (InAsync(c, out var getResultFunction) && (getAwaiter.Instance == null || !AlreadyCompleted(getAwaiter.Instance, c)))
                            {
                                Report(c, scope, SyntaxLocations.NameOf(invocation), invocation.Syntax, "GetAwaiter().GetResult()", getResultFunction, "await the task instead");
                            }

                            return;
                    }

                    // Name tests first: most calls are neither EF nor in an async function, and the walk up to the
                    // enclosing function is the one step here that is not constant-time.
                    if (!ef.IsAvailable || !(method.Name == "SaveChanges" || DatabaseCalls.IsCandidateName(method.Name) || FacadeMethods.Contains(method.Name)) ||
                        !InAsync(c, out var function))
                    {
                        return;
                    }

                    if (calls.IsSaveChanges(invocation) && method.Name == "SaveChanges")
                    {
                        Report(c, scope, SyntaxLocations.NameOf(invocation), invocation.Syntax, "SaveChanges", function, "await SaveChangesAsync instead");
                    }
                    else if (DatabaseCalls.IsCandidateName(method.Name) && calls.TryClassify(invocation, c.CancellationToken, out var call) &&
                             call.IsEf && !call.IsAsync && call.AsyncTwin != null)
                    {
                        Report(c, scope, SyntaxLocations.NameOf(invocation), invocation.Syntax, call.Api, function, $"await {call.AsyncTwin} instead");
                    }
                    else if (FacadeMethods.Contains(method.Name) &&
                             (method.ContainingType.IsType(ef.DatabaseFacade) || method.IsDeclaredIn(ef.RelationalDatabaseFacadeExtensions)))
                    {
                        Report(c, scope, SyntaxLocations.NameOf(invocation), invocation.Syntax, method.Name, function, $"await {method.Name}Async instead");
                    }
                },
                OperationKind.Invocation);

            if (ef.IsAvailable)
            {
                start.RegisterOperationAction(
                    c =>
                    {
                        if (c.Operation is IForEachLoopOperation { IsAsynchronous: false } loop && InAsync(c, out var function) &&
                            EfQueries.IsEfQuery(loop.Collection.WithoutConversions(), ef, c.CancellationToken))
                        {
                            var collection = loop.Collection.WithoutConversions();
                            Report(c, scope, collection.Syntax.GetLocation(), collection.Syntax, "foreach over an EF Core query", function, "use await foreach or await ToListAsync()");
                        }
                    },
                    OperationKind.Loop);
            }
        });
    }

    private static readonly System.Collections.Generic.HashSet<string> FacadeMethods = new(System.StringComparer.Ordinal)
    {
        "BeginTransaction", "EnsureCreated", "EnsureDeleted", "CommitTransaction", "RollbackTransaction", "Migrate",
    };

    private static bool InAsync(OperationAnalysisContext context, out IMethodSymbol? function) =>
        context.Operation.IsInAsyncFunction(context.ContainingSymbol, out function);

    private static void Report(OperationAnalysisContext context, HotfixScope scope, Location location, SyntaxNode node, string what, IMethodSymbol? function, string advice)
    {
        var name = function == null || function.MethodKind == MethodKind.AnonymousFunction ? "lambda" : function.Name;
        scope.Report(context.ReportDiagnostic, Rule, location, node, messageArgs: new object?[] { what, name, advice });
    }

    /// <summary>
    /// The task is a local or parameter that the function awaited — itself or through Task.WhenAll/WhenAny — before this
    /// use, or whose IsCompleted* the enclosing condition checks: reading .Result then does not block.
    /// </summary>
    private static bool AlreadyCompleted(IOperation task, OperationAnalysisContext context)
    {
        var symbol = task.WithoutConversions() switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol == null)
        {
            return false;
        }

        var use = task.Syntax;
        var body = use.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax);
        if (body == null)
        {
            return false;
        }

        foreach (var await in body.DescendantNodes().OfType<AwaitExpressionSyntax>())
        {
            if (await.SpanStart < use.SpanStart && Mentions(await.Expression, symbol, context))
            {
                return true;
            }
        }

        foreach (var condition in use.Ancestors().OfType<IfStatementSyntax>())
        {
            if (condition.Condition.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(m =>
                    m.Name.Identifier.ValueText.StartsWith("IsCompleted", System.StringComparison.Ordinal) && Mentions(m.Expression, symbol, context)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(SyntaxNode node, ISymbol symbol, OperationAnalysisContext context)
    {
        var model = context.Operation.SemanticModel;
        return model != null && node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i =>
            i.Identifier.ValueText == symbol.Name &&
            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, context.CancellationToken).Symbol, symbol));
    }
}
