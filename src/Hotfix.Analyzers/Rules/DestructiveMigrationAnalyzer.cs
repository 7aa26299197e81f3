using System.Collections.Immutable;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Migrations;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF2002: a <c>MigrationBuilder</c> step in an EF Core migration's <c>Up</c> that destroys data — the destructive rows of
/// the shared <see cref="MigrationRiskTable"/> (drop table/column/schema, a lossy type change), judged exactly as
/// <c>hotfix check</c> judges them, with the same reason and recipe — the typed calls and each statement of the SQL
/// given to <c>migrationBuilder.Sql("…")</c>. Steps on a table created earlier in the same <c>Up</c> are exempt (the
/// table is empty), as in the table.
/// </summary>
/// <remarks>
/// Background severity is a suggestion: a repository's history is full of applied migrations that dropped things on
/// purpose, and a warning on each would be noise nobody can act on. On the lines a hotfix adds it is an error.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveMigrationAnalyzer : EfMigrationAnalyzer
{
    /// <summary>Diagnostic property: the risk-table row that matched (the explanation trace).</summary>
    public const string RowProperty = "HotfixMigrationRiskRow";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.DestructiveMigration,
        HotfixDescriptors.Title(RuleIds.DestructiveMigration),
        HotfixDescriptors.Message("'{0}' in Up {1}. Instead: {2}"),
        RuleCategory.DataIntegrity,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.DestructiveMigration),
        HotfixDescriptors.HelpLink(RuleIds.DestructiveMigration),
        HotfixDescriptors.Tags);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void AnalyzeMigration(
        SymbolAnalysisContext c, EfMigrationSymbols ef, HotfixScope scope, INamedTypeSymbol type, MethodDeclarationSyntax up)
    {
        var context = new MigrationRiskContext(ef.DatabaseOf(up.Parent ?? up));
        foreach (var step in EfMigrationSyntax.Calls(up))
        {
            foreach (var operation in EfMigrationSteps.Operations(step, context.Database))
            {
                foreach (var risk in MigrationRiskTable.Assess(operation, context))
                {
                    if (risk.RuleId == RuleIds.DestructiveMigration)
                    {
                        scope.Report(
                            c.ReportDiagnostic,
                            Rule,
                            ((MemberAccessExpressionSyntax)step.Call.Expression).Name.Identifier.GetLocation(),
                            step.Call,
                            properties: ImmutableDictionary<string, string?>.Empty.Add(RowProperty, risk.RowId),
                            messageArgs: new object?[] { step.Method, risk.Reason, risk.Recipe.Summary });
                    }
                }

                context.Observe(operation);
            }
        }
    }
}
