using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;
using Hotfix.Migrations.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// EF Core migrations, wherever they live (<c>--output-dir</c> moves them): a class deriving from <c>Migration</c> with
/// <c>Up(MigrationBuilder)</c> and usually <c>Down(MigrationBuilder)</c>. Read with Roslyn's C# syntax tree, and every
/// <c>migrationBuilder.X(…)</c> call mapped through <see cref="EfMigrationBuilderCalls"/> — the same mapping the analyzers use.
/// </summary>
/// <remarks>
/// Roslyn here is Microsoft.CodeAnalysis.CSharp 4.8, the version the analyzers already pin, used for syntax only (no
/// compilation, no semantic model, no MEF workspace). That subset publishes without trim/AOT warnings and runs in the
/// native AOT binary (proven by the CLI's native-binary tests); a second Roslyn version would only add size and risk.
/// </remarks>
internal sealed partial class EfCoreFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.EfCore;

    public MigrationFrameworkFacts Facts { get; } = new("ef-core", "EF Core", DownSupport.Expected, Source: SourceLanguage.CSharp);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (path.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase))
        {
            return text.Contains("[Migration(", StringComparison.Ordinal) ? new MigrationFileMatch(Framework, MigrationFileRole.Companion) : null;
        }

        if (text.Contains(": ModelSnapshot", StringComparison.Ordinal) && text.Contains("BuildModel", StringComparison.Ordinal))
        {
            return new MigrationFileMatch(Framework, MigrationFileRole.SchemaIntent, "EF Core model snapshot");
        }

        return text.Contains("MigrationBuilder", StringComparison.Ordinal) && DerivesFromMigration().IsMatch(text)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;
    }

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var root = CSharpSyntaxTree.ParseText(text, CSharpCall.ParseOptions).GetRoot();
        var classes = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(EfMigrationSyntax.LooksLikeMigration).ToList();
        var revealed = EfMigrationSyntax.Reveal(text);
        var pieces = new List<MigrationPiece>();
        foreach (var type in classes)
        {
            var body = new MigrationBody { Database = revealed };
            var effective = database == MigrationDatabase.Unknown && revealed is { } r ? r : database;
            var up = EfMigrationSyntax.Method(type, "Up");
            var down = EfMigrationSyntax.Method(type, "Down");
            if (up is not null)
            {
                body.Up.AddRange(Operations(up, effective));
            }

            if (down is null)
            {
                body.DownStatus = DownStatus.Missing;
                body.DownDetail = "Down() is not overridden: EF Core throws NotSupportedException when this migration is reverted";
            }
            else
            {
                body.DownLine = LineOf(down);
                // Only a class whose base list names Migration is read here, so base.Down is EF Core's, which throws.
                if (EfMigrationSyntax.FirstThrow(down, baseIsEfMigration: true) is { } thrown)
                {
                    body.DownStatus = DownStatus.Irreversible;
                    body.DownDetail = EfMigrationSyntax.IsBaseDownCall(thrown)
                        ? $"Down() calls {Shorten(thrown.ToString())}, which EF Core implements as throw new NotSupportedException()"
                        : $"Down() throws ({Shorten(thrown.ToString())})";
                    body.DownLine = LineOf(thrown);
                }

                body.Down.AddRange(Operations(down, effective));
            }

            var fingerprint = type.ToFullString();
            pieces.Add(new MigrationPiece(classes.Count > 1 ? type.Identifier.Text : null, body, fingerprint, LineOf(type)));
        }

        return pieces;
    }

    private static IEnumerable<MigrationOperation> Operations(MethodDeclarationSyntax method, MigrationDatabase database)
    {
        foreach (var builderCall in EfMigrationSyntax.Calls(method))
        {
            var (call, op) = (builderCall.Call, builderCall.Operation);
            var line = LineOf(call);
            if (op.Kind == MigrationOperationKind.RawSql)
            {
                var sql = op.Text;
                var parsed = SqlParsers.Parse(sql, database, line);
                if (parsed.Count == 0)
                {
                    continue;
                }

                foreach (var statement in parsed)
                {
                    yield return statement;
                }

                continue;
            }

            op.Line = line;
            op.Text = SqlStatementRecognizer.OneLine(call.ToString());
            yield return op;
        }
    }

    private static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Shorten(string text) => SqlStatementRecognizer.OneLine(text);

    [GeneratedRegex(@":\s*(?:[\w.]+\.)?Migration\b")]
    private static partial Regex DerivesFromMigration();
}
