using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Migrations;

/// <summary>
/// The keys a <c>CreateTable</c> declares in its <c>constraints:</c> lambda (<c>table.PrimaryKey</c>,
/// <c>table.ForeignKey</c>, <c>table.UniqueConstraint</c>), with the column names their <c>x =&gt; x.Member</c> lambdas
/// point at — the member's <c>name:</c> in the <c>columns:</c> lambda when it renames the column.
/// </summary>
internal static partial class EfMigrationSyntax
{
    private static List<MigrationOperation>? TableKeys(InvocationExpressionSyntax createTable, string? table)
    {
        var columns = Argument(createTable, "columns", 1);
        var constraints = Argument(createTable, "constraints", 3) as LambdaExpressionSyntax;
        if (constraints == null || table == null)
        {
            return null;
        }

        var names = ColumnNames(columns);
        var keys = new List<MigrationOperation>();
        foreach (var call in constraints.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (!(call.Expression is MemberAccessExpressionSyntax member))
            {
                continue;
            }

            var method = member.Name.Identifier.Text;
            var kind = method == "PrimaryKey" ? ConstraintKind.PrimaryKey
                : method == "UniqueConstraint" ? ConstraintKind.Unique
                : method == "ForeignKey" ? ConstraintKind.ForeignKey
                : ConstraintKind.Unknown;
            if (kind == ConstraintKind.Unknown)
            {
                continue;
            }

            var key = new MigrationOperation(MigrationOperationKind.AddConstraint)
            {
                Table = table,
                Constraint = kind,
                KeyColumns = Members(Argument(call, kind == ConstraintKind.ForeignKey ? "column" : "columns", 1) ?? Argument(call, "columns", 1), names),
                Line = call.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
            };
            if (kind == ConstraintKind.ForeignKey && Argument(call, "principalTable", 2) is LiteralExpressionSyntax principal)
            {
                key.ReferencedTable = principal.Token.ValueText;
            }

            keys.Add(key);
        }

        return keys.Count > 0 ? keys : null;
    }

    /// <summary>The argument named <paramref name="name"/>, else the one at <paramref name="position"/> when it is positional.</summary>
    private static ExpressionSyntax? Argument(InvocationExpressionSyntax call, string name, int position)
    {
        var arguments = call.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon != null && a.NameColon.Name.Identifier.Text == name);
        if (named != null)
        {
            return named.Expression;
        }

        return position < arguments.Count && arguments[position].NameColon == null ? arguments[position].Expression : null;
    }

    /// <summary>Each member of the <c>columns:</c> lambda's anonymous object and the column it makes (its <c>name:</c>, else itself).</summary>
    private static Dictionary<string, string> ColumnNames(ExpressionSyntax? columns)
    {
        var names = new Dictionary<string, string>();
        var creation = columns?.DescendantNodesAndSelf().OfType<AnonymousObjectCreationExpressionSyntax>().FirstOrDefault();
        if (creation == null)
        {
            return names;
        }

        foreach (var initializer in creation.Initializers)
        {
            if (initializer.NameEquals == null)
            {
                continue;
            }

            var member = initializer.NameEquals.Name.Identifier.Text;
            var renamed = (initializer.Expression as InvocationExpressionSyntax)?.ArgumentList.Arguments
                .FirstOrDefault(a => a.NameColon != null && a.NameColon.Name.Identifier.Text == "name")?.Expression as LiteralExpressionSyntax;
            names[member] = renamed != null && renamed.Kind() == SyntaxKind.StringLiteralExpression ? renamed.Token.ValueText : member;
        }

        return names;
    }

    /// <summary><c>x =&gt; x.A</c> or <c>x =&gt; new { x.A, x.B }</c> as column names.</summary>
    private static IReadOnlyList<string>? Members(ExpressionSyntax? lambda, Dictionary<string, string> names)
    {
        var body = (lambda as LambdaExpressionSyntax)?.Body;
        IEnumerable<ExpressionSyntax> parts = body is AnonymousObjectCreationExpressionSyntax anonymous
            ? anonymous.Initializers.Select(i => i.Expression)
            : body is ExpressionSyntax single ? new[] { single } : Enumerable.Empty<ExpressionSyntax>();
        var result = new List<string>();
        foreach (var part in parts)
        {
            if (!(part is MemberAccessExpressionSyntax access))
            {
                return null;
            }

            var member = access.Name.Identifier.Text;
            result.Add(names.TryGetValue(member, out var column) ? column : member);
        }

        return result.Count > 0 ? result : null;
    }
}
