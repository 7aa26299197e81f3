using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// Whether an edit of an applied migration leaves what it runs as it was — only comments, blank lines, indentation
/// inside brackets, quote style or trailing commas changed (a formatter run over the repository, a corrected comment).
/// Such an edit drifts no database apart, so HF2006 does not report it — but only for frameworks that keep no checksum
/// of applied migrations: for Flyway, Liquibase, Prisma, sqitch and drizzle any byte counts.
/// </summary>
internal static partial class LayoutOnlyEdit
{
    public static bool Only(MigrationFrameworkFacts facts, string? before, string? after, MigrationDatabase database, string? path = null)
    {
        if (facts.RecordsChecksum || before is null || after is null)
        {
            return false;
        }

        if (before == after)
        {
            return true;
        }

        try
        {
            // A goose Go migration (gofmt run over it): Go's comments, strings and brackets read as JavaScript's.
            var source = path is not null && path.EndsWith(".go", StringComparison.Ordinal) ? SourceLanguage.JavaScript : facts.Source;
            return source switch
            {
                SourceLanguage.CSharp => SameCSharp(before, after),
                SourceLanguage.Sql => SameSql(before, after, database),
                var dsl => CodeTokens.Of(before, dsl).SequenceEqual(CodeTokens.Of(after, dsl), StringComparer.Ordinal),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Fail closed, like the readers: a text the comparison cannot read is an edit.
            return false;
        }
    }

    /// <summary>
    /// Roslyn's structural equivalence ignores trivia — comments and whitespace, but also code switched off by
    /// <c>#if</c>, so a file with disabled code is compared as text.
    /// </summary>
    private static bool SameCSharp(string before, string after)
    {
        var a = CSharpSyntaxTree.ParseText(before, Formats.CSharpCall.ParseOptions);
        var b = CSharpSyntaxTree.ParseText(after, Formats.CSharpCall.ParseOptions);
        if (HasDisabledCode(a) || HasDisabledCode(b) || a.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return false;
        }

        return SyntaxFactory.AreEquivalent(a, b, topLevel: false);
    }

    private static bool HasDisabledCode(SyntaxTree tree) =>
        tree.GetRoot().DescendantTrivia(descendIntoTrivia: true).Any(t => t.IsKind(SyntaxKind.DisabledTextTrivia) || t.IsKind(SyntaxKind.DefineDirectiveTrivia));

    /// <summary>
    /// SQL compared token by token, keyword case included. Comments that tools read are kept as separators: dbmate's
    /// <c>-- migrate:up</c>/<c>down</c> (with their options), goose's <c>-- +goose</c>, drizzle's statement breakpoints;
    /// MySQL's executable comments (<c>/*! … */</c>) and optimizer hints (<c>/*+ … */</c>) make the file compare as text.
    /// </summary>
    private static bool SameSql(string before, string after, MigrationDatabase database)
    {
        if (ExecutableComment().IsMatch(before) || ExecutableComment().IsMatch(after))
        {
            return false;
        }

        var a = Segments(before, database);
        var b = Segments(after, database);
        return a.Count == b.Count && a.Zip(b).All(p => p.First.Directive == p.Second.Directive
            && p.First.Tokens.SequenceEqual(p.Second.Tokens));
    }

    private static List<(string Directive, List<SqlToken> Tokens)> Segments(string text, MigrationDatabase database)
    {
        var segments = new List<(string, List<SqlToken>)>();
        var directive = string.Empty;
        var start = 0;
        foreach (Match line in Directive().Matches(text))
        {
            segments.Add((directive, SqlTokenizer.Tokenize(text[start..line.Index], database)));
            directive = Regex.Replace(line.Value.Trim(), @"\s+", " ");
            start = line.Index + line.Length;
        }

        segments.Add((directive, SqlTokenizer.Tokenize(text[start..], database)));
        return segments;
    }

    [GeneratedRegex(@"(?m)^[ \t]*--(?:\s*migrate:|\s*\+goose|>)[^\n]*")]
    private static partial Regex Directive();

    [GeneratedRegex(@"/\*[!+]")]
    private static partial Regex ExecutableComment();
}
