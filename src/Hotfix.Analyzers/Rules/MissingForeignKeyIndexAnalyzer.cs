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
/// read once per compilation, lazily — only when a migration declares a foreign key — from syntax alone, in their run
/// order, following renames of a column, table or index. SQL given to <c>migrationBuilder.Sql(…)</c> is read with the
/// CLI's SQL reader (its <c>CREATE INDEX</c> and <c>DROP INDEX</c> count as the typed calls do); a statement the reader
/// cannot follow that names the table and the column still counts (a lenient test: it silences the rule, never reports). Off the hotfix's lines the finding is a suggestion: an applied migration cannot be changed, and the fix
/// is a new migration.
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
        var project = new Lazy<ProjectIndexes>(
            () => ProjectIndexes.Read(compilation, EfMigrationSymbols.Create(compilation), CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        EfMigrationAnalyzer.RegisterMigrations(start, (c, ef, type, up) => Analyze(c, ef, scope, type, up, project));
    }

    private static void Analyze(SymbolAnalysisContext c, EfMigrationSymbols ef, HotfixScope scope, INamedTypeSymbol type, MethodDeclarationSyntax up, Lazy<ProjectIndexes> project)
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
                if (project.Value.Covers(key, type.Name))
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

    /// <summary>
    /// The indexes the migrations of the compilation leave after each of them and after the last, and the SQL they run.
    /// A key is served when an index starts with its column after its own migration (a later rename of that column
    /// moves the index, not the key) or after the last one (the index may come later).
    /// </summary>
    private sealed class ProjectIndexes
    {
        private readonly Dictionary<string, IndexCoverage> afterEach;
        private readonly IndexCoverage atEnd;
        private readonly List<string> sql;

        private ProjectIndexes(Dictionary<string, IndexCoverage> afterEach, IndexCoverage atEnd, List<string> sql)
        {
            this.afterEach = afterEach;
            this.atEnd = atEnd;
            this.sql = sql;
        }

        public static ProjectIndexes Read(Compilation compilation, EfMigrationSymbols ef, CancellationToken cancellationToken)
        {
            // In the order EF Core runs them — by migration id, which the designer part's [Migration("…")] states and
            // the file name repeats — so a rename or a drop applies to the indexes created before it.
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            var ups = new List<(string Class, string File, MethodDeclarationSyntax Up, MigrationDatabase Database)>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var type in tree.GetRoot(cancellationToken).DescendantNodes(n => !(n is MethodDeclarationSyntax)).OfType<ClassDeclarationSyntax>())
                {
                    if (MigrationId(type) is { } id)
                    {
                        ids[type.Identifier.ValueText] = id;
                    }

                    if (EfMigrationSyntax.LooksLikeMigration(type) && EfMigrationSyntax.Method(type, "Up") is { } up)
                    {
                        ups.Add((type.Identifier.ValueText, System.IO.Path.GetFileName(tree.FilePath ?? string.Empty), up, ef.DatabaseOf(type)));
                    }
                }
            }

            var operations = new List<MigrationOperation>();
            var afterEach = new Dictionary<string, IndexCoverage>(StringComparer.Ordinal);
            var coverage = new IndexCoverage();
            foreach (var (name, _, up, database) in ups.OrderBy(u => ids.TryGetValue(u.Class, out var id) ? id : u.File, StringComparer.Ordinal))
            {
                // Sql("CREATE INDEX …") and Sql("DROP INDEX …") read by the CLI's own SQL reader, as hotfix check reads them.
                var steps = EfMigrationSyntax.Calls(up).SelectMany(s => EfMigrationSteps.Operations(s, database)).ToList();
                operations.AddRange(steps);
                coverage = coverage.After(steps);
                afterEach[name] = coverage;
            }

            // SQL the reader could not follow, which names an index: trusted leniently, as before the reader was shared.
            var sql = operations.Where(o => o.Kind == MigrationOperationKind.RawSql && o.Text != null && o.Text.IndexOf("INDEX", StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(o => o.Text!).ToList();
            return new ProjectIndexes(afterEach, coverage, sql);
        }

        /// <summary>The id in <c>[Migration("20260312101500_AddOrderNote")]</c> on this part of the class, if any.</summary>
        private static string? MigrationId(ClassDeclarationSyntax type)
        {
            foreach (var attribute in type.AttributeLists.SelectMany(l => l.Attributes))
            {
                var name = SyntaxFilters.NameOf(attribute.Name);
                if ((name == "Migration" || name == "MigrationAttribute") && attribute.ArgumentList?.Arguments.Count > 0 &&
                    attribute.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal && literal.Token.Value is string id)
                {
                    return id;
                }
            }

            return null;
        }

        public bool Covers(DeclaredForeignKey key, string migration) =>
            atEnd.Covers(key) || afterEach.TryGetValue(migration, out var own) && own.Covers(key) ||
            sql.Any(text => Mentions(text, key.Table) && Mentions(text, key.Columns[0]));

        private static bool Mentions(string text, string name)
        {
            var dot = name.LastIndexOf('.');
            return text.IndexOf(dot < 0 ? name : name.Substring(dot + 1), StringComparison.OrdinalIgnoreCase) >= 0;
        }
    }
}
