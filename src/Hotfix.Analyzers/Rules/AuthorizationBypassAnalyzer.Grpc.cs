using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// gRPC services (ASP.NET Core's Grpc.AspNetCore): a class overriding the RPCs of a base that Grpc.Tools generates
/// (<c>Greeter.GreeterBase</c>, marked <c>[BindServiceMethod]</c>). ASP.NET Core puts the service's and the method's
/// attributes on the same endpoint, so <c>[AllowAnonymous]</c> wins wherever it sits, as on a controller. Every RPC is an
/// HTTP POST, so the verb says nothing: an RPC counts as state-changing when its body may change state (the test of
/// an MVC action without a verb) and its name is not a read's (<c>Get…</c>, <c>List…</c>, grpc.health.v1's
/// <c>Check</c>/<c>Watch</c>).
/// </summary>
public sealed partial class AuthorizationBypassAnalyzer
{
    /// <summary>Read RPCs beyond the read prefixes of MVC actions: the health protocol's and server reflection's.</summary>
    private static readonly string[] GrpcReadNames = { "Check", "Watch", "ServerReflectionInfo" };

    /// <summary>
    /// The generated base of a service: an abstract class nested in a static class (the name test, before any
    /// attribute is read) carrying Grpc.Core's <c>[BindServiceMethod]</c>.
    /// </summary>
    private static INamedTypeSymbol? GrpcServiceBase(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic)
        {
            return null;
        }

        for (var current = type.BaseType; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.IsAbstract && current.ContainingType is { IsStatic: true } &&
                current.GetAttributes().Any(a => a.AttributeClass is { Name: "BindServiceMethodAttribute", ContainingNamespace: { Name: "Core", ContainingNamespace.Name: "Grpc" } }))
            {
                return current;
            }
        }

        return null;
    }

    private static void RegisterGrpcServiceAnalysis(CompilationStartAnalysisContext start, AspNetCoreSymbols asp, HotfixScope scope, System.Lazy<AuthenticationCalls> authentication)
    {
        // A symbol-start action makes the driver track every type of the compilation to its end: only where a
        // generated service base can exist at all.
        if (start.Compilation.GetTypeByMetadataName("Grpc.Core.BindServiceMethodAttribute") is null)
        {
            return;
        }

        start.RegisterSymbolStartAction(
            typeStart =>
            {
                var type = (INamedTypeSymbol)typeStart.Symbol;
                if (GrpcServiceBase(type) is not { } generated)
                {
                    return;
                }

                var classAnonymous = ServiceAttribute(type, generated, asp.IsAllowAnonymous);
                var rpcs = type.GetMembers().OfType<IMethodSymbol>()
                    .Where(m => m.IsOverride && m.OverriddenMethod?.OriginalDefinition.ContainingType is { } declaring && SymbolEqualityComparer.Default.Equals(declaring, generated.OriginalDefinition))
                    .ToList();
                var anonymous = new HashSet<IMethodSymbol>(
                    rpcs.Where(m => classAnonymous.Owner != null || m.GetAttributes().Any(asp.IsAllowAnonymous)), SymbolEqualityComparer.Default);
                var writers = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
                if (anonymous.Count > 0)
                {
                    typeStart.RegisterOperationBlockAction(block =>
                    {
                        if (block.OwningSymbol is IMethodSymbol method && anonymous.Contains(method) && !IsGrpcReadName(method.Name) &&
                            !block.OperationBlocks.Any(body => authentication.Value.Authenticates(body, block.CancellationToken)) &&
                            block.OperationBlocks.Any(MayChangeState))
                        {
                            writers[method] = true;
                        }
                    });
                }

                typeStart.RegisterSymbolEndAction(end => AnalyzeGrpcService(end.ReportDiagnostic, type, generated, rpcs, classAnonymous, writers, asp, scope));
            },
            SymbolKind.NamedType);
    }

    private static void AnalyzeGrpcService(
        System.Action<Diagnostic> context, INamedTypeSymbol type, INamedTypeSymbol generated, List<IMethodSymbol> rpcs, Placed classAnonymous,
        ConcurrentDictionary<IMethodSymbol, bool> writers, AspNetCoreSymbols asp, HotfixScope scope)
    {
        var classAuthorize = ServiceAttribute(type, generated, asp.IsAuthorize);
        foreach (var rpc in rpcs)
        {
            var ownAnonymous = rpc.GetAttributes().FirstOrDefault(asp.IsAllowAnonymous);
            var ownAuthorize = rpc.GetAttributes().FirstOrDefault(asp.IsAuthorize);
            if (ownAuthorize != null && classAnonymous.Owner != null && ownAnonymous == null)
            {
                // ASP0026's case: the nearer [Authorize] loses to the service's [AllowAnonymous] without a word.
                var placed = new Placed(ownAuthorize, rpc, 0);
                Report(context, scope, placed.LocationOr(rpc), classAnonymous.Location, false,
                    $"[Authorize] on the RPC '{rpc.Name}' has no effect: [AllowAnonymous] on '{classAnonymous.Owner.Name}' overrides it");
                continue;
            }

            var opening = ownAnonymous != null ? new Placed(ownAnonymous, rpc, 0) : classAnonymous;
            if (opening.Owner == null)
            {
                continue;
            }

            if (writers.ContainsKey(rpc))
            {
                Report(context, scope, opening.LocationOr(rpc), null, false,
                    $"[AllowAnonymous] makes the state-changing RPC '{type.Name}.{rpc.Name}' reachable without authentication");
            }
            else if (ownAnonymous != null && classAuthorize.Owner != null)
            {
                Report(context, scope, opening.LocationOr(rpc), classAuthorize.Location, true,
                    $"[AllowAnonymous] on '{rpc.Name}' overrides [Authorize] on '{classAuthorize.Owner.Name}': the endpoint is now reachable without authentication");
            }
        }
    }

    /// <summary>The nearest attribute of the service class or a base class of its own, up to the generated base.</summary>
    private static Placed ServiceAttribute(INamedTypeSymbol type, INamedTypeSymbol generated, System.Func<AttributeData, bool> match)
    {
        var distance = 10;
        for (var current = type; current != null && !SymbolEqualityComparer.Default.Equals(current, generated); current = current.BaseType, distance++)
        {
            if (current.GetAttributes().FirstOrDefault(match) is { } attribute)
            {
                return new Placed(attribute, current, distance);
            }
        }

        return default;
    }

    private static bool IsGrpcReadName(string name) => IsReadName(name) || GrpcReadNames.Contains(name);
}
