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
    [InlineData("WITH everything AS (SELECT * FROM Orders ORDER BY Id) DELETE FROM everything", "DELETE everything")]
    [InlineData("WITH b AS (SELECT TOP (10) * FROM Orders WHERE Archived = 1) DELETE FROM Orders", "DELETE Orders")]
    [InlineData("WITH b AS (SELECT Id FROM Orders WHERE Archived = 1), a AS (SELECT * FROM Orders) UPDATE a SET x = 1", "UPDATE a")]
    [InlineData("UPDATE StatisticsLog SET Seen = 1", "UPDATE StatisticsLog")]
    [InlineData("UPDATE t SET body = $$ WHERE x $$", "UPDATE t")]
    [InlineData("UPDATE \"Users\" SET \"Name\" = 'it''s WHERE'", "UPDATE \"Users\"")]
    [InlineData("CREATE TABLE staging (id int); DELETE FROM staging", "DELETE staging")]
    [InlineData("DELETE FROM staging; CREATE TEMP TABLE staging (id int)", "DELETE staging")]
    [InlineData("CREATE TEMP TABLE work (id int); TRUNCATE Orders", "TRUNCATE Orders")]
    public void Statements_that_write_every_row(string sql, string expected) => Assert.Equal(expected, Unbounded(sql));

    [Theory]
    [InlineData("DELETE FROM Orders WHERE Archived = 1")]
    [InlineData("update Users set Name = @name where Id = @id")]
    [InlineData("DELETE o FROM Orders o JOIN Users u ON u.Id = o.UserId")]
    [InlineData("UPDATE t SET x = 1 FROM t INNER JOIN u ON u.Id = t.UserId")]
    [InlineData("DELETE FROM Orders WHERE CURRENT OF orders_cursor")]
    [InlineData("UPDATE STATISTICS dbo.Orders")]
    [InlineData("update statistics Orders WITH FULLSCAN")]
    [InlineData("WITH batch AS (SELECT TOP (1000) * FROM Orders WHERE Archived = 1 ORDER BY Id) DELETE FROM batch")]
    [InlineData("WITH [batch] (Id) AS (SELECT TOP 500 Id FROM Orders) DELETE FROM [batch]")]
    [InlineData("WITH a AS (SELECT * FROM Orders), b AS (SELECT * FROM Orders o JOIN Users u ON u.Id = o.UserId) UPDATE b SET Seen = 1")]
    [InlineData("WITH RECURSIVE page AS (SELECT * FROM Orders ORDER BY Id LIMIT 100) DELETE FROM page")]
    [InlineData("WITH everything AS (SELECT * FROM Orders) DELETE FROM everything WHERE Id = 1")]
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
    [InlineData("TRUNCATE TABLE #staging")]
    [InlineData("DELETE FROM #work; UPDATE ##shared SET x = 1")]
    [InlineData("DECLARE @ids TABLE (Id int); DELETE FROM @ids")]
    [InlineData("DELETE FROM [#work]")]
    [InlineData("CREATE TEMP TABLE tmp_ids (id int); DELETE FROM tmp_ids")]
    [InlineData("create temporary table if not exists `work` (id int); update work set id = 1; truncate table work")]
    [InlineData("CREATE GLOBAL TEMPORARY TABLE session_rows (id int); DELETE FROM SESSION_ROWS")]
    [InlineData("DELETE FROM pg_temp.scratch")]
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

    /// <summary>
    /// HF2009's syntax test (SqlSyntax.MayWriteEveryRow) skips this scan for text that never spells DELETE, UPDATE or
    /// TRUNCATE in any letter case, so only such text may ever hold an unbounded write — whatever its other verbs,
    /// comments, quoting, holes and letters that change case outside ASCII (ı, ſ, K).
    /// </summary>
    [Fact]
    public void Only_text_that_spells_a_write_verb_can_write_every_row()
    {
        string[] pieces =
        [
            "DELETE FROM Orders", "delete t", "UpDaTe Users SET a = 1", "TRUNCATE TABLE x", "truncate x", "MERGE INTO t USING s ON 1 = 1",
            "REPLACE INTO t VALUES (1)", "INSERT INTO t SELECT * FROM s", "SELECT * FROM t", "WITH a AS (SELECT 1) SELECT * FROM a",
            "DROP TABLE t", "ALTER TABLE t ADD c int", "EXEC dbo.Purge", "UPSERT t", "DEL t", "UPDATED t SET", "ıpdate t SET a = 1",
            "ſelect 1", "uPDATE Kelvin SET a = 1", "-- DELETE FROM t", "/* UPDATE t */", "'TRUNCATE t'", "[Delete] t", "\"update\"",
            " WHERE Id = 1", ";", " ", SqlWriteScope.Hole.ToString(), "(", ")", "$$ x $$", "N'x'",
        ];
        var random = new Random(20261206);
        var withWrites = 0;
        var checkedTexts = 0;
        for (var i = 0; i < 20000; i++)
        {
            var sql = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            var spellsWrite = new[] { "delete", "update", "truncate" }.Any(w => sql.Contains(w, StringComparison.OrdinalIgnoreCase));
            var writes = SqlWriteScope.FindUnboundedWrites(sql).Count;
            if (!spellsWrite)
            {
                Assert.True(writes == 0, sql);
                checkedTexts++;
            }

            withWrites += writes > 0 ? 1 : 0;
        }

        Assert.True(checkedTexts > 1000 && withWrites > 1000, $"{checkedTexts} texts without a write verb, {withWrites} with an unbounded write");
    }
}
