using System;
using System.Linq;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF3002 for a controller action that names no HTTP method: MVC routes every verb to it, POST and DELETE included
/// (<c>[AllowAnonymous] public async Task&lt;IActionResult&gt; PurgeSessions()</c> on a conventional route). Most such
/// actions are the GET pages of an MVC application — a login form, an error page, a public catalogue — which render
/// what they read; an action counts as answering a state-changing request only when its body may change state
/// (<see cref="MayChangeState"/>).
/// </summary>
public sealed partial class AuthorizationBypassAnalyzer
{
    /// <summary>Namespaces whose calls change nothing an attacker cares about: rendering, text, collections, logging.</summary>
    private static readonly string[] HarmlessNamespaces =
    {
        "System", "System.Linq", "System.Text", "System.Collections.Generic", "System.Threading.Tasks", "Microsoft.Extensions.Logging",
        "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Mvc.Rendering", "Microsoft.AspNetCore.Mvc.ViewFeatures", "Microsoft.AspNetCore.Mvc.Routing",
    };

    /// <summary>The LINQ and EF Core query operators: reads, but for <c>ExecuteDelete</c>/<c>ExecuteUpdate</c>.</summary>
    private static readonly string[] QueryOperatorTypes = { "Queryable", "Enumerable", "EntityFrameworkQueryableExtensions", "RelationalQueryableExtensions" };

    /// <summary>Names that read: a call named <c>GetFeaturedAsync</c>, <c>FindByEmailAsync</c> or <c>ToListAsync</c> loads, it does not write.</summary>
    private static readonly string[] ReadPrefixes =
    {
        "Get", "Find", "List", "Search", "Load", "Count", "Query", "Read", "Fetch", "Is", "Has", "Can", "Exists", "Contains", "Map", "Format",
        "Render", "Show", "View", "To", "As", "First", "Single", "Any",
    };

    /// <summary>
    /// Whether the action or an action it overrides carries an HTTP method attribute (<c>[HttpGet]</c> … <c>[AcceptVerbs]</c>,
    /// custom ones through <c>IActionHttpMethodProvider</c>): MVC reads them inherited.
    /// </summary>
    private static bool NamesVerbs(IMethodSymbol method)
    {
        for (var current = method; current != null; current = current.OverriddenMethod)
        {
            if (current.GetAttributes().Any(a => a.AttributeClass?.AllInterfaces.Any(i => i.Name == "IActionHttpMethodProvider") == true))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The body calls something that may write: a service's <c>PurgeSessions()</c>, <c>SaveChanges</c>, a context's
    /// <c>Remove</c>, <c>ExecuteDelete</c>, Identity's <c>DeleteAsync</c> — anything but MVC's own helpers (<c>View()</c>,
    /// <c>RedirectToAction</c>), text, collections, logging, LINQ and EF Core queries, and calls named as reads
    /// (<c>Get…</c>, <c>Find…</c>, <c>List…</c>, <c>Search…</c>, <c>Is…</c> … as a whole word of the name).
    /// </summary>
    private static bool MayChangeState(IOperation body) =>
        body.Descendants().OfType<IInvocationOperation>().Any(call => MayWrite(call.TargetMethod) && !SendsAQuery(call));

    /// <summary>Names of the in-process dispatchers' send methods (MediatR, Wolverine, Brighter, hand-rolled CQRS buses).</summary>
    private static readonly string[] DispatchMethods = { "Send", "SendAsync", "InvokeAsync", "Dispatch", "DispatchAsync", "QueryAsync" };

    /// <summary>
    /// <c>mediator.Send(new GetCatalogPage(page))</c>: a dispatcher handed a request whose type is named as a read
    /// (<c>Get…</c>, <c>List…</c>, <c>Search…</c>, <c>…Query</c>) — the CQRS shape of an MVC page; a command
    /// (<c>DeleteOrder</c>, <c>CreateOrderCommand</c>) may write.
    /// </summary>
    private static bool SendsAQuery(IInvocationOperation call)
    {
        if (!DispatchMethods.Contains(call.TargetMethod.Name) || call.Arguments.Length == 0)
        {
            return false;
        }

        var request = call.Arguments[call.TargetMethod.IsExtensionMethod ? Math.Min(1, call.Arguments.Length - 1) : 0].Value.WithoutConversions().Type?.Name;
        return request != null && (request.EndsWith("Query", StringComparison.Ordinal) || IsReadName(request));
    }

    private static bool IsReadName(string name) =>
        ReadPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || char.IsUpper(name[prefix.Length])));

    private static bool MayWrite(IMethodSymbol method)
    {
        var declaring = (method.ReducedFrom ?? method).ContainingType;
        if (HarmlessNamespaces.Contains(method.ContainingNamespace?.ToDisplayString()))
        {
            return false;
        }

        if (declaring != null && QueryOperatorTypes.Contains(declaring.Name))
        {
            return method.Name.StartsWith("Execute", StringComparison.Ordinal);
        }

        return !IsReadName(method.Name);
    }
}
