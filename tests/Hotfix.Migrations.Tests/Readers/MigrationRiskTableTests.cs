using Hotfix.Migrations;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Tests.Readers;

/// <summary>The shared risk table and type-change classifier — what the analyzers will ask too.</summary>
public class MigrationRiskTableTests
{
    [Theory]
    [InlineData("numeric(12,2)", "numeric(14,2)", nameof(TypeChangeEffect.Widening))]
    [InlineData("decimal(12, 2)", "numeric(14,2)", nameof(TypeChangeEffect.Widening))]
    [InlineData("numeric(14,2)", "numeric(12,2)", nameof(TypeChangeEffect.Narrowing))]
    [InlineData("numeric(12,2)", "numeric(12,1)", nameof(TypeChangeEffect.Narrowing))]
    [InlineData("numeric(12,2)", "numeric(13,3)", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("numeric(12,2)", "numeric", nameof(TypeChangeEffect.Widening))]
    [InlineData("varchar(50)", "varchar(100)", nameof(TypeChangeEffect.Widening))]
    [InlineData("character varying(200)", "varchar(50)", nameof(TypeChangeEffect.Narrowing))]
    [InlineData("varchar(50)", "text", nameof(TypeChangeEffect.Widening))]
    [InlineData("nvarchar(50)", "nvarchar(max)", nameof(TypeChangeEffect.Widening))]
    [InlineData("text", "varchar(20)", nameof(TypeChangeEffect.Narrowing))]
    [InlineData("integer", "bigint", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("int8", "int4", nameof(TypeChangeEffect.Narrowing))]
    [InlineData("timestamp", "timestamptz", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("text", "integer", nameof(TypeChangeEffect.Unknown))]
    [InlineData(null, "integer", nameof(TypeChangeEffect.Unknown))]
    [InlineData(null, "varchar(200)", nameof(TypeChangeEffect.Unknown))]
    [InlineData(null, "text", nameof(TypeChangeEffect.Rewrite))] // every value has a text form: no loss, whatever it was
    [InlineData(null, "nvarchar(max)", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("INTEGER", "int", nameof(TypeChangeEffect.None))]
    [InlineData("int", "nvarchar(max)", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("integer", "varchar", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("bigint", "varchar(20)", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("bigint", "varchar(19)", nameof(TypeChangeEffect.Narrowing))]
    [InlineData("uuid", "char(36)", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("uuid", "char", nameof(TypeChangeEffect.Narrowing))]
    [InlineData("numeric(10,2)", "varchar(13)", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("numeric", "varchar(50)", nameof(TypeChangeEffect.Unknown))]
    [InlineData("bytea", "varchar(100)", nameof(TypeChangeEffect.Unknown))]
    [InlineData("datetime2", "date", nameof(TypeChangeEffect.Narrowing))]
    [InlineData("date", "timestamp with time zone", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("bit", "int", nameof(TypeChangeEffect.Unknown))] // PostgreSQL: no automatic bit → integer cast
    // Enum names, not values: the enum is internal and xunit theories are public methods.
    public void Classifies_type_changes(string? from, string to, string expected) =>
        Assert.Equal(Enum.Parse<TypeChangeEffect>(expected), ColumnTypeChange.Classify(from, to, MigrationDatabase.PostgreSql).Effect);

    [Theory]
    [InlineData("bit", "int", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("bit", "tinyint", nameof(TypeChangeEffect.Rewrite))]
    [InlineData("bit(8)", "tinyint", nameof(TypeChangeEffect.Unknown))]
    [InlineData("datetime2", "date", nameof(TypeChangeEffect.Narrowing))]
    [InlineData("int", "nvarchar(5)", nameof(TypeChangeEffect.Narrowing))]
    public void Classifies_type_changes_on_SQL_Server(string from, string to, string expected) =>
        Assert.Equal(Enum.Parse<TypeChangeEffect>(expected), ColumnTypeChange.Classify(from, to, MigrationDatabase.SqlServer).Effect);

    [Fact]
    public void Mysql_rewrites_when_a_varchar_crosses_255_bytes()
    {
        Assert.Equal(TypeChangeEffect.Rewrite, ColumnTypeChange.Classify("varchar(200)", "varchar(300)", MigrationDatabase.MySql).Effect);
        Assert.Equal(TypeChangeEffect.Widening, ColumnTypeChange.Classify("varchar(200)", "varchar(300)", MigrationDatabase.PostgreSql).Effect);
    }

    [Fact]
    public void An_analyzer_that_sees_DropColumn_in_Up_gets_HF2002_with_the_recipe()
    {
        var op = EfMigrationBuilderCalls.ToOperation("DropColumn", [new EfArgument("name", "Note", true), new EfArgument("table", "Orders", true)])!;
        var risk = Assert.Single(MigrationRiskTable.Assess(op, new MigrationRiskContext(MigrationDatabase.SqlServer)));
        Assert.Equal(RuleIds.DestructiveMigration, risk.RuleId);
        Assert.Equal("drop-column", risk.RowId);
        Assert.Same(MigrationRecipes.DropColumn, risk.Recipe);
    }

    [Fact]
    public void Positional_ef_arguments_bind_in_signature_order()
    {
        var op = EfMigrationBuilderCalls.ToOperation("RenameColumn", [new EfArgument(null, "Total", true), new EfArgument(null, "Orders", true), new EfArgument(null, "Amount", true)])!;
        Assert.Equal("Orders.Total -> Amount", op.Object);
        Assert.Equal(RuleIds.BackwardIncompatibleMigration, Assert.Single(MigrationRiskTable.Assess(op, new MigrationRiskContext(MigrationDatabase.PostgreSql))).RuleId);
        Assert.Null(EfMigrationBuilderCalls.ToOperation("HasAnnotation", []));
    }

    [Fact]
    public void Ef_alter_column_nullability_and_concurrent_index_annotations()
    {
        var notNull = EfMigrationBuilderCalls.ToOperation("AlterColumn", [new("name", "Email", true), new("table", "Users", true), new("type", "text", true), new("oldType", "text", true), new("nullable", "false", true), new("oldNullable", "true", true)])!;
        Assert.Equal(["set-not-null"], MigrationRiskTable.Assess(notNull, new MigrationRiskContext(MigrationDatabase.PostgreSql)).Select(r => r.RowId));
        var index = EfMigrationBuilderCalls.ToOperation("CreateIndex", [new("name", "IX", true), new("table", "Users", true), new("column", "Email", true)], [new("Npgsql:CreatedConcurrently", "true")])!;
        Assert.True(index.Concurrently);
        Assert.Empty(MigrationRiskTable.Assess(index, new MigrationRiskContext(MigrationDatabase.PostgreSql)));
    }

    [Fact]
    public void Tables_created_earlier_in_the_same_migration_are_exempt_from_locking_and_compatibility_rows()
    {
        var ops = new[]
        {
            new MigrationOperation(MigrationOperationKind.CreateTable) { Table = "refunds" },
            new MigrationOperation(MigrationOperationKind.AddColumn) { Table = "refunds", Column = "amount", NewNullable = false, HasDefault = false },
            new MigrationOperation(MigrationOperationKind.CreateIndex) { Table = "public.refunds", Name = "ix" },
            new MigrationOperation(MigrationOperationKind.CreateIndex) { Table = "orders", Name = "ix2" },
        };
        var risks = MigrationRiskTable.AssessAll(ops, MigrationDatabase.PostgreSql);
        Assert.Equal([0, 0, 0, 1], risks.Select(r => r.Count));
    }

    [Fact]
    public void Locking_rows_depend_on_the_database_and_say_when_postgresql_was_assumed()
    {
        var index = new MigrationOperation(MigrationOperationKind.CreateIndex) { Table = "orders", Name = "ix" };
        Assert.Empty(MigrationRiskTable.Assess(index, new MigrationRiskContext(MigrationDatabase.MySql)));
        Assert.Empty(MigrationRiskTable.Assess(index, new MigrationRiskContext(MigrationDatabase.Sqlite)));
        Assert.Contains("assumed", Assert.Single(MigrationRiskTable.Assess(index, new MigrationRiskContext(MigrationDatabase.Unknown))).Reason, StringComparison.Ordinal);
        Assert.Contains("ONLINE", Assert.Single(MigrationRiskTable.Assess(index, new MigrationRiskContext(MigrationDatabase.SqlServer))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validating_a_constraint_added_not_valid_in_the_same_migration_holds_the_lock()
    {
        var ops = new[]
        {
            new MigrationOperation(MigrationOperationKind.AddConstraint) { Table = "orders", Name = "fk", Constraint = ConstraintKind.ForeignKey, NotValid = true },
            new MigrationOperation(MigrationOperationKind.ValidateConstraint) { Table = "orders", Name = "fk" },
        };
        var risks = MigrationRiskTable.AssessAll(ops, MigrationDatabase.PostgreSql);
        Assert.Empty(risks[0]);
        Assert.Equal("validate-in-same-migration", Assert.Single(risks[1]).RowId);
    }

    [Fact]
    public void Every_row_has_a_rule_of_the_data_integrity_block_and_a_recipe()
    {
        Assert.All(MigrationRiskTable.Rows, row =>
        {
            Assert.Equal(RuleCategory.DataIntegrity, RuleCatalogue.Get(row.RuleId).Category);
            Assert.False(string.IsNullOrWhiteSpace(row.Recipe.Summary));
        });
        Assert.Equal(MigrationRiskTable.Rows.Count, MigrationRiskTable.Rows.Select(r => r.Id).Distinct().Count());
    }
}
