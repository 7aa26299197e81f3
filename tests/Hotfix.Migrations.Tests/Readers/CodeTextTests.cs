using Hotfix.Migrations.Code;

namespace Hotfix.Migrations.Tests.Readers;

/// <summary>
/// The strings of Ruby and Elixir that do not start with a plain quote — percent literals, sigils, triple-quoted
/// heredocs — are strings to the call reader: their text is a literal value, never calls; and the look-alikes that
/// are arithmetic stay code.
/// </summary>
public class CodeTextTests
{
    private static List<(string Name, string? First)> Calls(string text) =>
        new CodeText(text, SourceLanguage.Ruby).Calls(0, text.Length, n => n is "execute" or "drop" or "count", allowBareRubyCalls: true)
            .Select(c => (c.Name, c.Positional(0)))
            .ToList();

    [Theory]
    [InlineData("execute %q{DROP TABLE a}\n", "DROP TABLE a")]
    [InlineData("execute %Q(DELETE FROM f(x))\n", "DELETE FROM f(x)")]
    [InlineData("execute %(UPDATE a SET b = 1)\n", "UPDATE a SET b = 1")]
    [InlineData("execute ~s(DROP TABLE a), ~s(CREATE TABLE a (id int))\n", "DROP TABLE a")]
    [InlineData("execute ~S[DROP TABLE a]\n", "DROP TABLE a")]
    [InlineData("execute ~s\"DROP TABLE \\\"a\\\"\"\n", "DROP TABLE \\\"a\\\"")]
    [InlineData("execute \"\"\"\n  DROP TABLE \"a\"\n  \"\"\"\n", "\n  DROP TABLE \"a\"\n  ")]
    [InlineData("execute <<~SQL\n  DROP TABLE a;\nSQL\n", "  DROP TABLE a;\n")]
    [InlineData("execute(<<-SQL.squish)\n  DROP TABLE a\n  SQL\n", "  DROP TABLE a\n")]
    [InlineData("execute   <<~'SQL'\r\n  DROP TABLE a\r\n  SQLX\r\n  SQL\r\n", "  DROP TABLE a\r\n  SQLX\r\n")]
    public void A_delimited_string_is_the_calls_literal_argument(string text, string sql)
    {
        Assert.Equal([("execute", sql)], Calls(text));
    }

    [Fact]
    public void The_text_of_a_heredoc_or_sigil_is_no_call()
    {
        Assert.Equal(["execute", "execute"], Calls("execute \"\"\"\ndrop table orders\n\"\"\"\nexecute ~s(drop index x)\n").Select(c => c.Name));
    }

    [Fact]
    public void A_percent_after_an_operand_is_arithmetic()
    {
        // `total%(count x)` and `total % (count x)` divide: the call inside is read, no string starts. (After a space and
        // before a non-space, `%(` starts a string, as Ruby reads it after a method name: `execute %(…)`.)
        Assert.Equal(["count", "count"], Calls("a = total%(count x)\nb = total % (count x)\n").Select(c => c.Name));
    }

    [Fact]
    public void A_php_heredoc_ends_at_its_indented_marker_and_its_text_is_no_call()
    {
        const string text = "DB::statement(<<<'SQL'\n    drop table t; statement(x)\n    SQL);\nDB::statement('SELECT 1');\n";
        var calls = new CodeText(text, SourceLanguage.Php).Calls(0, text.Length, n => n == "statement").Select(c => c.Positional(0)).ToList();
        Assert.Equal(["    drop table t; statement(x)\n", "SELECT 1"], calls);
    }

    [Fact]
    public void A_ruby_heredoc_ends_only_at_its_identifier_alone_and_the_openers_line_stays_code()
    {
        // `SQL);` ends a PHP heredoc, not a Ruby one; after Ruby's opener the line goes on with code.
        const string text = "execute(<<~SQL, count(1))\n  drop table t; SQL); count(2)\nSQL\ncount(3)\n";
        Assert.Equal([("execute", "  drop table t; SQL); count(2)\n"), ("count", "1"), ("count", "3")], Calls(text));
    }
}
