using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>The ASP.NET Core authorization, MVC, Razor Pages, SignalR and minimal-API types, resolved once per compilation.</summary>
internal sealed class AspNetCoreSymbols
{
    private AspNetCoreSymbols(Compilation compilation)
    {
        AllowAnonymous = compilation.GetBestType("Microsoft.AspNetCore.Authorization.IAllowAnonymous");
        AuthorizeData = compilation.GetBestType("Microsoft.AspNetCore.Authorization.IAuthorizeData");
        ControllerBase = compilation.GetBestType("Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttribute = compilation.GetBestType("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = compilation.GetBestType("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        NonActionAttribute = compilation.GetBestType("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        AcceptVerbsAttribute = compilation.GetBestType("Microsoft.AspNetCore.Mvc.AcceptVerbsAttribute");
        PageModel = compilation.GetBestType("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        Hub = compilation.GetBestType("Microsoft.AspNetCore.SignalR.Hub");
        AuthorizationConventions = compilation.GetBestType("Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions");
        EndpointRouteBuilderExtensions = compilation.GetBestType("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
    }

    public INamedTypeSymbol? AllowAnonymous { get; }

    public INamedTypeSymbol? AuthorizeData { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? AcceptVerbsAttribute { get; }

    public INamedTypeSymbol? PageModel { get; }

    public INamedTypeSymbol? Hub { get; }

    public INamedTypeSymbol? AuthorizationConventions { get; }

    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    /// <summary>False when the compilation has no ASP.NET Core authorization: HF3002 then registers nothing.</summary>
    public bool IsAvailable => AllowAnonymous != null && AuthorizeData != null;

    public static AspNetCoreSymbols Create(Compilation compilation) => new(compilation);

    public bool IsAllowAnonymous(AttributeData attribute) => attribute.AttributeClass.Implements(AllowAnonymous);

    public bool IsAuthorize(AttributeData attribute) => attribute.AttributeClass.Implements(AuthorizeData);
}
