using Hotfix.Migrations.Rollback;

namespace Hotfix.Migrations.Tests.Rollback;

/// <summary>The undo of each kind of step: SQL only from what the migration states, and the data each step loses.</summary>
public class ForwardStepsTests
{
    private static MigrationOperation Op(MigrationOperationKind kind, string? table = "orders", string? column = null, string? name = null) =>
        new(kind) { Table = table, Column = column, Name = name };

    [Fact]
    public void What_the_hotfix_created_is_dropped_newest_step_first_and_the_data_written_since_is_named()
    {
        var steps = ForwardSteps.Undo(
            [
                Op(MigrationOperationKind.CreateTable, "discount_audit"),
                Op(MigrationOperationKind.AddColumn, column: "discount"),
                Op(MigrationOperationKind.CreateIndex, name: "orders_discount_idx"),
            ],
            MigrationDatabase.PostgreSql);

        Assert.Equal(["DROP INDEX orders_discount_idx;", "ALTER TABLE orders DROP COLUMN discount;", "DROP TABLE discount_audit;"], steps.Select(s => s.Sql));
        Assert.Equal([null, "every value written to orders.discount since the hotfix", "every row written to discount_audit since the hotfix"], steps.Select(s => s.DataLoss));
    }

    [Fact]
    public void MySql_drops_an_index_on_its_table() =>
        Assert.Equal("DROP INDEX ix ON orders;", ForwardSteps.Undo([Op(MigrationOperationKind.CreateIndex, name: "ix")], MigrationDatabase.MySql)[0].Sql);

    [Fact]
    public void Renames_go_back_without_loss()
    {
        var column = new MigrationOperation(MigrationOperationKind.RenameColumn) { Table = "orders", Column = "note", NewName = "remark" };
        var table = new MigrationOperation(MigrationOperationKind.RenameTable) { Table = "orders", NewName = "purchases" };
        var steps = ForwardSteps.Undo([table, column], MigrationDatabase.PostgreSql);
        Assert.Equal(["ALTER TABLE orders RENAME COLUMN remark TO note;", "ALTER TABLE purchases RENAME TO orders;"], steps.Select(s => s.Sql));
        Assert.All(steps, s => Assert.Null(s.DataLoss));
    }

    [Fact]
    public void What_the_migration_does_not_state_is_never_guessed()
    {
        var dropped = ForwardSteps.Undo([Op(MigrationOperationKind.DropColumn, column: "legacy"), Op(MigrationOperationKind.DropTable, "archive")], MigrationDatabase.PostgreSql);
        Assert.All(dropped, s => Assert.Null(s.Sql));
        Assert.Contains("take it from main's schema", dropped[1].What);
        Assert.All(dropped, s => Assert.Contains("backup", s.DataLoss));

        var typed = ForwardSteps.Undo([new MigrationOperation(MigrationOperationKind.DropColumn) { Table = "orders", Column = "legacy", OldType = "text" }], MigrationDatabase.PostgreSql);
        Assert.Equal("ALTER TABLE orders ADD COLUMN legacy text;", typed[0].Sql);

        var update = ForwardSteps.Undo([new MigrationOperation(MigrationOperationKind.UpdateData) { Table = "orders", Text = "UPDATE orders SET total = 0" }], MigrationDatabase.PostgreSql);
        Assert.Null(update[0].Sql);
        Assert.Contains("cannot be put back from the migration", update[0].What);
    }

    [Fact]
    public void A_type_change_goes_back_with_the_values_that_may_not_fit()
    {
        var step = ForwardSteps.Undo([new MigrationOperation(MigrationOperationKind.AlterColumn) { Table = "orders", Column = "total", OldType = "numeric(12,2)", NewType = "numeric(14,4)" }], MigrationDatabase.PostgreSql)[0];
        Assert.Equal("ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);", step.Sql);
        Assert.Contains("do not fit numeric(12,2)", step.DataLoss);
    }

    [Fact]
    public void A_down_step_loses_what_it_drops()
    {
        Assert.Equal("every row of orders", ForwardSteps.LossOf(Op(MigrationOperationKind.DropTable)));
        Assert.Equal("every value in orders.note", ForwardSteps.LossOf(Op(MigrationOperationKind.DropColumn, column: "note")));
        Assert.Null(ForwardSteps.LossOf(Op(MigrationOperationKind.CreateIndex, name: "ix")));
        Assert.Null(ForwardSteps.LossOf(Op(MigrationOperationKind.AddColumn, column: "note")));
    }
}
