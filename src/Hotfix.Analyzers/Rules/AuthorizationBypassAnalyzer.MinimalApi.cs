using System.Collections.Generic;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>HF3002 for minimal APIs: <c>.AllowAnonymous()</c> in an endpoint's builder chain and <c>[AllowAnonymous]</c> on handlers.</summary>
public sealed partial class AuthorizationBypassAnalyzer
{
    /// <summary>
    /// Map methods that only serve reads — ASP.NET Core's, and the API-description, metrics and health endpoints of the
    /// common packages (Swashbuckle, Scalar, OpenTelemetry's Prometheus exporter, prometheus-net's <c>MapMetrics</c>,
    /// AspNetCore.HealthChecks.UI, and gRPC's health service, whose Check and Watch only answer); every other Map* can take
    /// a state-changing request (Hangfire's dashboard can delete jobs). MapFallbackToFile serves a static file (the
    /// single-page-app fallback).
    /// </summary>
    private static readonly HashSet<string> ReadOnlyMaps = new(System.StringComparer.Ordinal)
    {
        "MapGet", "MapGroup", "MapHealthChecks", "MapStaticAssets", "MapOpenApi", "MapFallbackToFile", "MapSwagger",
        "MapScalarApiReference", "MapPrometheusScrapingEndpoint", "MapMetrics", "MapHealthChecksUI", "MapGrpcHealthChecksService",
    };

