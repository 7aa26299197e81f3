using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Hotfix.Analyzers.Escalation;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Migrations;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Rules;

/// <summary>
/// HF4004: an EF Core migration's <c>Up</c> adds a foreign key (<c>AddForeignKey</c>, or <c>table.ForeignKey</c> in
/// <c>CreateTable</c>) and no migration of the project creates an index that starts with its column, on a provider
/// that does not index foreign keys itself (everything but MySQL/MariaDB). The keys and indexes are read by the
/// shared <see cref="ForeignKeyIndexes"/>, as <c>hotfix check</c> reads them.
/// </summary>
/// <remarks>
/// An index may come in another migration (the hotfix's next one, or an older one), so the project's migrations are
/// read once per compilation, lazily — only when a migration declares a foreign key — from syntax alone. An index
/// created through <c>migrationBuilder.Sql(…)</c> that names the table and the column counts too (the analyzer has no
/// SQL reader). Off the hotfix's lines the finding is a suggestion: an applied migration cannot be changed, and the
/// fix is a new migration.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingForeignKeyIndexAnalyzer : HotfixAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.MissingForeignKeyIndex,
        HotfixDescriptors.Title(RuleIds.MissingForeignKeyIndex),
        HotfixDescriptors.Message("'{0}' adds the foreign key {1} and no migration creates an index that starts with {2}: {3} Add: {4}"),
        RuleCategory.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        HotfixDescriptors.Description(RuleIds.MissingForeignKeyIndex),
        HotfixDescriptors.HelpLink(RuleIds.MissingForeignKeyIndex),
        HotfixDescriptors.Tags);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Start(CompilationStartAnalysisContext start, HotfixScope scope)
    {
        var compilation = start.Compilation;
        var project = new Lazy<ProjectIndexes>(() => ProjectIndexes.Read(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        EfMigrationAnalyzer.RegisterMigrations(start, (c, ef, _, up) => Analyze(c, ef, scope, up, project));
    }

    private static void Analyze(SymbolAnalysisContext c, EfMigrationSymbols ef, HotfixScope scope, MethodDeclarationSyntax up, Lazy<ProjectIndexes> project)
    {
        var database = ef.DatabaseOf(up.Parent ?? up);
        if (ForeignKeyIndexes.DatabaseIndexesForeignKeys(database))
        {
            return;
        }

        var steps = EfMigrationSyntax.Calls(up).ToList();
        var created = steps.Where(s => s.Operation.Kind == MigrationOperationKind.CreateTable).Select(s => s.Operation.Table).ToList();
        foreach (var step in steps)
        {
            foreach (var key in ForeignKeyIndexes.Declared(step.Operation))
            {
                if (project.Value.Covers(key))
                {
                    continue;
                }

                var newTable = created.Any(t => MigrationOperation.SameTable(t, key.Table));
                var why = database == MigrationDatabase.Unknown
                    ? "the provider is not known, and PostgreSQL, SQL Server, SQLite and Oracle do not index a foreign key themselves (MySQL/MariaDB do), so every join and every delete of a parent row scans " + key.Table + "."
                    : "the database does not index a foreign key itself, so every join and every delete of a parent row scans " + key.Table + ".";
                scope.Report(
                    c.ReportDiagnostic,
                    Rule,
                    Location(step, key),
                    step.Call,
                    messageArgs: new object?[] { step.Method, key.Object + (key.ReferencedTable == null ? string.Empty : " -> " + key.ReferencedTable), key.Columns[0], why, ForeignKeyIndexSyntax.Ef(key, database, newTable) });
            }
        }
    }

    /// <summary>The method name of the call; for a key inside CreateTable, its <c>table.ForeignKey</c> call on the key's line.</summary>
    private static Location Location(EfMigrationCall step, DeclaredForeignKey key)
    {
        var method = ((MemberAccessExpressionSyntax)step.Call.Expression).Name;
        if (ReferenceEquals(key.Operation, step.Operation))
        {
            return method.Identifier.GetLocation();
        }

        var inner = step.Call.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(i => i.Expression as MemberAccessExpressionSyntax)
            .FirstOrDefault(m => m != null && m.Name.Identifier.Text == "ForeignKey" && m.GetLocation().GetLineSpan().StartLinePosition.Line + 1 == key.Line);
        return inner != null ? inner.Name.Identifier.GetLocation() : method.Identifier.GetLocation();
    }

    /// <summary>The indexes every migration of the compilation creates, and the SQL they run.</summary>
    private sealed class ProjectIndexes
    {
        private readonly IndexCoverage coverage;
        private readonly List<string> sql;

        private ProjectIndexes(IndexCoverage coverage, List<string> sql)
        {
            this.coverage = coverage;
            this.sql = sql;
        }

        public static ProjectIndexes Read(Compilation compilation, CancellationToken cancellationToken)
        {
            var operations = new List<MigrationOperation>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var type in tree.GetRoot(cancellationToken).DescendantNodes(n => !(n is MethodDeclarationSyntax)).OfType<ClassDeclarationSyntax>())
                {
                    if (EfMigrationSyntax.LooksLikeMigration(type) && EfMigrationSyntax.Method(type, "Up") is { } up)
                    {
                        operations.AddRange(EfMigrationSyntax.Calls(up).Select(s => s.Operation));
                    }
                }
            }

            var sql = operations.Where(o => o.Kind == MigrationOperationKind.RawSql && o.Text != null && o.Text.IndexOf("INDEX", StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(o => o.Text!).ToList();
            return new ProjectIndexes(ForeignKeyIndexes.Coverage(operations), sql);
        }

        public bool Covers(DeclaredForeignKey key) =>
            coverage.Covers(key) || sql.Any(text => Mentions(text, key.Table) && Mentions(text, key.Columns[0]));

        private static bool Mentions(string text, string name)
        {
            var dot = name.LastIndexOf('.');
            return text.IndexOf(dot < 0 ? name : name.Substring(dot + 1), StringComparison.OrdinalIgnoreCase) >= 0;
        }
    }
}
