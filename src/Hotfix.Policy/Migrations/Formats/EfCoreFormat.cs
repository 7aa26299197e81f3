using System.Text.RegularExpressions;
using Hotfix.Policy.Migrations.Detection;
using Hotfix.Policy.Migrations.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Policy.Migrations.Formats;

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
public sealed partial class EfCoreFormat : IMigrationFormat
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    public MigrationFramework Framework => MigrationFramework.EfCore;

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
        var root = CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot();
        var classes = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(IsMigration).ToList();
        var revealed = Reveal(text);
        var pieces = new List<MigrationPiece>();
        foreach (var type in classes)
        {
            var body = new MigrationBody { Database = revealed };
            var effective = database == MigrationDatabase.Unknown && revealed is { } r ? r : database;
            var up = Method(type, "Up");
            var down = Method(type, "Down");
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
                if (down.DescendantNodes().FirstOrDefault(n => n is ThrowStatementSyntax or ThrowExpressionSyntax) is { } thrown)
                {
                    body.DownStatus = DownStatus.Irreversible;
                    body.DownDetail = $"Down() throws ({Shorten(thrown.ToString())})";
                    body.DownLine = LineOf(thrown);
                }

                body.Down.AddRange(Operations(down, effective));
            }

            var fingerprint = type.ToFullString();
            pieces.Add(new MigrationPiece(classes.Count > 1 ? type.Identifier.Text : null, body, fingerprint, LineOf(type)));
        }

        return pieces;
    }

    private static bool IsMigration(ClassDeclarationSyntax type) =>
        type.BaseList?.Types.Any(t => t.Type switch
        {
            IdentifierNameSyntax id => id.Identifier.Text == "Migration",
            QualifiedNameSyntax q => q.Right.Identifier.Text == "Migration",
            _ => false,
        }) == true;

    private static MethodDeclarationSyntax? Method(ClassDeclarationSyntax type, string name) =>
        type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == name && m.ParameterList.Parameters.Count == 1);

    private static IEnumerable<MigrationOperation> Operations(MethodDeclarationSyntax method, MigrationDatabase database)
    {
        var builder = method.ParameterList.Parameters[0].Identifier.Text;
        var node = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (node is null)
        {
            yield break;
        }

        foreach (var call in node.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } member || receiver.Identifier.Text != builder)
            {
                continue;
            }

            var name = member.Name is GenericNameSyntax generic ? generic.Identifier.Text : member.Name.Identifier.Text;
            var op = EfMigrationBuilderCalls.ToOperation(name, Arguments(call.ArgumentList), Annotations(call));
            if (op is null)
            {
                continue;
            }

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

    private static List<EfArgument> Arguments(ArgumentListSyntax list) =>
        list.Arguments.Select(a => new EfArgument(a.NameColon?.Name.Identifier.Text, Value(a.Expression, out var literal), literal)).ToList();

    /// <summary>Chained <c>.Annotation("name", value)</c> calls on the operation's builder.</summary>
    private static List<KeyValuePair<string, string?>> Annotations(InvocationExpressionSyntax call)
    {
        var result = new List<KeyValuePair<string, string?>>();
        var current = (SyntaxNode)call;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Parent is InvocationExpressionSyntax chained)
        {
            if (access.Name.Identifier.Text == "Annotation" && chained.ArgumentList.Arguments.Count == 2)
            {
                result.Add(new(Value(chained.ArgumentList.Arguments[0].Expression, out _) ?? string.Empty, Value(chained.ArgumentList.Arguments[1].Expression, out _)));
            }

            current = chained;
        }

        return result;
    }

    /// <summary>A literal's value (strings concatenated with +), else the expression's text.</summary>
    private static string? Value(ExpressionSyntax expression, out bool literal)
    {
        literal = true;
        switch (expression)
        {
            case LiteralExpressionSyntax l when l.IsKind(SyntaxKind.NullLiteralExpression):
                return "null";
            case LiteralExpressionSyntax l when l.IsKind(SyntaxKind.TrueLiteralExpression):
                return "true";
            case LiteralExpressionSyntax l when l.IsKind(SyntaxKind.FalseLiteralExpression):
                return "false";
            case LiteralExpressionSyntax l:
                return l.Token.ValueText;
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression):
                var left = Value(b.Left, out var leftLiteral);
                var right = Value(b.Right, out var rightLiteral);
                literal = leftLiteral && rightLiteral;
                return literal ? left + right : expression.ToString();
            case ParenthesizedExpressionSyntax p:
                return Value(p.Expression, out literal);
            default:
                literal = false;
                return expression.ToString();
        }
    }

    private static MigrationDatabase? Reveal(string text) =>
        text.Contains("\"Npgsql:", StringComparison.Ordinal) || text.Contains("NpgsqlValueGenerationStrategy", StringComparison.Ordinal) ? MigrationDatabase.PostgreSql
        : text.Contains("\"SqlServer:", StringComparison.Ordinal) ? MigrationDatabase.SqlServer
        : text.Contains("\"Sqlite:", StringComparison.Ordinal) ? MigrationDatabase.Sqlite
        : text.Contains("\"MySql:", StringComparison.Ordinal) ? MigrationDatabase.MySql
        : null;

    private static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Shorten(string text) => SqlStatementRecognizer.OneLine(text);

    [GeneratedRegex(@":\s*(?:[\w.]+\.)?Migration\b")]
    private static partial Regex DerivesFromMigration();
}
