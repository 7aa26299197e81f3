using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Reading the arguments of a C# call by name or position, as the C# migration DSLs other than EF Core's write them
/// (Entity Framework 6's <c>DbMigration</c>, FluentMigrator): string literals, constants, booleans and numbers.
/// </summary>
internal sealed class CSharpCall
{
    private readonly IReadOnlyList<ArgumentSyntax> arguments;

    /// <summary>How the C# migration readers parse a file: the latest language, no documentation comments.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.None);

    public CSharpCall(string name, InvocationExpressionSyntax syntax)
    {
        Name = name;
        Syntax = syntax;
        arguments = syntax.ArgumentList.Arguments;
    }

    public string Name { get; }

    public InvocationExpressionSyntax Syntax { get; }

    public int Line => Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    public int Count => arguments.Count;

    /// <summary>The argument named <paramref name="name"/>, else the one at <paramref name="position"/> when it is not named.</summary>
    public ExpressionSyntax? Argument(string name, int position)
    {
        foreach (var argument in arguments)
        {
            if (argument.NameColon?.Name.Identifier.Text == name)
            {
                return argument.Expression;
            }
        }

        return position >= 0 && position < arguments.Count && arguments[position].NameColon is null ? arguments[position].Expression : null;
    }

    public string? String(string name, int position) => Text(Argument(name, position));

    public bool? Bool(string name, int position) => Argument(name, position) switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.TrueLiteralExpression) => true,
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.FalseLiteralExpression) => false,
        _ => null,
    };

    public int? Int(string name, int position) =>
        Argument(name, position) is LiteralExpressionSyntax { Token.Value: int value } ? value : null;

    /// <summary>A string literal (also verbatim, raw or a constant interpolation), or null when the text is computed.</summary>
    public static string? Text(ExpressionSyntax? expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(c => c is InterpolatedStringTextSyntax) =>
            string.Concat(interpolated.Contents.Cast<InterpolatedStringTextSyntax>().Select(c => c.TextToken.ValueText)),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add when Text(add.Left) is { } left && Text(add.Right) is { } right => left + right,
        ParenthesizedExpressionSyntax parenthesized => Text(parenthesized.Expression),
        _ => null,
    };

    /// <summary>The strings of <c>new[] { "a", "b" }</c> (or a single string), else null.</summary>
    public static IReadOnlyList<string>? Strings(ExpressionSyntax? expression)
    {
        if (Text(expression) is { } one)
        {
            return [one];
        }

        var initializer = expression switch
        {
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
            ArrayCreationExpressionSyntax array => array.Initializer,
            CollectionExpressionSyntax collection => null,
            _ => null,
        };
        var elements = initializer?.Expressions.Select(Text).ToList()
            ?? (expression as CollectionExpressionSyntax)?.Elements.Select(e => e is ExpressionElementSyntax element ? Text(element.Expression) : null).ToList();
        return elements is { Count: > 0 } && elements.All(e => e is not null) ? elements.Select(e => e!).ToList() : null;
    }

    /// <summary>A class's own parameterless <c>Up()</c> or <c>Down()</c> (Entity Framework 6, FluentMigrator); null when not declared.</summary>
    public static MethodDeclarationSyntax? ParameterlessMethod(ClassDeclarationSyntax type, string name) =>
        type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == name && m.ParameterList.Parameters.Count == 0);

    /// <summary>"dbo.Orders" → ("dbo", "Orders"); "Orders" → (null, "Orders").</summary>
    public static (string? Schema, string? Table) SplitTable(string? name)
    {
        if (name is null)
        {
            return (null, null);
        }

        var dot = name.LastIndexOf('.');
        return dot <= 0 ? (null, name) : (name[..dot], name[(dot + 1)..]);
    }
}
