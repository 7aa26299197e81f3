using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations;

/// <summary>
/// A label a migration adds to an existing enum type (<c>ALTER TYPE t ADD VALUE 'x'</c>) and a later statement of the
/// same migration that uses it (a literal <c>'x'</c> in an INSERT, UPDATE, DEFAULT, CHECK…). In one transaction this
/// fails on every PostgreSQL version: before 12 the ADD VALUE itself is refused in a transaction block, from 12 on the
/// label cannot be used before the transaction commits ("unsafe use of new value"). A type the migration creates
/// itself is exempt: PostgreSQL allows its new labels at once.
/// </summary>
internal static class NewEnumLabelUse
{
    /// <summary>Each label added and the first later step that uses it.</summary>
    public static IEnumerable<(MigrationOperation Add, MigrationOperation Use, string Label)> In(IReadOnlyList<MigrationOperation> steps, MigrationDatabase database)
    {
        var created = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < steps.Count; k++)
        {
            var step = steps[k];
            if (step.ObjectType != "type" || step.Name is null)
            {
                continue;
            }

            if (step.Kind == MigrationOperationKind.CreateObject)
            {
                created.Add(TypeKey(step.Name));
                continue;
            }

            if (step.Kind != MigrationOperationKind.AlterObject || step.RenamesEnumLabel || step.NewName is not null || step.EnumLabels is not [var label]
                || created.Contains(TypeKey(step.Name)))
            {
                continue;
            }

            // ALTER TYPE … ADD VALUE 'b' AFTER 'a' names a label without using it as a value: only other statements count.
            var use = steps.Skip(k + 1).FirstOrDefault(s => s.ObjectType != "type"
                && SqlTokenizer.Tokenize(s.Text ?? string.Empty, database).Any(t => t.Kind == SqlTokenKind.String && t.Text == label));
            if (use is not null)
            {
                yield return (step, use, label);
            }
        }
    }

    private static string TypeKey(string type)
    {
        var name = MigrationOperation.NormalizeName(type.Replace(" ", string.Empty, StringComparison.Ordinal));
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
