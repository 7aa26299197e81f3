using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// Code that runs once while the application starts or stops, not per request (HF4001–HF4003 judge request paths):
/// the entry point — top-level statements, a static <c>Main()</c>/<c>Main(string[])</c>, where the ASP.NET Core
/// templates call <c>db.Database.Migrate()</c> before <c>await app.RunAsync()</c>; a hosted service's start and stop
/// (<c>IHostedService.StartAsync</c>/<c>StopAsync</c>, the <c>IHostedLifecycleService</c> steps), the documented place
/// to migrate before serving; and the database seeding called from there — a method named <c>Seed…</c> (eShop's
/// <c>CatalogContextSeed.SeedAsync</c>, ABP's <c>IDataSeedContributor.SeedAsync</c>) or any method of a seeder or
/// initializer type (<c>SeedData</c>, <c>DatabaseSeeder</c>, <c>DbInitializer</c>); and a method given the application
/// being built or started (<c>ApplyMigrationsAsync(this WebApplication app)</c>). Lambdas and local functions are judged
/// on their own: a minimal API handler mapped in <c>Program.cs</c> serves requests.
/// </summary>
internal static class StartupCode
{
    /// <summary>A static <c>Main()</c> or <c>Main(string[] args)</c>: the shapes C# accepts as an entry point (syntax only).</summary>
    public static bool IsEntryPoint(MethodDeclarationSyntax method) =>
        method.Identifier.ValueText == "Main" && method.Modifiers.Any(SyntaxKind.StaticKeyword) &&
        method.ParameterList.Parameters.Count switch
        {
            0 => true,
            1 => method.ParameterList.Parameters[0].Type is ArrayTypeSyntax,
            _ => false,
        };

    /// <summary>
    /// Whether the function runs once at start-up or shutdown. A local function counts by the same names and parameters
    /// as a method (<c>static async Task SeedAsync(WebApplication app)</c> in Program.cs is the templates' seeding), never
    /// as an entry point or host step: it may be a handler the entry point maps.
    /// </summary>
    public static bool RunsOnce(IMethodSymbol? function) =>
        function is { MethodKind: MethodKind.Ordinary } && (IsEntryPoint(function) || StartsOrStopsTheHost(function)) ||
        function is { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } && (SeedsTheDatabase(function) || ConfiguresTheApplication(function));

    /// <summary>The function the operation runs in: its lambda or local function, else the member around it.</summary>
    public static IMethodSymbol? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current != null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol;
                case ILocalFunctionOperation local:
                    return local.Symbol;
            }
        }

        return operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) as IMethodSymbol;
    }

    private static bool IsEntryPoint(IMethodSymbol function) =>
        function.IsStatic && (function.Name == "<Main>$" ||
            function.Name == "Main" && (function.Parameters.Length == 0 || function.Parameters.Length == 1 && function.Parameters[0].Type is IArrayTypeSymbol));

    private static bool StartsOrStopsTheHost(IMethodSymbol function) =>
        function.Name is "StartAsync" or "StopAsync" or "StartingAsync" or "StartedAsync" or "StoppingAsync" or "StoppedAsync" &&
        function.ContainingType.AllInterfaces.Any(i => i.Name is "IHostedService" or "IHostedLifecycleService" &&
            i.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Hosting");

    /// <summary>
    /// A method given the application while it is built or started — <c>app.ApplyMigrationsAsync()</c> on
    /// <c>WebApplication</c>, <c>IHost</c> or <c>IApplicationBuilder</c>, or their builders — as its first parameter: only
    /// start-up code holds one (the handlers such a method maps are lambdas, judged on their own).
    /// </summary>
    private static bool ConfiguresTheApplication(IMethodSymbol function) =>
        function.Parameters.Length > 0 && function.Parameters[0].Type is INamedTypeSymbol
        {
            Name: "WebApplication" or "WebApplicationBuilder" or "IApplicationBuilder" or "IHost" or "IHostBuilder" or "IHostApplicationBuilder",
            ContainingNamespace: var space,
        } && space?.ToDisplayString() is "Microsoft.AspNetCore.Builder" or "Microsoft.Extensions.Hosting";

    private static bool SeedsTheDatabase(IMethodSymbol function) =>
        function.Name.StartsWith("Seed", StringComparison.Ordinal) ||
        function.ContainingType is { Name: var type } && (type.IndexOf("Seed", StringComparison.Ordinal) >= 0 || type.EndsWith("Initializer", StringComparison.Ordinal));
}
