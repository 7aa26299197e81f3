using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Migrations;

/// <summary>One <c>migrationBuilder.X(…)</c> call of an EF Core migration and the operation it performs.</summary>
internal sealed class EfMigrationCall
{
    public EfMigrationCall(InvocationExpressionSyntax call, string method, MigrationOperation operation)
    {
        Call = call;
        Method = method;
        Operation = operation;
    }

    public InvocationExpressionSyntax Call { get; }

    /// <summary>The <c>MigrationBuilder</c> method called, e.g. <c>DropColumn</c>.</summary>
    public string Method { get; }

    /// <summary>The operation; for <c>Sql(…)</c> a RawSql operation whose <c>Text</c> is the SQL.</summary>
    public MigrationOperation Operation { get; }
}

/// <summary>
/// How an EF Core migration class reads from its C# syntax alone: the <c>Up</c>/<c>Down</c> methods, the builder calls
/// in them (mapped through <see cref="EfMigrationBuilderCalls"/>), and whether the down throws. Written once for
/// <c>hotfix check</c>'s EF reader and the HF2002/HF2003 analyzers, so a migration reads the same in both.
/// </summary>
internal static partial class EfMigrationSyntax
{
    /// <summary>Syntax-only guess that the class derives from <c>Migration</c>; the analyzers confirm with the symbol.</summary>
    public static bool LooksLikeMigration(ClassDeclarationSyntax type) =>
        type.BaseList != null && type.BaseList.Types.Any(t => t.Type is IdentifierNameSyntax id && id.Identifier.Text == "Migration" ||
            t.Type is QualifiedNameSyntax q && q.Right.Identifier.Text == "Migration");

    /// <summary>The class's own <c>Up</c> or <c>Down</c> (one parameter, the builder); null when not declared.</summary>
    public static MethodDeclarationSyntax? Method(ClassDeclarationSyntax type, string name) =>
        type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == name && m.ParameterList.Parameters.Count == 1);

    /// <summary>The builder calls of <paramref name="method"/> in source order (calls on other receivers are not operations).</summary>
    public static IEnumerable<EfMigrationCall> Calls(MethodDeclarationSyntax method)
    {
        var builder = method.ParameterList.Parameters[0].Identifier.Text;
        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body == null)
        {
            yield break;
        }

        foreach (var call in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (!(call.Expression is MemberAccessExpressionSyntax member) || !(member.Expression is IdentifierNameSyntax receiver) ||
                receiver.Identifier.Text != builder)
            {
                continue;
            }

            var name = member.Name.Identifier.Text;
            var operation = EfMigrationBuilderCalls.ToOperation(name, Arguments(call.ArgumentList), Annotations(call));
            if (operation != null && operation.Kind == MigrationOperationKind.CreateTable)
            {
                operation.InlineKeys = TableKeys(call, operation.Table);
            }

            if (operation != null)
            {
                yield return new EfMigrationCall(call, name, operation);
            }
        }
    }

    /// <summary>
    /// The first <c>throw</c> in <paramref name="method"/> — or, when the class derives from EF Core's <c>Migration</c>
    /// itself (<paramref name="baseIsEfMigration"/>), the first call of <c>base.Down</c>, which EF Core implements as
    /// <c>throw new NotSupportedException()</c>: a down that throws cannot be run.
    /// </summary>
    public static SyntaxNode? FirstThrow(MethodDeclarationSyntax method, bool baseIsEfMigration) =>
        method.DescendantNodes().FirstOrDefault(n => n is ThrowStatementSyntax || n is ThrowExpressionSyntax ||
            baseIsEfMigration && IsBaseDownCall(n));

    /// <summary>Whether <paramref name="node"/> is <c>base.Down(…)</c>.</summary>
    public static bool IsBaseDownCall(SyntaxNode node) =>
        node is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax access &&
        access.Expression is BaseExpressionSyntax && access.Name.Identifier.Text == "Down";

    /// <summary>The provider a migration's annotations reveal (<c>"Npgsql:…"</c>, <c>"SqlServer:…"</c>…), else null.</summary>
    public static MigrationDatabase? Reveal(string text) =>
        Has(text, "\"Npgsql:") || Has(text, "NpgsqlValueGenerationStrategy") ? MigrationDatabase.PostgreSql
        : Has(text, "\"SqlServer:") ? MigrationDatabase.SqlServer
        : Has(text, "\"Sqlite:") ? MigrationDatabase.Sqlite
        : Has(text, "\"MySql:") ? MigrationDatabase.MySql
        : (MigrationDatabase?)null;

    private static bool Has(string text, string value) => text.IndexOf(value, StringComparison.Ordinal) >= 0;

    private static List<EfArgument> Arguments(ArgumentListSyntax list) =>
        list.Arguments.Select(a =>
        {
            var value = Value(a.Expression, out var literal);
            return new EfArgument(a.NameColon?.Name.Identifier.Text, value, literal);
        }).ToList();

    /// <summary>Chained <c>.Annotation("name", value)</c> calls on the operation's builder.</summary>
    private static List<KeyValuePair<string, string?>> Annotations(InvocationExpressionSyntax call)
    {
        var result = new List<KeyValuePair<string, string?>>();
        var current = (SyntaxNode)call;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Parent is InvocationExpressionSyntax chained)
        {
            if (access.Name.Identifier.Text == "Annotation" && chained.ArgumentList.Arguments.Count == 2)
            {
                var name = Value(chained.ArgumentList.Arguments[0].Expression, out _) ?? string.Empty;
                result.Add(new KeyValuePair<string, string?>(name, Value(chained.ArgumentList.Arguments[1].Expression, out _)));
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
}
