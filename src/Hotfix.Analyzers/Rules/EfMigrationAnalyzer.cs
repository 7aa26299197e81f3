using System;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// What the EF Core migration rules (HF2002, HF2003) share: they run only when EF Core's <c>Migration</c> is referenced,
/// and look once at each concrete <c>Migration</c> subclass that declares an <c>Up</c>.
/// </summary>
/// <remarks>
/// A symbol action rather than an operation action per call: a step's risk depends on the steps before it in the same
/// <c>Up</c> (CreateTable then DropColumn is harmless), and the class's <c>Up</c>/<c>Down</c> may sit in different
/// partial parts. The method bodies are read by the shared <see cref="Hotfix.Migrations.EfMigrationSyntax"/>,
/// the reader <c>hotfix check</c> uses, so the analyzer and the CLI cannot disagree about a migration.
/// </remarks>
public abstract class EfMigrationAnalyzer : HotfixAnalyzer
{
    private protected sealed override void Start(CompilationStartAnalysisContext start, HotfixScope scope) =>
        RegisterMigrations(start, (c, ef, type, up) => AnalyzeMigration(c, ef, scope, type, up));

    /// <summary>
    /// Calls <paramref name="analyze"/> once per concrete <c>Migration</c> subclass that declares an <c>Up</c>, when
    /// EF Core is referenced; for migration rules that keep per-compilation state of their own (HF4004).
    /// </summary>
    internal static void RegisterMigrations(
        CompilationStartAnalysisContext start, Action<SymbolAnalysisContext, EfMigrationSymbols, INamedTypeSymbol, MethodDeclarationSyntax> analyze)
    {
        var ef = EfMigrationSymbols.Create(start.Compilation);
        if (!ef.IsAvailable)
        {
            return;
        }

        start.RegisterSymbolAction(
            c =>
            {
                var type = (INamedTypeSymbol)c.Symbol;
                if (ef.IsMigration(type) && EfMigrationSymbols.Declared(type, "Up", c.CancellationToken) is { } up)
                {
                    analyze(c, ef, type, up);
                }
            },
            SymbolKind.NamedType);
    }

    /// <summary>Judges one migration class whose <c>Up</c> is <paramref name="up"/>.</summary>
    private protected abstract void AnalyzeMigration(
        SymbolAnalysisContext context, EfMigrationSymbols ef, HotfixScope scope, INamedTypeSymbol type, MethodDeclarationSyntax up);
}
