using Hotfix.Migrations;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Tests.Readers;

public class DownInversionTests
{
    private static DownInversion.Result Check(string up, string down) =>
        DownInversion.Check(SqlParsers.For(MigrationDatabase.PostgreSql).Parse(up), SqlParsers.For(MigrationDatabase.PostgreSql).Parse(down));

    [Fact]
    public void A_down_that_undoes_every_step_inverts()
    {
        var result = Check(
            "CREATE TABLE a (id int); ALTER TABLE b ADD COLUMN c int; CREATE INDEX ix ON b (c); ALTER TABLE b RENAME COLUMN d TO e;",
            "ALTER TABLE b RENAME COLUMN e TO d; DROP INDEX public.ix; ALTER TABLE b DROP COLUMN c; DROP TABLE a;");
        Assert.Equal(DownStatus.Inverts, result.Status);
    }

    [Fact]
    public void Leftovers_and_strangers_are_both_problems()
    {
        var result = Check("ALTER TABLE b ADD COLUMN c int;", "ALTER TABLE b DROP COLUMN x;");
        Assert.Equal(DownStatus.DoesNotInvert, result.Status);
        Assert.Equal([false, true], result.Problems.Select(p => p.InDown));
    }

    [Fact]
    public void Restoring_a_different_type_is_a_problem()
    {
        var up = new MigrationOperation(MigrationOperationKind.AlterColumn) { Table = "t", Column = "c", OldType = "varchar(50)", NewType = "varchar(100)" };
        var down = new MigrationOperation(MigrationOperationKind.AlterColumn) { Table = "t", Column = "c", NewType = "varchar(80)" };
        Assert.Contains("not back to varchar(50)", Assert.Single(DownInversion.Check([up], [down]).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_sql_on_either_side_makes_it_unverified_not_a_finding()
    {
        Assert.Equal(DownStatus.Unverified, Check("ALTER TABLE b ADD COLUMN c int; DO $$ BEGIN END $$;", "ALTER TABLE b DROP COLUMN c;").Status);
        Assert.Equal(DownStatus.Unverified, Check("ALTER TABLE b ADD COLUMN c int;", "SELECT undo_everything();").Status);
    }
}
