using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF3002: authorization bypass at endpoint level. Reported always: <c>[AllowAnonymous]</c> (or <c>.AllowAnonymous()</c>)
/// that opens a state-changing endpoint (POST/PUT/PATCH/DELETE actions, Razor Pages <c>OnPost…</c> handlers, minimal
/// API <c>MapPost</c>…, or <c>MapControllers()</c> as a whole); an <c>[Authorize]</c> silently overridden by an
/// <c>[AllowAnonymous]</c> farther away (ASP0026's case, extended to base classes, Razor Pages and hubs); and
/// authorization attributes on Razor Pages handlers, which ASP.NET Core ignores. Reported only on lines a hotfix
/// changes: an <c>[AllowAnonymous]</c> that explicitly overrides a farther <c>[Authorize]</c> on a read-only endpoint —
/// the usual login page in unchanged code, the classic "make the 401 go away" in a hotfix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class AuthorizationBypassAnalyzer : HotfixAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.AuthorizationBypass,
        HotfixDescriptors.Title(RuleIds.AuthorizationBypass),
        HotfixDescriptors.Message("{0}"),
        RuleCategory.Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.AuthorizationBypass),
        HotfixDescriptors.HelpLink(RuleIds.AuthorizationBypass),
        HotfixDescriptors.Tags);

    private static readonly string[] MutatingVerbAttributes = { "HttpPostAttribute", "HttpPutAttribute", "HttpPatchAttribute", "HttpDeleteAttribute" };
    private static readonly string[] MutatingVerbs = { "POST", "PUT", "PATCH", "DELETE" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Start(CompilationStartAnalysisContext start, HotfixScope scope)
    {
        var asp = AspNetCoreSymbols.Create(start.Compilation);
        if (!asp.IsAvailable)
        {
            return;
        }

        // Resolved only where a body is read: its seven type look-ups scan every reference of the compilation.
        var compilation = start.Compilation;
        var authentication = new System.Lazy<AuthenticationCalls>(() => AuthenticationCalls.Create(compilation));
        RegisterGrpcServiceAnalysis(start, asp, scope, authentication);
        var endpoints = WritesAnonymousEndpoint(start.Compilation, start.CancellationToken)
            ? EndpointPresence.Anonymous
            : EndpointsIn(start.Compilation, asp, start.CancellationToken);
        if (endpoints == EndpointPresence.Authorized)
        {
            // No anonymous endpoint: no body to read before judging a type, so no per-symbol state (see EndpointsIn).
            var noBodiesRead = new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(
                c =>
                {
                    var type = (INamedTypeSymbol)c.Symbol;
                    var kind = KindOf(type, asp);
                    if (kind != EndpointKind.None)
                    {
                        AnalyzeType(c.ReportDiagnostic, type, kind, asp, scope, noBodiesRead, noBodiesRead, c.CancellationToken);
                    }
                },
                SymbolKind.NamedType);
        }
        else if (endpoints == EndpointPresence.Anonymous)
        {
            RegisterTypeAnalysis(start, asp, scope, authentication);
        }

        if (asp.AuthorizationConventions != null || asp.EndpointRouteBuilderExtensions != null)
        {
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    var name = SyntaxFilters.InvokedName((InvocationExpressionSyntax)c.Node);
                    if (name != null && (name == "AllowAnonymous" || name.StartsWith("Map", System.StringComparison.Ordinal)) &&
                        c.SymbolOf<IMethodSymbol>() is { } method)
                    {
                        if ((method.IsDeclaredIn(asp.AuthorizationConventions) || method.IsDeclaredIn(asp.EndpointRouteBuilderExtensions)) &&
                            c.OperationOf<IInvocationOperation>() is { } invocation)
                        {
                            AnalyzeEndpointCall(c, invocation, asp, scope, authentication.Value);
                        }
                        else if (name == "AllowAnonymous" && IsFastEndpointsMethod(method) && c.OperationOf<IInvocationOperation>() is { } configured)
                        {
                            AnalyzeFastEndpointsAllowAnonymous(c, configured, scope);
                        }
                    }
                },
                SyntaxKind.InvocationExpression);
        }
    }

    /// <summary>A type is judged at its symbol end, after the bodies of its anonymous endpoints were read.</summary>
    private static void RegisterTypeAnalysis(CompilationStartAnalysisContext start, AspNetCoreSymbols asp, HotfixScope scope, System.Lazy<AuthenticationCalls> authentication)
    {
        start.RegisterSymbolStartAction(
            typeStart =>
            {
                var type = (INamedTypeSymbol)typeStart.Symbol;
                var kind = KindOf(type, asp);
                if (kind == EndpointKind.None)
                {
                    return;
                }

                // Symbol-start/end: the bodies of the anonymous endpoints are looked at before the type is
                // judged. Only types that have such an endpoint get an operation action: binding every controller's
                // method bodies again would cost more than the rule's compile-time budget (docs/analyzers.md).
                var signsIn = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
                var beyondRendering = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
                var candidates = AnonymousEndpoints(type, kind, asp);
                if (candidates.Count > 0)
                {
                    typeStart.RegisterOperationBlockAction(block =>
                    {
                        if (block.OwningSymbol is not IMethodSymbol method || !candidates.Contains(method))
                        {
                            return;
                        }

                        if (block.OperationBlocks.Any(body => authentication.Value.Authenticates(body, CallerOnlyStepsNamed(method, type), block.CancellationToken)))
                        {
                            signsIn[method] = true;
                        }
                        else if (kind == EndpointKind.Controller && !NamesVerbs(method) && block.OperationBlocks.Any(MayChangeState))
                        {
                            beyondRendering[method] = true;
                        }
                    });
                }

                typeStart.RegisterSymbolEndAction(end => AnalyzeType(end.ReportDiagnostic, type, kind, asp, scope, signsIn, beyondRendering, end.CancellationToken));
            },
            SymbolKind.NamedType);
    }

    /// <summary>What the action or handler, or its page model (a Razor page's <c>OnPost</c> is named by its <c>LogoutModel</c>), says it does for the caller alone.</summary>
    private static CallerOnlyStep CallerOnlyStepsNamed(IMethodSymbol method, INamedTypeSymbol type) =>
        CallerOnlyEndpoints.NamedIn(method.Name) | CallerOnlyEndpoints.NamedIn(type.Name);

    private enum EndpointKind
    {
        None,
        Controller,
        Page,
        Hub,
    }

    /// <summary>An authorization attribute and how far from the endpoint it sits (method 0, class 10, base classes 11…).</summary>
    private readonly struct Placed
    {
        public Placed(AttributeData attribute, ISymbol owner, int distance)
        {
            Attribute = attribute;
            Owner = owner;
            Distance = distance;
        }

        public AttributeData Attribute { get; }

        public ISymbol Owner { get; }

        public int Distance { get; }

        // A default Placed (no attribute found) has no location: callers test Owner first, this keeps a slip harmless.
        public Location? Location => Attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation();

        public Location LocationOr(ISymbol fallback) => Location ?? fallback.Locations.FirstOrDefault() ?? Microsoft.CodeAnalysis.Location.None;
    }

    private static void AnalyzeType(
        System.Action<Diagnostic> context, INamedTypeSymbol type, EndpointKind kind, AspNetCoreSymbols asp, HotfixScope scope,
        IReadOnlyDictionary<IMethodSymbol, bool> authenticationEndpoints, IReadOnlyDictionary<IMethodSymbol, bool> verblessWriters,
        System.Threading.CancellationToken cancellationToken)
    {
        var anonymous = new List<Placed>();
        var authorize = new List<Placed>();
        var distance = 10;
        for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType, distance++)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (asp.IsAllowAnonymous(attribute))
                {
                    anonymous.Add(new Placed(attribute, current, distance));
                }
                else if (asp.IsAuthorize(attribute))
                {
                    authorize.Add(new Placed(attribute, current, distance));
                }
            }
        }

        // [Authorize] on this class, [AllowAnonymous] on a base class: the nearer attribute loses without a word.
        foreach (var auth in authorize.Where(a => a.Distance == 10))
        {
            var overriding = anonymous.Where(a => a.Distance > auth.Distance).OrderBy(a => a.Distance).FirstOrDefault();
            if (overriding.Owner != null)
            {
                Report(context, scope, auth.LocationOr(type), overriding.Location, false,
                    $"[Authorize] on '{type.Name}' has no effect: [AllowAnonymous] on its base class '{overriding.Owner.Name}' overrides it");
            }
        }

        var classAnonymous = anonymous.OrderBy(a => a.Distance).FirstOrDefault();
        var classAuthorize = authorize.OrderBy(a => a.Distance).FirstOrDefault();
        var openedByClass = new List<string>();
        foreach (var (method, inherited) in ActionsOf(type, kind))
        {
            if (!IsEndpoint(method, kind, asp))
            {
                continue;
            }

            var methodAnonymous = MethodAttributes(method, asp.IsAllowAnonymous);
            var methodAuthorize = MethodAttributes(method, asp.IsAuthorize);
            if (inherited && (methodAnonymous.Count > 0 || methodAuthorize.Count > 0 || classAnonymous.Owner == null))
            {
                // An inherited action's own attributes are judged where it is declared; here only what this class changes:
                // its own [AllowAnonymous] beats the action's [Authorize] too (ASP.NET Core lets AllowAnonymous win
                // wherever it sits), so the base class asked for authentication this controller's route does not get.
                if (methodAnonymous.Count == 0 && methodAuthorize.Count > 0 && classAnonymous.Distance == 10 && kind == EndpointKind.Controller)
                {
                    Report(context, scope, classAnonymous.LocationOr(type), methodAuthorize[0].Location, false,
                        $"[Authorize] on the inherited action '{method.Name}' has no effect in '{type.Name}': its [AllowAnonymous] overrides it");
                }

                continue;
            }

            // Login, register, confirm and reset must be anonymous: that is how a user gets authenticated at all. An
            // inherited body is not bound here: a call named like an authentication step there is enough.
            var authenticates = inherited ? AuthenticationCalls.MayAuthenticate(method, cancellationToken) : authenticationEndpoints.ContainsKey(method);
            var verb = authenticates ? null : MutatingVerb(method, kind, asp);

            if (kind == EndpointKind.Page)
            {
                foreach (var ignored in methodAnonymous.Concat(methodAuthorize).Where(p => SymbolEqualityComparer.Default.Equals(p.Owner, method)))
                {
                    Report(context, scope, ignored.LocationOr(method), null, false,
                        $"[{ShortName(ignored.Attribute)}] on Razor Pages handler '{method.Name}' is ignored by ASP.NET Core: put it on the page model '{type.Name}' or use a page convention");
                }

                if (verb != null && classAnonymous.Owner != null)
                {
                    openedByClass.Add($"{method.Name} ({verb})");
                }

                continue;
            }

            if (methodAnonymous.Count > 0)
            {
                if (authenticates)
                {
                    continue;
                }

                var anon = methodAnonymous[0];
                if (!SymbolEqualityComparer.Default.Equals(anon.Owner, method) && anon.Location == null)
                {
                    continue; // inherited from an overridden method in another assembly: reported there, if anywhere
                }

                var overridden = classAuthorize.Owner != null ? $", overriding [Authorize] on '{classAuthorize.Owner.Name}'" : string.Empty;
                if (verb != null)
                {
                    Report(context, scope, anon.LocationOr(method), classAuthorize.Location, false,
                        $"[AllowAnonymous] makes the {verb} action '{method.Name}' reachable without authentication{overridden}");
                }
                else if (verblessWriters.ContainsKey(method))
                {
                    Report(context, scope, anon.LocationOr(method), classAuthorize.Location, false,
                        $"[AllowAnonymous] makes the action '{method.Name}', which names no HTTP method and so answers POST and DELETE too, reachable without authentication{overridden}");
                }
                else if (classAuthorize.Owner != null)
                {
                    Report(context, scope, anon.LocationOr(method), classAuthorize.Location, true,
                        $"[AllowAnonymous] on '{method.Name}' overrides [Authorize] on '{classAuthorize.Owner.Name}': the endpoint is now reachable without authentication");
                }

                continue;
            }

            if (classAnonymous.Owner == null)
            {
                continue;
            }

            // SignalR checks a hub method's own [Authorize] on every invocation, whatever the hub class allows: there it
            // does take effect.
            var ownAuthorize = methodAuthorize.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Owner, method));
            if (ownAuthorize.Owner != null && kind != EndpointKind.Hub)
            {
                Report(context, scope, ownAuthorize.LocationOr(method), classAnonymous.Location, false,
                    $"[Authorize] on '{method.Name}' has no effect: [AllowAnonymous] on '{classAnonymous.Owner.Name}' overrides it");
            }
            else if (verb != null && kind == EndpointKind.Controller)
            {
                openedByClass.Add($"{method.Name} ({verb})");
            }
            else if (verblessWriters.ContainsKey(method))
            {
                openedByClass.Add($"{method.Name} (any verb)");
            }
        }

        if (openedByClass.Count > 0 && classAnonymous.Owner != null)
        {
            var own = classAnonymous.Distance == 10;
            var location = own ? classAnonymous.LocationOr(type) : type.Locations.FirstOrDefault() ?? Location.None;
            var source = own ? $"[AllowAnonymous] on '{type.Name}'" : $"[AllowAnonymous] on the base class '{classAnonymous.Owner.Name}'";
            Report(context, scope, location, own ? null : classAnonymous.Location, false,
                $"{source} makes state-changing {(kind == EndpointKind.Page ? "handlers" : "actions")} reachable without authentication: {string.Join(", ", openedByClass)}");
        }
    }

    /// <summary>
    /// A controller's methods, then the public methods it inherits from base classes declared in this compilation
    /// (<c>class ProductsController : CrudController&lt;Product&gt;</c>): MVC serves those as its actions too. Methods it
    /// overrides are its own; framework base classes (ControllerBase, Controller) have no actions.
    /// </summary>
    private static IEnumerable<(IMethodSymbol Method, bool Inherited)> ActionsOf(INamedTypeSymbol type, EndpointKind kind)
    {
        var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            for (var replaced = method.OverriddenMethod; replaced != null; replaced = replaced.OverriddenMethod)
            {
                overridden.Add(replaced.OriginalDefinition);
            }

            yield return (method, false);
        }

        if (kind != EndpointKind.Controller)
        {
            yield break;
        }

        for (var current = type.BaseType; current != null && current.Locations.Any(l => l.IsInSource); current = current.BaseType)
        {
            foreach (var method in current.GetMembers().OfType<IMethodSymbol>())
            {
                if (!overridden.Contains(method.OriginalDefinition))
                {
                    yield return (method, true);
                }

                for (var replaced = method.OverriddenMethod; replaced != null; replaced = replaced.OverriddenMethod)
                {
                    overridden.Add(replaced.OriginalDefinition);
                }
            }
        }
    }

    /// <summary>The endpoints an [AllowAnonymous] (on the method, the type or a base type) opens: the only ones that can be reported.</summary>
    private static HashSet<IMethodSymbol> AnonymousEndpoints(INamedTypeSymbol type, EndpointKind kind, AspNetCoreSymbols asp)
    {
        var typeAnonymous = false;
        for (var current = type; current != null && current.SpecialType != SpecialType.System_Object && !typeAnonymous; current = current.BaseType)
        {
            typeAnonymous = current.GetAttributes().Any(asp.IsAllowAnonymous);
        }

        var result = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (IsEndpoint(method, kind, asp) && (typeAnonymous || MethodAttributes(method, asp.IsAllowAnonymous).Count > 0))
            {
                result.Add(method);
            }
        }

        return result;
    }

    private static void Report(System.Action<Diagnostic> context, HotfixScope scope, Location location, Location? related, bool onlyWhenChanged, string message)
    {
        if (!location.IsInSource)
        {
            return;
        }

        scope.Report(context, Rule, location, scope: null, related: related != null ? new[] { related } : null,
            onlyWhenChanged: onlyWhenChanged, messageArgs: new object?[] { message });
    }

    private static EndpointKind KindOf(INamedTypeSymbol type, AspNetCoreSymbols asp)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic)
        {
            return EndpointKind.None;
        }

        if (type.IsOrDerivesFrom(asp.PageModel))
        {
            return EndpointKind.Page;
        }

        if (type.IsOrDerivesFrom(asp.Hub))
        {
            return EndpointKind.Hub;
        }

        if (type.IsOrDerivesFrom(asp.ControllerBase))
        {
            return EndpointKind.Controller;
        }

        // A POCO controller carries [Controller] (or [ApiController]) itself or through a base class. Reading attributes
        // is the expensive part of this rule, so it is done only for types that can be one: named like a controller
        // (ASP.NET Core's own convention) or deriving from a class that is not object.
        if (!type.Name.EndsWith("Controller", System.StringComparison.Ordinal) && type.BaseType?.SpecialType == SpecialType.System_Object)
        {
            return EndpointKind.None;
        }

        for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass.IsType(asp.NonControllerAttribute) && SymbolEqualityComparer.Default.Equals(current, type))
                {
                    return EndpointKind.None;
                }

                if (attribute.AttributeClass.IsOrDerivesFrom(asp.ControllerAttribute))
                {
                    return EndpointKind.Controller;
                }
            }
        }

        return EndpointKind.None;
    }

    private static bool IsEndpoint(IMethodSymbol method, EndpointKind kind, AspNetCoreSymbols asp)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public ||
            method.IsImplicitlyDeclared)
        {
            return false;
        }

        switch (kind)
        {
            case EndpointKind.Page:
                return method.Name.StartsWith("On", System.StringComparison.Ordinal) && method.Name.Length > 2 && char.IsUpper(method.Name[2]);
            case EndpointKind.Hub:
                return !method.IsOverride;
            default:
                for (var current = method; current != null; current = current.OverriddenMethod)
                {
                    if (current.GetAttributes().Any(a => a.AttributeClass.IsType(asp.NonActionAttribute)))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    /// <summary>Attributes on the method and the methods it overrides (authorization attributes are inherited), nearest first.</summary>
    private static List<Placed> MethodAttributes(IMethodSymbol method, System.Func<AttributeData, bool> match)
    {
        var found = new List<Placed>();
        var distance = 0;
        for (var current = method; current != null; current = current.OverriddenMethod, distance++)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (match(attribute))
                {
                    found.Add(new Placed(attribute, current, distance));
                }
            }
        }

        return found;
    }

    /// <summary>The state-changing HTTP verb an endpoint answers, or null when it answers only reads (or none is declared).</summary>
    private static string? MutatingVerb(IMethodSymbol method, EndpointKind kind, AspNetCoreSymbols asp)
    {
        if (kind == EndpointKind.Page)
        {
            foreach (var verb in MutatingVerbs)
            {
                if (method.Name.Length > 2 && method.Name.Substring(2).StartsWith(verb.Substring(0, 1) + verb.Substring(1).ToLowerInvariant(), System.StringComparison.Ordinal))
                {
                    return verb;
                }
            }

            return null;
        }

        if (kind != EndpointKind.Controller)
        {
            return null;
        }

        // An override without HTTP method attributes answers the verbs of the action it overrides (MVC reads them
        // inherited); the nearest method that names any verb decides.
        for (var current = method; current != null; current = current.OverriddenMethod)
        {
            var namesVerbs = false;
            foreach (var attribute in current.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                var index = System.Array.IndexOf(MutatingVerbAttributes, name);
                if (index >= 0)
                {
                    return MutatingVerbs[index];
                }

                if (attribute.AttributeClass.IsType(asp.AcceptVerbsAttribute))
                {
                    namesVerbs = true;
                    var verbs = attribute.ConstructorArguments.SelectMany(a => a.Kind == TypedConstantKind.Array ? a.Values : ImmutableArray.Create(a))
                        .Select(v => (v.Value as string)?.ToUpperInvariant());
                    var mutating = verbs.FirstOrDefault(v => v != null && MutatingVerbs.Contains(v));
                    if (mutating != null)
                    {
                        return mutating;
                    }
                }

                namesVerbs |= name is "HttpGetAttribute" or "HttpHeadAttribute" or "HttpOptionsAttribute";
            }

            if (namesVerbs)
            {
                break;
            }
        }

        return null;
    }

    private static string ShortName(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "attribute";
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}
