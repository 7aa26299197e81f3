using Hotfix.Analyzers.Sql;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Tests.Sql;

/// <summary>
/// The micro-ORMs share method names with LINQ (<c>Where</c>, <c>Select</c>, <c>First</c>) and StringBuilder
/// (<c>Append</c>): the syntax test must let their SQL calls through to binding and keep the thousands of LINQ and
/// StringBuilder calls of an ordinary project out, or every one of them is bound on every compile (issue 15's budget).
/// </summary>
public class MicroOrmCandidateTests
{
    [Theory]
    [InlineData("db.Where(\"status = @0\", status)")]
    [InlineData("db.Fetch<Order>(\"SELECT * FROM orders WHERE id = @0\", id)")]
    [InlineData("query.WhereRaw($\"total > {limit}\")")]
    [InlineData("factory.Select(sql, new { id })")]
    [InlineData("sql.Append(\"WHERE name = '\" + name + \"'\")")]
    [InlineData("db.First<Order>((\"SELECT 1\"))")]
    public void A_call_that_may_pass_sql_text_is_bound(string call) => Assert.True(Candidate(call));

    [Theory]
    [InlineData("orders.Where(o => o.Total > 10)")]
    [InlineData("orders.Select((o, i) => o.Id + i)")]
    [InlineData("orders.FirstOrDefault(o => o.Id == id)")]
    [InlineData("orders.Where(delegate (Order o) { return o.Paid; })")]
    [InlineData("orders.Single((o => o.Id == id))")]
    [InlineData("builder.Append(\"WHERE id = @id\")")]
    [InlineData("builder.Append(name)")]
    [InlineData("orders.Where()")]
    public void A_linq_or_stringbuilder_call_is_not(string call) => Assert.False(Candidate(call));

    private static bool Candidate(string call)
    {
        var invocation = (InvocationExpressionSyntax)SyntaxFactory.ParseExpression(call);
        var name = ((MemberAccessExpressionSyntax)invocation.Expression).Name.Identifier.ValueText;
        return MicroOrmSinks.IsCandidateCall(name, invocation);
    }
}
