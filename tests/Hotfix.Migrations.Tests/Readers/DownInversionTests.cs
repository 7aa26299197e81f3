using Hotfix.Migrations;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Tests.Readers;

public class DownInversionTests
{
    private static DownInversion.Result Check(string up, string down, MigrationDatabase database = MigrationDatabase.PostgreSql) =>
        DownInversion.Check(SqlParsers.For(database).Parse(up), SqlParsers.For(database).Parse(down), database);

    [Fact]
    public void A_down_that_undoes_every_step_inverts()
    {
        var result = Check(
            "CREATE TABLE a (id int); ALTER TABLE b ADD COLUMN c int; CREATE INDEX ix ON b (c); ALTER TABLE b RENAME COLUMN d TO e;",
            "ALTER TABLE b RENAME COLUMN e TO d; DROP INDEX public.ix; ALTER TABLE b DROP COLUMN c; DROP TABLE a;");
        Assert.Equal(DownStatus.Inverts, result.Status);
    }

    [Fact]
    public void A_down_that_takes_apart_a_created_table_before_dropping_it_inverts()
    {
        const string up = "CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint CONSTRAINT invoices_order_fk REFERENCES orders (id)); CREATE INDEX invoices_order_idx ON invoices (order_id);";
        Assert.Equal(DownStatus.Inverts, Check(up, "ALTER TABLE invoices DROP CONSTRAINT invoices_order_fk; DROP INDEX invoices_order_idx; DROP TABLE invoices;").Status);

        // Dropping a key of a table the down keeps is still a step the up never did the opposite of.
        var kept = Check(up, "ALTER TABLE orders DROP CONSTRAINT orders_customer_fk; DROP TABLE invoices;");
        Assert.Equal(DownStatus.DoesNotInvert, kept.Status);
        Assert.Contains("orders_customer_fk", Assert.Single(kept.Problems).Message, StringComparison.Ordinal);
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
    public void A_restated_type_in_the_down_does_not_take_the_place_of_the_step_that_undoes_the_up()
    {
        MigrationOperation Restated() => new(MigrationOperationKind.AlterColumn) { Table = "user", Column = "name", OldType = "varchar(255)", NewType = "varchar(255)" };
        var setNotNull = new MigrationOperation(MigrationOperationKind.AlterColumn) { Table = "user", Column = "name", NewNullable = false, OldNullable = true };
        var dropNotNull = new MigrationOperation(MigrationOperationKind.AlterColumn) { Table = "user", Column = "name", NewNullable = true };
        Assert.Equal(DownStatus.Inverts, DownInversion.Check([Restated(), setNotNull], [Restated(), dropNotNull]).Status);

        // A down that only restates the type leaves the NOT NULL in place.
        var kept = DownInversion.Check([Restated(), setNotNull], [Restated()]);
        Assert.False(Assert.Single(kept.Problems).InDown);
    }

    [Fact]
    public void Raw_sql_on_either_side_makes_it_unverified_not_a_finding()
    {
        Assert.Equal(DownStatus.Unverified, Check("ALTER TABLE b ADD COLUMN c int; DO $$ BEGIN END $$;", "ALTER TABLE b DROP COLUMN c;").Status);
        Assert.Equal(DownStatus.Unverified, Check("ALTER TABLE b ADD COLUMN c int;", "SELECT undo_everything();").Status);
    }

    [Fact]
    public void Temporaries_need_no_inverse_and_a_column_the_down_drops_covers_what_the_up_did_to_it()
    {
        Assert.Equal(DownStatus.Inverts, Check(
            "CREATE TABLE scratch (id int); DROP TABLE scratch; ALTER TABLE b ADD COLUMN c int; ALTER TABLE b ALTER COLUMN c TYPE bigint; ALTER TABLE b ADD COLUMN tmp int; ALTER TABLE b DROP COLUMN tmp;",
            "ALTER TABLE b DROP COLUMN c;").Status);
    }

    [Fact]
    public void A_table_rebuild_is_an_alteration_whose_inverse_cannot_be_compared()
    {
        var rebuild = "CREATE TABLE __new_t (id int, a text); INSERT INTO __new_t (id, a) SELECT id, a FROM t; DROP TABLE t; ALTER TABLE __new_t RENAME TO t;";
        var result = Check(rebuild, "CREATE TABLE __new_t (id int, a text, b text); INSERT INTO __new_t (id, a) SELECT id, a FROM t; DROP TABLE t; ALTER TABLE __new_t RENAME TO t;");
        Assert.Equal((DownStatus.Unverified, 0), (result.Status, result.Problems.Count));
    }

    [Fact]
    public void Dropping_a_column_drops_the_indexes_and_keys_on_it()
    {
        const string up = "ALTER TABLE orders ADD COLUMN region text; CREATE INDEX orders_region_idx ON orders (region);";
        Assert.Equal(DownStatus.Inverts, Check(up, "ALTER TABLE orders DROP COLUMN region;").Status);

        // PostgreSQL drops an index that involves the column; MySQL keeps it on the columns left: there it is a leftover.
        const string composite = "ALTER TABLE orders ADD COLUMN region text; CREATE INDEX orders_region_status_idx ON orders (region, status);";
        Assert.Equal(DownStatus.Inverts, Check(composite, "ALTER TABLE orders DROP COLUMN region;").Status);
        var partly = Check(composite, "ALTER TABLE orders DROP COLUMN region;", MigrationDatabase.MySql);
        Assert.Contains("orders_region_status_idx", Assert.Single(partly.Problems).Message, StringComparison.Ordinal);

        // An index on columns the down keeps is not undone by dropping another.
        var kept = Check("ALTER TABLE orders ADD COLUMN region text; CREATE INDEX orders_status_idx ON orders (status);", "ALTER TABLE orders DROP COLUMN region;");
        Assert.Contains("orders_status_idx", Assert.Single(kept.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_down_that_recreates_a_dropped_table_recreates_its_indexes_with_it()
    {
        const string down = "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint); CREATE INDEX ix_orders_user_id ON orders (user_id);";
        Assert.Equal(DownStatus.Inverts, Check("DROP TABLE orders;", down).Status);
        Assert.Equal(DownStatus.Inverts, Check("ALTER TABLE orders DROP COLUMN region;", "ALTER TABLE orders ADD COLUMN region text; CREATE INDEX ix_region ON orders (region);").Status);

        // An index on a table the up kept is a step the up never did the opposite of.
        var stranger = Check("DROP TABLE orders;", down + " CREATE INDEX ix_users_email ON users (email);");
        Assert.Contains("ix_users_email", Assert.Single(stranger.Problems).Message, StringComparison.Ordinal);
    }
}
