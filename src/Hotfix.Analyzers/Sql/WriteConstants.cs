using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// The names of the compilation's string fields whose text, spelled out in literals, mentions DELETE, UPDATE or
/// TRUNCATE — the SQL-constants idiom (<c>const string PurgeOrders = "DELETE FROM Orders";</c>, in this class or a
/// queries class elsewhere). HF2009's syntax test lets a sink through when it is handed one of these names: the text
/// is in another member, where <see cref="SqlSyntax.MemberMentionsWrite"/> does not look. Read once per compilation,
/// on first need, from the type-level declarations of the files whose text mentions a write.
/// </summary>
internal sealed class WriteConstants
{
    private readonly CompilationNames names;

    public WriteConstants(Compilation compilation, CancellationToken cancellationToken) =>
        names = new CompilationNames(compilation, text => SqlSyntax.MentionsWrite(text) || text.IndexOf('\\') >= 0, Read, cancellationToken);

    public bool Contains(string name) => names.Contains(name);

    /// <summary>
    /// The text an initializer spells in literals alone — a string literal, a hole-free interpolation, or <c>+</c> of
    /// them — read from the syntax (a field of another file has no semantic model here, RS1030); null otherwise.
    /// </summary>
    public static string? LiteralText(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(c => c is InterpolatedStringTextSyntax) =>
            string.Concat(interpolated.Contents.Cast<InterpolatedStringTextSyntax>().Select(c => c.TextToken.ValueText)),
        ParenthesizedExpressionSyntax parenthesized => LiteralText(parenthesized.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) =>
            LiteralText(binary.Left) is { } left && LiteralText(binary.Right) is { } right ? left + right : null,
        _ => null,
    };

    /// <summary>The fields of one file whose initializer spells write SQL. Fields are members of types: method bodies are never entered.</summary>
    private static IEnumerable<string> Read(SyntaxNode root)
    {
        foreach (var field in root
                     .DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                     .OfType<FieldDeclarationSyntax>())
        {
            foreach (var variable in field.Declaration.Variables)
            {
                if (variable.Initializer?.Value is { } value && LiteralText(value) is { } sql && SqlSyntax.MentionsWrite(sql))
                {
                    yield return variable.Identifier.ValueText;
                }
            }
        }
    }
}
