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
