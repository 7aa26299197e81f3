using Hotfix.Migrations;
using Hotfix.Policy.Rules;

namespace Hotfix.Analyzers.Tests;

/// <summary>
/// The migration risk table compiled into the netstandard2.0 analyzer assembly (linked from Hotfix.Policy/Shared):
/// an analyzer that sees <c>migrationBuilder.DropColumn(…)</c> in <c>Up</c> gets the same rule, reason and recipe as
/// <c>hotfix check</c>.
/// </summary>
public class SharedMigrationRiskTableTests
{
    [Fact]
    public void The_risk_table_lives_in_the_analyzer_assembly()
    {
        Assert.Equal(typeof(HotfixDescriptors).Assembly, typeof(MigrationRiskTable).Assembly);
    }

    [Fact]
    public void DropColumn_in_Up_is_HF2002_with_the_expand_contract_recipe()
    {
        var op = EfMigrationBuilderCalls.ToOperation("DropColumn", [new EfArgument("name", "Note", true), new EfArgument("table", "Orders", true)]);
        Assert.NotNull(op);
        var risk = Assert.Single(MigrationRiskTable.Assess(op, new MigrationRiskContext(MigrationDatabase.Unknown)));
        Assert.Equal(RuleIds.DestructiveMigration, risk.RuleId);
        Assert.Equal("expand-contract-column", risk.Recipe.Id);
        Assert.Equal("Destructive migration", RuleCatalogue.Get(risk.RuleId).Title);
    }

    [Fact]
    public void A_widening_AlterColumn_is_not_a_risk()
    {
        var op = EfMigrationBuilderCalls.ToOperation("AlterColumn",
        [
            new EfArgument("name", "Total", true), new EfArgument("table", "Orders", true), new EfArgument("type", "numeric(14,2)", true),
            new EfArgument("oldType", "numeric(12,2)", true),
        ]);
        Assert.NotNull(op);
        Assert.Empty(MigrationRiskTable.Assess(op, new MigrationRiskContext(MigrationDatabase.PostgreSql)));
    }
}
