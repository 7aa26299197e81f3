using System.Collections.Immutable;
using System.Linq;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Migrations;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF2003: an EF Core migration whose way back does not work — <c>Down</c> not overridden (EF Core then throws
/// <c>NotSupportedException</c> on revert), a <c>Down</c> that throws, or one that does nothing while <c>Up</c> changes
/// the database. The runbook requires testing the migration down; none of these can be tested.
/// </summary>
/// <remarks>
/// A <c>Down</c> that calls a helper (<c>DropViews(migrationBuilder)</c>) is not empty: what the helper does is not
/// visible here, and guessing would be a false positive. <c>hotfix check</c> additionally compares what the down undoes
/// with what the up does (HF2007). Background severity is a suggestion, as for HF2002: old, applied migrations are not
/// what a reviewer can act on; on the lines a hotfix adds it is an error, like every escalated finding.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IrreversibleMigrationAnalyzer : EfMigrationAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.IrreversibleMigration,
        HotfixDescriptors.Title(RuleIds.IrreversibleMigration),
        HotfixDescriptors.Message("Migration '{0}' {1}: it cannot be tested down, and undoing it means a forward migration written under pressure"),
        RuleCategory.DataIntegrity,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.IrreversibleMigration),
        HotfixDescriptors.HelpLink(RuleIds.IrreversibleMigration),
        HotfixDescriptors.Tags);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void AnalyzeMigration(
        SymbolAnalysisContext c, EfMigrationSymbols ef, HotfixScope scope, INamedTypeSymbol type, MethodDeclarationSyntax up)
    {
        var upChanges = EfMigrationSyntax.Calls(up).Any();
        var down = EfMigrationSymbols.Declared(type, "Down", c.CancellationToken);
        if (down == null)
        {
            if (upChanges && up.Parent is ClassDeclarationSyntax declaration)
            {
                Report(c, scope, declaration.Identifier.GetLocation(), null, type, "has no Down (EF Core throws NotSupportedException when it is reverted)");
            }
        }
        else if (EfMigrationSyntax.FirstThrow(down, SymbolEqualityComparer.Default.Equals(type.BaseType, ef.Migration)) is { } thrown)
        {
            Report(c, scope, thrown.GetLocation(), thrown, type,
                EfMigrationSyntax.IsBaseDownCall(thrown) ? "has a Down that calls base.Down, which EF Core implements as throw new NotSupportedException()" : "has a Down that throws");
        }
        else if (upChanges && !down.DescendantNodes().OfType<InvocationExpressionSyntax>().Any())
        {
            Report(c, scope, down.Identifier.GetLocation(), down.Body ?? (SyntaxNode?)down.ExpressionBody, type, "has a Down that does nothing although Up changes the database");
        }
    }

    private static void Report(SymbolAnalysisContext c, HotfixScope scope, Location location, SyntaxNode? around, INamedTypeSymbol type, string what) =>
        scope.Report(c.ReportDiagnostic, Rule, location, around, messageArgs: new object?[] { type.Name, what });
}
