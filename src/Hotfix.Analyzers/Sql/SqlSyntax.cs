using System;
using System.Linq;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Migrations.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// Syntax-only tests that let the SQL rules skip a sink without binding it. Both are supersets of what the semantic
/// checks would find: they only ever say "cannot matter" when no binding could make it matter.
/// </summary>
internal static class SqlSyntax
{
    /// <summary>
    /// HF3001: a call, constructor or assignment can hand over built SQL only if one of its values is something other
    /// than a literal, a hole-free interpolated string, an anonymous parameter object, a lambda or <c>default</c>.
    /// </summary>
    public static bool MayCarryBuiltSql(SyntaxNode sink) => sink switch
    {
        InvocationExpressionSyntax call => !IsAlwaysParameterised(call) && AnyNonTrivial(call.ArgumentList),
        BaseObjectCreationExpressionSyntax creation => creation.ArgumentList != null && AnyNonTrivial(creation.ArgumentList),
        AssignmentExpressionSyntax assignment => !IsTrivial(assignment.Right),
        _ => true,
    };

    /// <summary>
    /// EF Core methods that exist only with a FormattableString parameter in every version that has them (EF Core 3+):
    /// their holes always become DbParameters. (<c>FromSql</c> and <c>SqlQuery</c> are not here: EF Core 2 and EF6 had
    /// raw string overloads of those names.)
    /// </summary>
    private static bool IsAlwaysParameterised(InvocationExpressionSyntax call) => SyntaxFilters.InvokedName(call) switch
    {
        "ExecuteSql" or "ExecuteSqlAsync" or "ExecuteSqlInterpolated" or "ExecuteSqlInterpolatedAsync" or "FromSqlInterpolated" => true,
        // FromSql given an interpolated string binds to its FormattableString overload in every EF Core version.
        "FromSql" => call.ArgumentList.Arguments.Count > 0 && call.ArgumentList.Arguments[0].Expression is InterpolatedStringExpressionSyntax,
        _ => false,
    };

    /// <summary>
    /// HF2009: raw SQL can write every row only if the text written at the call spells an unbounded write, or — when the
    /// text comes from a local or another expression — the member it is written in has a string mentioning DELETE,
    /// UPDATE or TRUNCATE somewhere (the SQL may be assembled from several strings and locals of that member).
    /// </summary>
    public static bool MayWriteEveryRow(SyntaxNode sink) => MayWriteEveryRow(sink, constants: null);

    /// <summary>
    /// <see cref="MayWriteEveryRow(SyntaxNode)"/>, and a sink handed a field named in <paramref name="constants"/>
    /// (<c>connection.Execute(Queries.PurgeOrders)</c>): its text is written in another member.
    /// </summary>
    public static bool MayWriteEveryRow(SyntaxNode sink, WriteConstants? constants)
    {
        // Written out in place (literals, interpolations, + of those): read the statement from the syntax alone.
        var texts = sink switch
        {
            InvocationExpressionSyntax call => call.ArgumentList.Arguments.Select(a => a.Expression),
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments.Select(a => a.Expression) ?? Enumerable.Empty<ExpressionSyntax>(),
            AssignmentExpressionSyntax assignment => new[] { assignment.Right },
            _ => Enumerable.Empty<ExpressionSyntax>(),
        };
        var readable = true;
        foreach (var text in texts)
        {
            var sketch = SketchOf(text);
            if (sketch == null)
            {
                readable &= !IsStringy(text);
            }
            else if (!MentionsWrite(sketch))
            {
                continue; // SqlWriteScope reads its verbs from the text's words: no DELETE, UPDATE or TRUNCATE, no write
            }
            else if (SqlWriteScope.FindUnboundedWrites(sketch).Count > 0)
            {
                return true;
            }
            else if (sketch.IndexOf(SqlWriteScope.Hole) >= 0 && SqlWriteScope.FindUnboundedWrites(sketch.Replace(SqlWriteScope.Hole.ToString(), " x ")).Count > 0)
            {
                readable = false; // whether it writes every row depends on what the holes are: ask the semantic model
            }
        }

        return !readable && (MemberMentionsWrite(sink) || (constants != null && texts.Any(t => NameOf(t) is { } name && constants.Contains(name))));
    }

