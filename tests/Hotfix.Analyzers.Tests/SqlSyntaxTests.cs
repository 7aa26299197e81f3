using Hotfix.Analyzers.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Tests;

/// <summary>
/// HF2009's syntax test "does a string of this member mention DELETE, UPDATE or TRUNCATE?" looks only at the tokens where
/// the member's text spells such a word. It must answer exactly as reading the value of every string token of the
/// member does (the reference below, the test's first form).
/// </summary>
public class SqlSyntaxTests
{
    /// <summary>Pieces of a member body: strings of every kind, and the places a write can be spelled outside a string.</summary>
    private static readonly string[] Fragments =
    [
        "var a = \"UPDATE t SET x = 1\";",
        "var b = \"select 1\";",
        "var c = $\"DELETE FROM t WHERE id = {id}\";",
        "var d = $\"select {update}\";",
        "var e = $\"{\"truncate table t\"}\";",
        "var f = @\"update \"\"t\"\" set x = 1\";",
        "var g = @\"up\"\"date\";",
        "var h = \"\"\"\n            DELETE FROM t\n            \"\"\";",
        "var i = \"\"\"TRUNCATE t\"\"\";",
        "var j = $$\"\"\"\n            select {{update}} from t\n            \"\"\";",
        "var k = $$\"\"\"\n            update t set x = {{id}}\n            \"\"\";",
        "var l = \"\\u0055PDATE t\";",
        "var m = \"x\\tdelete\";",
        "var n = \"update\"u8;",
        "var o = 'u';",
        "// update the rows\nvar p = \"select 2\";",
        "/* delete */ var q = \"select 3\";",
        "#region truncate\nvar r = \"select 4\";\n#endregion",
        "var update = 1; var delete = update;",
        "Update(nameof(Update));",
        "var s = \"upd\" + \"ate\";",
        "var t = $\"upd{x}ate\";",
        "var u = \"Updated at\";",
        "var v = $@\"DELETE {x}\";",
        "var w = \"select\";\n#if DELETE\nvar z = 1;\n#endif",
        "var y =\n    /* update */ \"select 5\";",
        "var quote = '\\'';",
        "var escapes = \"a\\\\b\\tc \\u0054RUNCATE t\";",
    ];

    [Fact]
    public void A_member_mentions_a_write_exactly_when_one_of_its_strings_does()
    {
        var random = new Random(20261206);
        var cases = Fragments.Select(f => new[] { f }).Concat(Enumerable.Range(0, 1500).Select(_ =>
            Enumerable.Range(0, random.Next(1, 5)).Select(_ => Fragments[random.Next(Fragments.Length)]).ToArray()));
        var answers = new List<bool>();
        foreach (var body in cases)
        {
            var member = ParseMember(string.Join("\n", body));
            var sink = member.DescendantNodes().OfType<StatementSyntax>().First();
            var expected = ReadsEveryString(member);
            Assert.True(expected == SqlSyntax.MemberMentionsWrite(sink), $"{expected} expected for:\n{member}");
            answers.Add(expected);
        }

        // Both answers occur, and the single fragments give the ones their strings spell.
        Assert.Contains(true, answers);
        Assert.Contains(false, answers);
        Assert.Equal(
            [true, false, true, false, true, true, false, true, true, false, true, true, true, false, false, false, false, false, false, false, false, false, true, true, false, false, false, true],
            answers.Take(Fragments.Length));
    }

    [Fact]
    public void Words_in_comments_directives_and_names_are_not_strings()
    {
        var member = ParseMember("// delete\n/* update */\n#region truncate\nvar update = nameof(Delete);\n#endregion\nvar s = \"select 1\";");
        Assert.False(SqlSyntax.MemberMentionsWrite(member.DescendantNodes().OfType<StatementSyntax>().First()));
    }

    [Theory]
    [InlineData("db.Run(\"SELECT * FROM t WHERE n = '\" + name + \"'\");", true)]
    [InlineData("db.Run($\"delete from t where id = {id}\");", true)]
    [InlineData("db.Run(string.Format(\"SELECT {0} FROM t\", name));", true)]
    [InlineData("var sql = \"SELECT 1 FROM t WHERE n = '\" + name + \"'\"; db.Run(sql);", true)]
    [InlineData("var sql = new StringBuilder(\"UPDATE t SET\"); db.Run(sql.ToString());", true)]
    [InlineData("var query = db.Users.Where(u => u.Id == id); db.Run(query);", false)]
    [InlineData("db.Run(\"SELECT 1 FROM t\");", false)]
    [InlineData("log.Info($\"updated {id} rows\");", false)]
    [InlineData("log.Info(\"selected: \" + name);", false)]
    [InlineData("db.Database.ExecuteSqlRaw(\"DELETE FROM t WHERE n = '\" + name + \"'\");", false)]
    public void A_call_is_bound_for_a_helper_only_when_it_may_pass_built_sql(string body, bool bound)
    {
        var member = ParseMember(body);
        var call = member.DescendantNodes().OfType<InvocationExpressionSyntax>().Last(c => c.ArgumentList.Arguments.Count > 0 && c.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" or "Info" or "ExecuteSqlRaw" });
        Assert.Equal(bound, SqlSyntax.MayPassBuiltSql(call));
    }

    [Theory]
    [InlineData("db.Run(\"DELETE FROM t\");", true)]
    [InlineData("db.Run($\"TRUNCATE TABLE {table}\");", true)]
    [InlineData("var sql = \"UPDATE t SET a = 1\"; db.Run(sql);", true)]
    [InlineData("var sql = \"SELECT 1\"; db.Run(sql);", false)]
    [InlineData("db.Run(\"SELECT * FROM t\");", false)]
    [InlineData("db.Run(Queries.PurgeAll);", false)]
    [InlineData("db.Database.ExecuteSqlRaw(\"DELETE FROM t\");", false)]
    public void A_call_is_bound_for_a_helper_write_only_when_it_may_pass_one(string body, bool bound)
    {
        var member = ParseMember(body);
        var call = member.DescendantNodes().OfType<InvocationExpressionSyntax>().Last(c => c.ArgumentList.Arguments.Count > 0);
        Assert.Equal(bound, SqlSyntax.MayPassWriteSql(call));
    }

    private static MemberDeclarationSyntax ParseMember(string body)
    {
        var tree = CSharpSyntaxTree.ParseText("class C\n{\n    void M(int id, int x)\n    {\n" + body + "\n    }\n}\n");
        return tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
    }

    /// <summary>The reference: every string token of the member, by its value.</summary>
    private static bool ReadsEveryString(SyntaxNode member) =>
        member.DescendantTokens().Any(t =>
            (t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
             t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)) &&
            new[] { "delete", "update", "truncate" }.Any(w => t.ValueText.Contains(w, StringComparison.OrdinalIgnoreCase)));
}
