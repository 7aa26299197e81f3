using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hotfix.Analyzers.Rules;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.CodeFixes.Rules;

/// <summary>
/// HF3001 fix: a raw EF Core call given an interpolated string (<c>FromSqlRaw($"… {name}")</c>) becomes its parameterised
/// twin (<c>FromSql</c>, <c>ExecuteSql(Async)</c>, <c>SqlQuery</c>, or the <c>…Interpolated</c> methods on EF 3–6), which turns
/// every hole into a DbParameter. Quotes written around a hole (<c>'{name}'</c>) are removed: a parameter is a value,
/// and a quoted parameter marker would be compared as the literal text "@p0". The analyzer names the twin only when it
/// exists in the referenced EF version and binds to the same arguments.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SqlInjectionCodeFixProvider))]
[Shared]
public sealed class SqlInjectionCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.SqlFromNonConstantString);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SqlInjectionAnalyzer.ParameterisedMethodProperty, out var target) || string.IsNullOrEmpty(target))
            {
                continue;
            }

            var name = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as SimpleNameSyntax;
            if (name?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation ||
                invocation.ArgumentList.Arguments.FirstOrDefault(a => a.Expression is InterpolatedStringExpressionSyntax) == null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {target} (parameterised)",
                    c => ReplaceAsync(context.Document, name, invocation, target!, c),
                    equivalenceKey: "HF3001:" + target),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, SimpleNameSyntax name, InvocationExpressionSyntax invocation, string target, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root == null)
        {
            return document;
        }

        var argument = invocation.ArgumentList.Arguments.First(a => a.Expression is InterpolatedStringExpressionSyntax);
        var interpolated = (InterpolatedStringExpressionSyntax)argument.Expression;
        var renamed = name.WithIdentifier(SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, target, name.Identifier.TrailingTrivia));
        var newInvocation = invocation.ReplaceNodes(
            new SyntaxNode[] { name, interpolated },
            (original, _) => original == name ? renamed : Unquote(interpolated));
        return document.WithSyntaxRoot(root.ReplaceNode(invocation, newInvocation));
    }

    /// <summary>Removes the SQL quotes that surround a hole: <c>'{name}'</c> → <c>{name}</c>.</summary>
    private static InterpolatedStringExpressionSyntax Unquote(InterpolatedStringExpressionSyntax interpolated)
    {
        var contents = interpolated.Contents.ToList();
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is not InterpolationSyntax || i == 0 || i == contents.Count - 1 ||
                contents[i - 1] is not InterpolatedStringTextSyntax before || contents[i + 1] is not InterpolatedStringTextSyntax after ||
                !EndsWithQuote(before.TextToken.Text, out var beforeLength) || !StartsWithQuote(after.TextToken.Text, out var afterLength))
            {
                continue;
            }

            contents[i - 1] = WithText(before, before.TextToken.Text.Substring(0, before.TextToken.Text.Length - beforeLength));
            contents[i + 1] = WithText(after, after.TextToken.Text.Substring(afterLength));
        }

        var kept = contents.Where(c => c is not InterpolatedStringTextSyntax { TextToken.Text.Length: 0 });
        return interpolated.WithContents(SyntaxFactory.List(kept));
    }

    private static bool EndsWithQuote(string text, out int length)
    {
        length = text.EndsWith("\\'", System.StringComparison.Ordinal) ? 2 : text.EndsWith("'", System.StringComparison.Ordinal) ? 1 : 0;
        return length > 0;
    }

    private static bool StartsWithQuote(string text, out int length)
    {
        length = text.StartsWith("\\'", System.StringComparison.Ordinal) ? 2 : text.StartsWith("'", System.StringComparison.Ordinal) ? 1 : 0;
        return length > 0;
    }

    private static InterpolatedStringTextSyntax WithText(InterpolatedStringTextSyntax text, string newText)
    {
        var token = text.TextToken;
        var value = newText.Replace("\\'", "'");
        return text.WithTextToken(SyntaxFactory.Token(token.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, newText, value, token.TrailingTrivia));
    }
}
