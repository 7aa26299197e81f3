namespace Hotfix.Migrations.Formats;

/// <summary>
/// The keys of one Liquibase <c>&lt;column&gt;</c>: its <c>&lt;constraints&gt;</c> may make it the primary key, unique,
/// or a foreign key (<c>references="customers(id)"</c> or <c>referencedTableName</c>).
/// </summary>
internal static class LiquibaseKeys
{
    public static IEnumerable<MigrationOperation> OfColumn(TreeNode column, string? table, int line)
    {
        var name = column.Get("name");
        var constraints = column.All("constraints").FirstOrDefault();
        if (name is null || constraints is null)
        {
            yield break;
        }

        MigrationOperation Key(ConstraintKind kind) =>
            new(MigrationOperationKind.AddConstraint) { Table = table, Constraint = kind, KeyColumns = [name], Line = line };
        if (IsTrue(constraints.Get("primaryKey")))
        {
            yield return Key(ConstraintKind.PrimaryKey);
        }
        else if (IsTrue(constraints.Get("unique")))
        {
            yield return Key(ConstraintKind.Unique);
        }

        var referenced = constraints.Get("referencedTableName") ?? constraints.Get("references")?.Split('(')[0].Trim();
        if (referenced is not null)
        {
            var foreignKey = Key(ConstraintKind.ForeignKey);
            foreignKey.ReferencedTable = referenced;
            yield return foreignKey;
        }
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