    /// <summary>The field a name or member access reads (<c>PurgeOrders</c>, <c>Queries.PurgeOrders</c>).</summary>
    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// HF3001 through a helper of the project: a call that may hand SQL built in place or earlier to one — an argument
    /// with a hole and a SQL verb in its literals (<c>"SELECT … '" + name + "'"</c>, <c>$"DELETE … {id}"</c>,
    /// <c>string.Format("SELECT … {0}", …)</c>) or a value whose name says it holds SQL (<c>sql</c>, <c>query</c>,
    /// <c>sql.ToString()</c>) in a member whose strings mention a SQL verb. EF Core's own SQL methods are the sinks'
    /// business. Only such calls are bound.
    /// </summary>
    public static bool MayPassBuiltSql(InvocationExpressionSyntax call) => AnyArgumentOfAHelper(call, MayBeBuiltSql);

    /// <summary>
    /// HF2009 through a helper of the project: a call that may hand it a write of every row — an argument whose strings
    /// mention DELETE, UPDATE or TRUNCATE, or a value named like SQL in a member whose strings mention one. (A field of
    /// such text, which the sinks' test looks up in <see cref="WriteConstants"/>, is not looked for here: that reads
    /// every file's text, too much to ask of every call of a compilation.) Only such calls are bound.
    /// </summary>
    public static bool MayPassWriteSql(InvocationExpressionSyntax call) => AnyArgumentOfAHelper(call, MayBeWriteSql);

    /// <summary>One argument of <see cref="MayPassWriteSql"/>.</summary>
    private static bool MayBeWriteSql(ExpressionSyntax argument)
    {
        var expression = SyntaxFilters.Unparenthesized(argument);
        return expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
            ? NamesSql(SyntaxFilters.NameOf(expression)) && MemberMentionsWrite(expression)
            : expression is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax && HoleAndVerb(expression, MentionsWrite).Verb;
    }

