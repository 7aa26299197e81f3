namespace Hotfix.Migrations.Detection;

/// <summary>
/// The enum types the migrations made and the labels each has, followed through <c>ADD VALUE</c>, renames and drops.
/// PostgreSQL cannot take a label out of an enum, so frameworks swap the type (TypeORM: rename it <c>_old</c>, create
/// it again, move the column with <c>USING status::text::t</c>, drop the old one; Prisma: create <c>t_new</c>, move,
/// rename both): whether the swap loses anything is whether every old label is still there.
/// </summary>
internal sealed class EnumTypes
{
    private readonly Dictionary<string, List<string>> labels = new(StringComparer.Ordinal);

    public EnumTypes Copy()
    {
        var copy = new EnumTypes();
        foreach (var (name, list) in labels)
        {
            copy.labels[name] = [.. list];
        }

        return copy;
    }

    /// <summary>The labels of the enum type <paramref name="type"/> names (any schema, quoting or spacing), or null.</summary>
    public IReadOnlyList<string>? LabelsOf(string? type) => type is not null && labels.TryGetValue(Key(type), out var list) ? list : null;

    public bool Any => labels.Count > 0;

    public void Observe(MigrationOperation op)
    {
        if (op.ObjectType != "type" || op.Name is null)
        {
            return;
        }

        var key = Key(op.Name);
        switch (op.Kind)
        {
            case MigrationOperationKind.CreateObject when op.EnumLabels is not null:
                labels[key] = [.. op.EnumLabels];
                break;
            case MigrationOperationKind.AlterObject when labels.TryGetValue(key, out var list):
                if (op.NewName is not null)
                {
                    labels.Remove(key);
                    labels[Key(op.NewName)] = list;
                }
                else if (op.RenamesEnumLabel && op.EnumLabels is [var from, var to] && list.IndexOf(from) is var at and >= 0)
                {
                    list[at] = to;
                }
                else if (op.EnumLabels is [var added] && !list.Contains(added))
                {
                    list.Add(added);
                }

                break;
            case MigrationOperationKind.DropObject:
                labels.Remove(key);
                break;
        }
    }

    /// <summary>How a type change spells an enum's labels, for <see cref="ColumnTypeChange"/>: <c>enum('a','b')</c>.</summary>
    public static string Spell(IReadOnlyList<string> labels) => "enum(" + string.Join(",", labels.Select(l => "'" + l.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")";

    private static string Key(string type)
    {
        var name = MigrationOperation.NormalizeName(type.Replace(" ", string.Empty, StringComparison.Ordinal));
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
