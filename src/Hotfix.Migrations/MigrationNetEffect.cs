namespace Hotfix.Migrations;

/// <summary>
/// Reads one direction of a migration as a sequence rather than a bag of steps. What it creates and drops again is a
/// temporary (with every step on it in between), and so is a <c>TEMPORARY</c> table: its net effect is nothing. A table rebuild (create <c>__new_t</c>,
/// copy, drop <c>t</c>, rename <c>__new_t</c> to <c>t</c>) nets out to "table t altered", whose columns the steps do
/// not spell out.
/// </summary>
internal static class MigrationNetEffect
{
    /// <summary>The steps whose effect the same direction undoes (compared by reference).</summary>
    public static IReadOnlySet<MigrationOperation> Temporaries(IReadOnlyList<MigrationOperation> steps)
    {
        var result = new HashSet<MigrationOperation>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < steps.Count; k++)
        {
            var created = steps[k];
            var isTable = created.Kind == MigrationOperationKind.CreateTable;
            if (!isTable && created.Kind != MigrationOperationKind.AddColumn || created.Table is null)
            {
                continue;
            }

            // A TEMPORARY table lasts until the session (or ON COMMIT DROP) ends: every later step on it goes with it.
            var drop = isTable && created.Temporary ? steps.Count - 1 : Enumerable.Range(k + 1, steps.Count - k - 1).FirstOrDefault(j => Drops(steps[j], created, isTable), -1);
            if (drop < 0)
            {
                continue;
            }

            for (var j = k; j <= drop; j++)
            {
                if (isTable ? MigrationOperation.SameTable(steps[j].Table, created.Table) : SameColumn(steps[j], created))
                {
                    result.Add(steps[j]);
                }
            }
        }

        return result;
    }

    /// <summary>The steps of table rebuilds: the new table, the copy, the drop of the old one and the rename.</summary>
    public static IReadOnlySet<MigrationOperation> Rebuilds(IReadOnlyList<MigrationOperation> steps)
    {
        var result = new HashSet<MigrationOperation>(ReferenceEqualityComparer.Instance);
        foreach (var rename in steps.Where(s => s.Kind == MigrationOperationKind.RenameTable && s.NewName is not null))
        {
            var create = steps.FirstOrDefault(s => s.Kind == MigrationOperationKind.CreateTable && MigrationOperation.SameTable(s.Table, rename.Table));
            var drop = steps.FirstOrDefault(s => s.Kind == MigrationOperationKind.DropTable && MigrationOperation.SameTable(s.Table, rename.NewName));
            if (create is null || drop is null)
            {
                continue;
            }

            result.UnionWith([create, drop, rename]);
            result.UnionWith(steps.Where(s => s.Kind == MigrationOperationKind.InsertData && MigrationOperation.SameTable(s.Table, rename.Table)));
        }

        return result;
    }

    private static bool Drops(MigrationOperation step, MigrationOperation created, bool isTable) => isTable
        ? step.Kind == MigrationOperationKind.DropTable && MigrationOperation.SameTable(step.Table, created.Table)
        : step.Kind == MigrationOperationKind.DropColumn && SameColumn(step, created);

    /// <summary>Both steps are about the same column of the same table.</summary>
    public static bool SameColumn(MigrationOperation a, MigrationOperation b) =>
        MigrationOperation.SameTable(a.Table, b.Table) && a.Column is not null
        && MigrationOperation.NormalizeName(a.Column) == MigrationOperation.NormalizeName(b.Column);
}