    /// <summary>Whether a call that could be a helper's (any but EF Core's own SQL methods) has an argument <paramref name="mayMatter"/> takes.</summary>
    private static bool AnyArgumentOfAHelper(InvocationExpressionSyntax call, Func<ExpressionSyntax, bool> mayMatter)
    {
        if (call.ArgumentList.Arguments.Count == 0 || SyntaxFilters.InvokedName(call) is not { } name || SqlSinks.IsEfMethodName(name))
        {
            return false;
        }

        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (mayMatter(argument.Expression))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One argument of <see cref="MayPassBuiltSql"/>.</summary>
    public static bool MayBeBuiltSql(ExpressionSyntax argument)
    {
        switch (SyntaxFilters.Unparenthesized(argument))
        {
            case InterpolatedStringExpressionSyntax or BinaryExpressionSyntax:
                var (hole, verb) = HoleAndVerb(argument, MentionsSqlVerb);
                return hole && verb;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Format" or "Concat" } } format:
                return format.ArgumentList.Arguments.Any(a => HoleAndVerb(a.Expression, MentionsSqlVerb).Verb);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString", Expression: var builder } }:
                return NamesSql(SyntaxFilters.NameOf(builder)) && MemberMentionsSqlVerb(argument);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return NamesSql(SyntaxFilters.NameOf(argument)) && MemberMentionsSqlVerb(argument);
            default:
                return false;
        }
    }

    /// <summary>Whether text written in place has a hole (a non-literal piece) and a literal that <paramref name="says"/> so; no text is built.</summary>
    private static (bool Hole, bool Verb) HoleAndVerb(ExpressionSyntax expression, Func<string, bool> says)
    {
        switch (SyntaxFilters.Unparenthesized(expression))
        {
            case LiteralExpressionSyntax literal:
                return (false, literal.IsKind(SyntaxKind.StringLiteralExpression) && says(literal.Token.ValueText));
            case InterpolatedStringExpressionSyntax interpolated:
                bool hole = false, verb = false;
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        verb |= says(text.TextToken.ValueText);
                    }
                    else
                    {
                        hole = true;
                    }
                }

                return (hole, verb);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                var left = HoleAndVerb(binary.Left, says);
                var right = HoleAndVerb(binary.Right, says);
                return (left.Hole || right.Hole, left.Verb || right.Verb);
            default:
                return (true, false);
        }
    }

    private static bool NamesSql(string? name) =>
        name != null && (name.IndexOf("sql", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("query", StringComparison.OrdinalIgnoreCase) >= 0);

    private static readonly string[] SqlVerbs = { "select", "insert", "update", "delete", "where", "exec", "merge", "truncate" };

    /// <summary>Whether the text has a SQL verb as a word of its own.</summary>
    private static bool MentionsSqlVerb(string text)
    {
        foreach (var verb in SqlVerbs)
        {
            if (HasWord(text, verb))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a string of the member around <paramref name="node"/> mentions a SQL verb (the SQL a local holds is spelled there).</summary>
    private static bool MemberMentionsSqlVerb(SyntaxNode node) => MemberStringsSay(node, SqlVerbNeedles, MentionsSqlVerb);

    /// <summary>Where a SQL verb can be spelled in a member's text: the verbs, and the backslash of an escaped one.</summary>
    private static readonly string[] SqlVerbNeedles = [.. SqlVerbs, "\\"];

    private static readonly string[] WriteNeedles = { "delete", "update", "truncate", "\\" };

    /// <summary>The SQL a literal-only expression spells, holes as <see cref="SqlWriteScope.Hole"/>; null when it is not one.</summary>
    private static string? SketchOf(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return SketchOf(parenthesized.Expression);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return literal.Token.ValueText;
            case InterpolatedStringExpressionSyntax interpolated:
                var text = new System.Text.StringBuilder();
                foreach (var content in interpolated.Contents)
                {
                    text.Append(content is InterpolatedStringTextSyntax part ? part.TextToken.ValueText : SqlWriteScope.Hole.ToString());
                }

                return text.ToString();
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                var left = SketchOf(binary.Left);
                var right = SketchOf(binary.Right);
                return left == null && right == null ? null : (left ?? SqlWriteScope.Hole.ToString()) + (right ?? SqlWriteScope.Hole.ToString());
            default:
                return null;
        }
    }

    /// <summary>Arguments that cannot be SQL text: numbers, lambdas, parameter objects, <c>default</c>.</summary>
    private static bool IsStringy(ExpressionSyntax expression) =>
        !(expression is LiteralExpressionSyntax || expression is AnonymousObjectCreationExpressionSyntax || expression is AnonymousFunctionExpressionSyntax);

    internal static bool MemberMentionsWrite(SyntaxNode sink) => MemberStringsSay(sink, WriteNeedles, MentionsWrite);

    /// <summary>Whether a string of the member around <paramref name="node"/>, found where its text spells one of <paramref name="needles"/>, <paramref name="says"/> so.</summary>
    private static bool MemberStringsSay(SyntaxNode node, string[] needles, Func<string, bool> says)
    {
        var scope = node;
        while (scope.Parent != null && scope is not MemberDeclarationSyntax)
        {
            scope = scope.Parent;
        }

        // Walking every token of the member was most of HF2009's own time on sink-dense code (benchmarks/README.md,
        // "Analyzers, fourth pass" and "eighth pass"), so only the string tokens that can matter are read: a string
        // without an escape spells a word exactly where its source text does (quotes, braces and raw-string
        // indentation are never letters), and one with an escape (\u0044ELETE) has a backslash in its text.
        var text = scope.SyntaxTree.GetText().ToString(scope.Span);
        foreach (var needle in needles)
        {
            if (StringsAt(scope, text, needle, says))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a string token at a place <paramref name="text"/> spells <paramref name="needle"/> says what <paramref name="says"/> asks.</summary>
    private static bool StringsAt(SyntaxNode scope, string text, string needle, Func<string, bool> says)
    {
        for (var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var position = scope.SpanStart + at;
            var token = scope.FindToken(position);
            if (token.Span.Contains(position) && IsStringToken(token))
            {
                if (says(token.ValueText))
                {
                    return true;
                }

                at = token.Span.End - scope.SpanStart - 1; // the rest of this string has nothing more to say
            }
        }

        return false;
    }

    private static bool IsStringToken(SyntaxToken token) =>
        token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
        token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);

    internal static bool MentionsWrite(string text) =>
        text.IndexOf("delete", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("update", StringComparison.OrdinalIgnoreCase) >= 0 ||
        text.IndexOf("truncate", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool AnyNonTrivial(BaseArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (!IsTrivial(argument.Expression))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTrivial(ExpressionSyntax expression)
    {
        return SyntaxFilters.Unparenthesized(expression) switch
        {
            LiteralExpressionSyntax => true,
            InterpolatedStringExpressionSyntax interpolated => !interpolated.Contents.Any(c => c is InterpolationSyntax),
            AnonymousObjectCreationExpressionSyntax or AnonymousFunctionExpressionSyntax => true,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => true,
            _ => false,
        };
    }
}