    private static void AnalyzeEndpointCall(
        SyntaxNodeAnalysisContext context, IInvocationOperation invocation, AspNetCoreSymbols asp, HotfixScope scope, AuthenticationCalls authentication)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "AllowAnonymous" && method.IsDeclaredIn(asp.AuthorizationConventions))
        {
            AnalyzeAllowAnonymousCall(context, invocation, asp, scope, authentication);
        }
        else if (method.Name.StartsWith("Map", System.StringComparison.Ordinal) && method.IsDeclaredIn(asp.EndpointRouteBuilderExtensions) &&
                 !HandlerAuthenticates(invocation, authentication, context.CancellationToken))
        {
            AnalyzeHandlerAttributes(context, invocation, asp, scope);
            AnalyzeAnonymousGroup(context, invocation, asp, scope);
        }
    }

    /// <summary>
    /// <c>var admin = app.MapGroup("/admin").AllowAnonymous(); admin.MapDelete(...)</c>: the group's metadata reaches
    /// every endpoint mapped on it, so a state-changing endpoint there is anonymous. Reported at that endpoint — a group
    /// that only serves reads is left alone, as MapGet is.
    /// </summary>
    private static void AnalyzeAnonymousGroup(SyntaxNodeAnalysisContext context, IInvocationOperation map, AspNetCoreSymbols asp, HotfixScope scope)
    {
        var verb = VerbOf(map, context.CancellationToken);
        if (verb == null)
        {
            return;
        }

        foreach (var call in BuilderChain(map, context.CancellationToken))
        {
            if (call.TargetMethod.Name == "AllowAnonymous" && call.TargetMethod.IsDeclaredIn(asp.AuthorizationConventions))
            {
                var what = EndpointText(map.TargetMethod.Name, verb, $"the {map.TargetMethod.Name} endpoint (any verb)");
                scope.Report(context.ReportDiagnostic, Rule, SyntaxLocations.NameOf(map), map.Syntax, new[] { SyntaxLocations.NameOf(call) },
                    messageArgs: new object?[] { $"AllowAnonymous() on its route group makes {what} reachable without authentication" });
                return;
            }
        }
    }

    /// <summary>
    /// The calls a builder went through before <paramref name="call"/>, nearest first: its receiver's call, that call's
    /// receiver's, and so on, through locals written once (<c>var api = app.MapGroup("/api");</c>); at most 32.
    /// </summary>
    private static IEnumerable<IInvocationOperation> BuilderChain(IInvocationOperation call, System.Threading.CancellationToken cancellationToken)
    {
        var seen = 0;
        for (var current = call.ReceiverOf(); current != null && seen++ < 32;)
        {
            current = current.WithoutConversions();
            if (current is ILocalReferenceOperation local && current.SemanticModel != null &&
                LocalAssignments.TryGetValues(local.Local, current.SemanticModel, out var values, cancellationToken) && values.Count == 1)
            {
                current = values[0].Value;
                continue;
            }

            if (current is not IInvocationOperation receiver)
            {
                yield break;
            }

            yield return receiver;
            current = receiver.ReceiverOf();
        }
    }

    /// <summary>
    /// The endpoint's handler signs in, registers, challenges…: it must be anonymous. A lambda is read whole; a method
    /// group (<c>app.MapPost("/login", Accounts.Login)</c>) by the names its body calls, as a helper is.
    /// </summary>
    private static bool HandlerAuthenticates(IInvocationOperation map, AuthenticationCalls authentication, System.Threading.CancellationToken cancellationToken)
    {
        // The route says what the handler does for the caller alone (app.MapPost("/logout", …)): its sign-out counts.
        var named = CallerOnlyStep.None;
        foreach (var argument in map.Arguments)
        {
            if (argument.Parameter?.Name == "pattern")
            {
                named |= CallerOnlyEndpoints.NamedIn(argument.Value.ConstantValue.Value as string);
            }
        }

        return map.Arguments.Any(argument => argument.Value.WithoutConversions() switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => authentication.Authenticates(lambda.Body, named, cancellationToken),
            IAnonymousFunctionOperation lambda => authentication.Authenticates(lambda.Body, named, cancellationToken),
            IDelegateCreationOperation { Target: IMethodReferenceOperation handler } => AuthenticationCalls.MayAuthenticate(handler.Method, cancellationToken),
            _ => false,
        });
    }

    /// <summary><c>app.MapPost(...).AllowAnonymous()</c>, through builder chains and group locals.</summary>
    private static void AnalyzeAllowAnonymousCall(
        SyntaxNodeAnalysisContext context, IInvocationOperation allow, AspNetCoreSymbols asp, HotfixScope scope, AuthenticationCalls authentication)
    {
        string? map = null;
        string? verb = null;
        IOperation? authorization = null;
        foreach (var call in BuilderChain(allow, context.CancellationToken))
        {
            var name = call.TargetMethod.Name;
            if (name == "RequireAuthorization" && call.TargetMethod.IsDeclaredIn(asp.AuthorizationConventions))
            {
                authorization ??= call;
            }
            else if (map == null && name.StartsWith("Map", System.StringComparison.Ordinal))
            {
                if (HandlerAuthenticates(call, authentication, context.CancellationToken))
                {
                    return;
                }

                map = name;
                verb = VerbOf(call, context.CancellationToken);
            }
        }

        if (map == null)
        {
            return;
        }

        var location = SyntaxLocations.NameOf(allow);
        var related = authorization != null ? new[] { SyntaxLocations.NameOf(authorization) } : null;
        var overridden = authorization != null ? ", overriding RequireAuthorization()" : string.Empty;
        if (verb != null)
        {
            var what = EndpointText(map, verb, $"every endpoint of {map}()");
            scope.Report(context.ReportDiagnostic, Rule, location, allow.Syntax, related,
                messageArgs: new object?[] { $"AllowAnonymous() makes {what} reachable without authentication{overridden}" });
        }
        else if (authorization != null)
        {
            scope.Report(context.ReportDiagnostic, Rule, location, allow.Syntax, related, onlyWhenChanged: true,
                messageArgs: new object?[] { $"AllowAnonymous() on the {map} endpoint overrides RequireAuthorization(): it is now reachable without authentication" });
        }
    }

    /// <summary><c>app.MapPost("/x", [AllowAnonymous] (...) => ...)</c> and method groups carrying [AllowAnonymous].</summary>
    private static void AnalyzeHandlerAttributes(SyntaxNodeAnalysisContext context, IInvocationOperation map, AspNetCoreSymbols asp, HotfixScope scope)
    {
        var verb = VerbOf(map, context.CancellationToken);
        if (verb == null)
        {
            return;
        }

        foreach (var argument in map.Arguments)
        {
            var handler = argument.Value.WithoutConversions() switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => (IMethodSymbol)lambda.Symbol,
                IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => reference.Method,
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                _ => null,
            };
            var attribute = handler?.GetAttributes().FirstOrDefault(asp.IsAllowAnonymous);
            var location = attribute?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation();
            if (location == null)
            {
                continue;
            }

            var what = EndpointText(map.TargetMethod.Name, verb, $"the {map.TargetMethod.Name} endpoint (any verb)");
            scope.Report(context.ReportDiagnostic, Rule, location, scope: null,
                messageArgs: new object?[] { $"[AllowAnonymous] on the handler makes {what} reachable without authentication" });
        }
    }

    /// <summary>
    /// POST/PUT/PATCH/DELETE for MapPost… (and the first of those a MapMethods lists), "*" for maps that take any verb,
    /// <see cref="UnknownVerbs"/> for a MapMethods whose verbs are not read here, null for read-only maps.
    /// </summary>
    private static string? VerbOf(IInvocationOperation map, System.Threading.CancellationToken cancellationToken)
    {
        var name = map.TargetMethod.Name;
        switch (name)
        {
            case "MapPost":
                return "POST";
            case "MapPut":
                return "PUT";
            case "MapPatch":
                return "PATCH";
            case "MapDelete":
                return "DELETE";
            case "MapMethods":
                var methods = map.ArgumentFor("httpMethods")?.Value.WithoutConversions();
                if (methods is IArrayCreationOperation { Initializer: { } initializer })
                {
                    return VerbAmong(initializer.ElementValues.Select(HttpMethodOf).ToList());
                }

                // ["GET", "HEAD"]: the operation of a collection expression is newer than the Roslyn this is built
                // against (4.8), so its elements are read from the syntax; a spread is not known here.
                if (methods?.Syntax is CollectionExpressionSyntax { Elements: var items } && methods.SemanticModel is { } model)
                {
                    return VerbAmong(items
                        .Select(item => item is ExpressionElementSyntax { Expression: var value } && model.GetOperation(value, cancellationToken) is { } element ? HttpMethodOf(element) : null)
                        .ToList());
                }

                return UnknownVerbs;
            default:
                return ReadOnlyMaps.Contains(name) ? null : "*";
        }
    }

    /// <summary>The first state-changing verb of a MapMethods list; null when it lists only reads, <see cref="UnknownVerbs"/> when one is not known.</summary>
    private static string? VerbAmong(List<string?> verbs) =>
        verbs.FirstOrDefault(v => v != null && MutatingVerbs.Contains(v)) ?? (verbs.All(v => v != null) ? null : UnknownVerbs);

    /// <summary>What <see cref="VerbOf"/> says of a MapMethods whose list of verbs is not read here (a variable, a spread).</summary>
    private const string UnknownVerbs = "?";

    /// <summary>
    /// One verb of a MapMethods list, upper case: a constant (<c>"GET"</c>), ASP.NET Core's <c>HttpMethods.Get</c> (a
    /// static read-only field, not a constant) or <c>HttpMethod.Get.Method</c>; null for anything else.
    /// </summary>
    private static string? HttpMethodOf(IOperation element)
    {
        element = element.WithoutConversions();
        if (element.ConstantValue.Value is string text)
        {
            return text.ToUpperInvariant();
        }

        return element switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, ContainingType: { Name: "HttpMethods" } type } field }
                when type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http" => field.Name.ToUpperInvariant(),
            IPropertyReferenceOperation { Property.Name: "Method", Instance: IPropertyReferenceOperation { Property: { IsStatic: true, ContainingType: { Name: "HttpMethod" } type } verb } }
                when type.ContainingNamespace?.ToDisplayString() == "System.Net.Http" => verb.Name.ToUpperInvariant(),
            _ => null,
        };
    }

    /// <summary>The endpoint a finding is about, as its message names it; <paramref name="anyVerb"/> for a map that serves every verb.</summary>
    private static string EndpointText(string map, string verb, string anyVerb) => verb switch
    {
        "*" => anyVerb,
        UnknownVerbs => $"the {map} endpoint (its HTTP methods are not known here)",
        _ => $"the {verb} endpoint",
    };
}
