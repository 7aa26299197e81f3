using System.Collections.Generic;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// FastEndpoints: an endpoint class declares its verbs, route and access in <c>Configure()</c>
/// (<c>Post("/orders"); AllowAnonymous();</c>) rather than in attributes or a map call, so neither the controller nor
/// the minimal API reading sees it. <c>AllowAnonymous()</c> there opens every verb the endpoint answers, or those it names
/// (<c>AllowAnonymous(Http.GET)</c>); a state-changing one is reported as an anonymous <c>MapPost</c> would be.
/// </summary>
public sealed partial class AuthorizationBypassAnalyzer
{
    /// <summary>The endpoint's route methods that fix its verb, by name: <c>Get</c>/<c>Head</c> only answer.</summary>
    private static readonly string[] FastEndpointsRouteVerbs = { "Post", "Put", "Patch", "Delete", "Verbs" };

    /// <summary>The overrides that run a FastEndpoints request: read for a sign-in step, as a minimal API handler is.</summary>
    private static readonly string[] FastEndpointsHandlers = { "HandleAsync", "ExecuteAsync", "HandleRequestAsync" };

    /// <summary>A method of FastEndpoints' own types (its endpoint base classes live in the <c>FastEndpoints</c> namespace).</summary>
    private static bool IsFastEndpointsMethod(IMethodSymbol method) =>
        method.ContainingType?.ContainingNamespace is { Name: "FastEndpoints", ContainingNamespace.IsGlobalNamespace: true };

    /// <summary><c>AllowAnonymous()</c> in an endpoint's <c>Configure()</c>, judged by the verbs the same method declares.</summary>
    private static void AnalyzeFastEndpointsAllowAnonymous(SyntaxNodeAnalysisContext context, IInvocationOperation allow, HotfixScope scope)
    {
        if (allow.Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } configure || context.ContainingSymbol?.ContainingType is not { } endpoint)
        {
            return;
        }

        var anonymous = VerbsIn(allow); // null: every verb the endpoint answers
        var opened = new List<string>();
        string? route = null;
        foreach (var call in configure.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (SyntaxFilters.InvokedName(call) is not { } name || !FastEndpointsRouteVerbs.Contains(name) ||
                context.SemanticModel.GetOperation(call, context.CancellationToken) is not IInvocationOperation declared ||
                !IsFastEndpointsMethod(declared.TargetMethod))
            {
                continue;
            }

            // Verbs(Http.POST, …) names them; a list not read here (a variable) may hold any, as MapMethods' does.
            var verbs = name == "Verbs" ? VerbsIn(declared) ?? MutatingVerbs.ToList() : new List<string> { name.ToUpperInvariant() };
            route ??= declared.Arguments.SelectMany(ElementsOf).Select(e => e.ConstantValue.Value as string).FirstOrDefault(r => r != null);
            opened.AddRange(verbs.Where(v => MutatingVerbs.Contains(v) && (anonymous == null || anonymous.Contains(v)) && !opened.Contains(v)));
        }

        if (opened.Count == 0 || HandlerAuthenticates(endpoint, context.CancellationToken))
        {
            return;
        }

        var where = route != null ? $"'{route}' ({endpoint.Name})" : $"'{endpoint.Name}'";
        scope.Report(context.ReportDiagnostic, Rule, SyntaxLocations.NameOf(allow), allow.Syntax,
            messageArgs: new object?[] { $"AllowAnonymous() makes the {string.Join("/", opened)} endpoint {where} reachable without authentication" });
    }

    /// <summary>The verbs an <c>AllowAnonymous(Http.GET)</c> or <c>Verbs(Http.POST, …)</c> names; null when none are given or one is not read here.</summary>
    private static List<string>? VerbsIn(IInvocationOperation call)
    {
        var verbs = new List<string>();
        foreach (var element in call.Arguments.Where(a => a.Parameter?.Type is IArrayTypeSymbol { ElementType.TypeKind: TypeKind.Enum } || a.Parameter?.Type.TypeKind == TypeKind.Enum).SelectMany(ElementsOf))
        {
            if (element.WithoutConversions() is not IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } field)
            {
                return null;
            }

            verbs.Add(field.Field.Name.ToUpperInvariant());
        }

        return verbs.Count > 0 ? verbs : null;
    }

    /// <summary>The values an argument passes: each element of a <c>params</c> array, or the value itself.</summary>
    private static IEnumerable<IOperation> ElementsOf(IArgumentOperation argument) =>
        argument.Value.WithoutConversions() is IArrayCreationOperation { Initializer: { } initializer }
            ? initializer.ElementValues
            : new[] { argument.Value };

    /// <summary>A login or sign-up endpoint: its handler override names a sign-in step (one call deep, by name).</summary>
    private static bool HandlerAuthenticates(INamedTypeSymbol endpoint, System.Threading.CancellationToken cancellationToken) =>
        endpoint.GetMembers().OfType<IMethodSymbol>()
            .Any(m => FastEndpointsHandlers.Contains(m.Name) && AuthenticationCalls.MayAuthenticate(m, cancellationToken));
}
