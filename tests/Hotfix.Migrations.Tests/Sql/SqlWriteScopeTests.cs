using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Tests.Sql;

public class SqlWriteScopeTests
{
    private static string Unbounded(string sql) => string.Join(" | ", SqlWriteScope.FindUnboundedWrites(sql));

    [Theory]
    [InlineData("DELETE FROM Orders", "DELETE Orders")]
    [InlineData("delete from dbo.Orders;", "DELETE dbo.Orders")]
    [InlineData("UPDATE Users SET Name = 'x'", "UPDATE Users")]
    [InlineData("UPDATE [Order Lines] SET Qty = 0", "UPDATE [Order Lines]")]
    [InlineData("TRUNCATE TABLE Orders", "TRUNCATE Orders")]
    [InlineData("truncate Orders", "TRUNCATE Orders")]
    [InlineData("DELETE TOP (100) FROM Orders", "DELETE Orders")]
    [InlineData("UPDATE Users SET Name = 'x' -- WHERE Id = 1", "UPDATE Users")]
    [InlineData("UPDATE Users SET Name = 'x' /* WHERE Id = 1 */", "UPDATE Users")]
    [InlineData("DELETE FROM [dbo].[Orders]", "DELETE [dbo].[Orders]")]
    [InlineData("UPDATE Users SET Note = 'WHERE Id = 1'", "UPDATE Users")]
    [InlineData("UPDATE Users SET Name = (SELECT Name FROM Users u WHERE u.Id = 1)", "UPDATE Users")]
    [InlineData("WITH old AS (SELECT Id FROM Orders WHERE Archived = 1) DELETE FROM Orders", "DELETE Orders")]
    [InlineData("SELECT 1; DELETE FROM Orders; SELECT 2", "DELETE Orders")]
    [InlineData("DELETE FROM a; UPDATE b SET x = 1", "DELETE a | UPDATE b")]
    [InlineData("UPDATE t SET body = $$ WHERE x $$", "UPDATE t")]
    [InlineData("UPDATE \"Users\" SET \"Name\" = 'it''s WHERE'", "UPDATE \"Users\"")]
    public void Statements_that_write_every_row(string sql, string expected) => Assert.Equal(expected, Unbounded(sql));

    [Theory]
    [InlineData("DELETE FROM Orders WHERE Archived = 1")]
    [InlineData("update Users set Name = @name where Id = @id")]
    [InlineData("DELETE o FROM Orders o JOIN Users u ON u.Id = o.UserId")]
    [InlineData("UPDATE t SET x = 1 FROM t INNER JOIN u ON u.Id = t.UserId")]
    [InlineData("DELETE FROM Orders WHERE CURRENT OF orders_cursor")]
    [InlineData("SELECT * FROM Orders")]
    [InlineData("INSERT INTO Orders (Id) VALUES (1)")]
    [InlineData("WITH d AS (DELETE FROM Orders RETURNING *) SELECT * FROM d")]
    [InlineData("SELECT 'DELETE FROM Orders'")]
    [InlineData("-- DELETE FROM Orders")]
    [InlineData("")]
    [InlineData(";;;")]
    [InlineData("DELETE")]
    [InlineData("/* unterminated DELETE FROM Orders")]
    [InlineData("DELETE FROM Orders /* unterminated")]
    [InlineData("UPDATE t SET body = $x$ unterminated")]
    [InlineData("UPDATE t SET x = 'unterminated")]
    public void Statements_that_are_bounded_or_not_writes(string sql) => Assert.Equal("", Unbounded(sql));

    [Fact]
    public void A_spliced_piece_where_a_clause_could_be_makes_the_statement_undecidable()
    {
        var hole = SqlWriteScope.Hole.ToString();
        Assert.Equal("", Unbounded("DELETE FROM Orders " + hole));
        Assert.Equal("UPDATE Users", Unbounded("UPDATE Users SET Name = " + hole));
        Assert.Equal("UPDATE Users", Unbounded("UPDATE Users SET Name = 'a', Note = " + hole));
        Assert.Equal("", Unbounded("UPDATE Users SET Name = 'a' " + hole));
    }

    [Fact]
    public void The_offset_points_at_the_statement()
    {
        var write = Assert.Single(SqlWriteScope.FindUnboundedWrites("SELECT 1;\n  DELETE FROM Orders"));
        Assert.Equal(12, write.Offset);
        Assert.Equal("DELETE", write.Verb);
        Assert.Equal("Orders", write.Target);
    }
}
