using Hotfix.Migrations.Code;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// The keys in one argument of an Alembic <c>create_table</c> or <c>add_column</c>: <c>sa.Column(…, sa.ForeignKey("t.id"),
/// index=True | unique=True | primary_key=True)</c>, <c>sa.ForeignKeyConstraint(["c"], ["t.id"])</c>,
/// <c>sa.PrimaryKeyConstraint("id")</c>, <c>sa.UniqueConstraint("c")</c>, <c>sa.Index("ix", "c")</c>.
/// </summary>
internal static class AlembicKeys
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "Column", "ForeignKeyConstraint", "PrimaryKeyConstraint", "UniqueConstraint", "Index",
    };

    public static IEnumerable<MigrationOperation> Of(string raw, string? table, int line)
    {
        var code = new CodeText(raw, SourceLanguage.Python);
        var call = code.Calls(0, raw.Length, Names.Contains).FirstOrDefault();
        if (call is null || table is null)
        {
            yield break;
        }

        MigrationOperation Key(MigrationOperationKind kind, ConstraintKind constraint, IReadOnlyList<string>? columns) =>
            new(kind) { Table = table, Constraint = constraint, KeyColumns = columns, Line = line };
        var positional = call.Arguments.Where(a => a.Key is null).ToList();
        switch (call.Name)
        {
            case "Column":
                var column = call.Positional(0);
                if (column is null)
                {
                    yield break;
                }

                var reference = code.Calls(call.ArgsStart, call.ArgsEnd, n => n == "ForeignKey").FirstOrDefault()?.Positional(0);
                if (reference is not null)
                {
                    var foreignKey = Key(MigrationOperationKind.AddConstraint, ConstraintKind.ForeignKey, [column]);
                    foreignKey.ReferencedTable = reference.Contains('.', StringComparison.Ordinal) ? reference[..reference.LastIndexOf('.')] : reference;
                    yield return foreignKey;
                }

                if (DslSupport.IsTrue(call.Keyword("primary_key")))
                {
                    yield return Key(MigrationOperationKind.AddConstraint, ConstraintKind.PrimaryKey, [column]);
                }
                else if (DslSupport.IsTrue(call.Keyword("unique")))
                {
                    yield return Key(MigrationOperationKind.AddConstraint, ConstraintKind.Unique, [column]);
                }
                else if (DslSupport.IsTrue(call.Keyword("index")))
                {
                    yield return Key(MigrationOperationKind.CreateIndex, ConstraintKind.Unknown, [column]);
                }

                break;
            case "ForeignKeyConstraint":
                var constraint = Key(MigrationOperationKind.AddConstraint, ConstraintKind.ForeignKey, KeyColumnText.Names(positional.ElementAtOrDefault(0)?.Raw));
                var remote = KeyColumnText.Names(positional.ElementAtOrDefault(1)?.Raw)?.FirstOrDefault();
                constraint.ReferencedTable = remote is not null && remote.Contains('.', StringComparison.Ordinal) ? remote[..remote.LastIndexOf('.')] : null;
                yield return constraint;
                break;
            case "PrimaryKeyConstraint":
            case "UniqueConstraint":
                var columns = positional.Select(a => a.Value).OfType<string>().ToList();
                yield return Key(
                    MigrationOperationKind.AddConstraint,
                    call.Name == "PrimaryKeyConstraint" ? ConstraintKind.PrimaryKey : ConstraintKind.Unique,
                    columns.Count > 0 ? columns : null);
                break;
            default:
                var indexed = positional.Skip(1).Select(a => a.Value ?? "(" + a.Raw + ")").ToList();
                yield return Key(MigrationOperationKind.CreateIndex, ConstraintKind.Unknown, indexed.Count > 0 ? indexed : null);
                break;
        }
    }
}
