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
/// initializer type (<c>SeedData</c>, <c>DatabaseSeeder</c>, <c>DbInitializer</c>). Lambdas and local functions are
/// judged on their own: a minimal API handler mapped in <c>Program.cs</c> serves requests.
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

    public static bool RunsOnce(IMethodSymbol? function) =>
        function is { MethodKind: MethodKind.Ordinary } && (IsEntryPoint(function) || StartsOrStopsTheHost(function) || SeedsTheDatabase(function));

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

    private static bool SeedsTheDatabase(IMethodSymbol function) =>
        function.Name.StartsWith("Seed", StringComparison.Ordinal) ||
        function.ContainingType is { Name: var type } && (type.IndexOf("Seed", StringComparison.Ordinal) >= 0 || type.EndsWith("Initializer", StringComparison.Ordinal));
}
