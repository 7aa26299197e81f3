using Hotfix.Migrations.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// FluentMigrator's fluent chains as steps of the common model. A chain is read from its root (<c>Create</c>,
/// <c>Delete</c>, <c>Alter</c>, <c>Rename</c>, <c>Execute</c>, <c>Insert</c>, <c>Update</c>; an <c>IfDatabase(…)</c> in front
/// is stepped over) through its links in order; a chain Hotfix does not know is left out, not guessed.
/// </summary>
internal static class FluentMigratorCalls
{
    private static readonly HashSet<string> Roots = ["Create", "Delete", "Alter", "Rename", "Execute", "Insert", "Update"];

    public static IEnumerable<MigrationOperation> Operations(MethodDeclarationSyntax method, MigrationDatabase database)
    {
        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            return [];
        }

        var operations = new List<MigrationOperation>();
        foreach (var outer in body.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => i.Parent is not MemberAccessExpressionSyntax))
        {
            if (Chain(outer, database) is { Count: > 1 } chain)
            {
                var line = outer.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                var text = SqlStatementRecognizer.OneLine(outer.ToString());
                operations.AddRange(Read(chain, database, line, text));
            }
        }

        return operations;
    }

    /// <summary>The links of a chain from its root: (name, the call when the link is one, else null for a property).</summary>
    private static List<(string Name, CSharpCall? Call)>? Chain(ExpressionSyntax outer, MigrationDatabase database)
    {
        var links = new List<(string, CSharpCall?)>();
        var node = outer;
        while (true)
        {
            switch (node)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation:
                    links.Add((member.Name.Identifier.Text, new CSharpCall(member.Name.Identifier.Text, invocation)));
                    node = member.Expression;
                    continue;
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax id } guard:
                    // IfDatabase("sqlserver") in front of the root: the steps run on that database only.
                    return id.Identifier.Text == "IfDatabase" && RunsOn(guard.ArgumentList.ToString(), database) ? Rooted(links) : null;
                case MemberAccessExpressionSyntax member:
                    links.Add((member.Name.Identifier.Text, null));
                    node = member.Expression;
                    continue;
                case IdentifierNameSyntax id:
                    links.Add((id.Identifier.Text, null));
                    return Rooted(links);
                case ThisExpressionSyntax:
                    return Rooted(links);
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// Whether <c>IfDatabase(…)</c>'s processor ids (<c>ProcessorId.Postgres</c>, <c>"SqlServer2016"</c>) include the
    /// project's database; a predicate, or an unknown database, is taken to run.
    /// </summary>
    private static bool RunsOn(string arguments, MigrationDatabase database)
    {
        if (database == MigrationDatabase.Unknown || arguments.Contains("=>", StringComparison.Ordinal))
        {
            return true;
        }

        string[] names = database switch
        {
            MigrationDatabase.PostgreSql => ["postgres"],
            MigrationDatabase.SqlServer => ["sqlserver"],
            MigrationDatabase.MySql => ["mysql", "mariadb"],
            MigrationDatabase.Sqlite => ["sqlite"],
            _ => [],
        };
        return names.Length == 0 || names.Any(n => arguments.Contains(n, StringComparison.OrdinalIgnoreCase));
    }

    private static List<(string Name, CSharpCall? Call)>? Rooted(List<(string Name, CSharpCall? Call)> links)
    {
        links.Reverse();
        return links.Count > 0 && Roots.Contains(links[0].Name) ? links : null;
    }

    private static IEnumerable<MigrationOperation> Read(List<(string Name, CSharpCall? Call)> chain, MigrationDatabase database, int line, string text)
    {
        var root = chain[0].Name;
        var first = chain[1];
        var schema = Last(chain, "InSchema");
        MigrationOperation Step(MigrationOperationKind kind, string? table) =>
            new(kind) { Schema = schema, Table = table, Line = line, Text = text };

        switch (root, first.Name)
        {
            case ("Execute", "Sql"):
                return first.Call?.String("sqlStatement", 0) is { } sql ? SqlParsers.Parse(sql, database, line) : [Step(MigrationOperationKind.RawSql, null)];
            case ("Execute", _):
                return [Step(MigrationOperationKind.RawSql, null)];
            case ("Create", "Table"):
                var created = Step(MigrationOperationKind.CreateTable, Arg(first));
                var columns = Columns(chain, 2);
                created.Columns = columns.Select(c => c.Name).ToList();
                created.ColumnTypes = columns.Select(c => c.Type).ToList();
                created.ColumnNullables = columns.Select(c => (bool?)(c.Nullable == true && !c.PrimaryKey)).ToList();
                var keys = columns.Where(c => c.PrimaryKey).Select(c => c.Name).ToList();
                created.InlineKeys = keys.Count == 0 ? null : [new MigrationOperation(MigrationOperationKind.AddConstraint) { Table = created.Table, Constraint = ConstraintKind.PrimaryKey, KeyColumns = keys, Line = line }];
                return [created];
            case ("Create", "Column"):
                return [AddColumn(Step(MigrationOperationKind.AddColumn, Last(chain, "OnTable")), Arg(first), chain, 2)];
            case ("Alter", "Table"):
                return AlterTable(chain, Arg(first), Step);
            case ("Alter", "Column"):
                return [Restated(AddColumn(Step(MigrationOperationKind.AlterColumn, Last(chain, "OnTable")), Arg(first), chain, 2))];
            case ("Create", "Index"):
                var index = Step(MigrationOperationKind.CreateIndex, Last(chain, "OnTable"));
                index.Name = Arg(first);
                index.KeyColumns = Named(chain, "OnColumn", "OnColumns");
                index.Unique = chain.Any(l => l.Name == "Unique");
                index.Concurrently = chain.Any(l => l.Name == "AsConcurrently");
                return [index];
            case ("Create", "ForeignKey"):
                var foreignKey = Step(MigrationOperationKind.AddConstraint, Last(chain, "FromTable"));
                foreignKey.Constraint = ConstraintKind.ForeignKey;
                foreignKey.Name = Arg(first);
                foreignKey.KeyColumns = Named(chain, "ForeignColumn", "ForeignColumns");
                foreignKey.ReferencedTable = Last(chain, "ToTable");
                return [foreignKey];
            case ("Create", "PrimaryKey" or "UniqueConstraint"):
                var constraint = Step(MigrationOperationKind.AddConstraint, Last(chain, "OnTable"));
                constraint.Constraint = first.Name == "PrimaryKey" ? ConstraintKind.PrimaryKey : ConstraintKind.Unique;
                constraint.Name = Arg(first);
                constraint.KeyColumns = Named(chain, "Column", "Columns");
                return [constraint];
            case ("Create", "Schema"):
                return [new MigrationOperation(MigrationOperationKind.CreateSchema) { Name = Arg(first), Line = line, Text = text }];
            case ("Delete", "Table"):
                return [Step(MigrationOperationKind.DropTable, Arg(first))];
            case ("Delete", "Column"):
                var table = Last(chain, "FromTable");
                return Named(chain, "Column", "Columns")?.Select(c =>
                {
                    var dropped = Step(MigrationOperationKind.DropColumn, table);
                    dropped.Column = c;
                    return dropped;
                }).ToList() ?? [];
            case ("Delete", "Index"):
                var droppedIndex = Step(MigrationOperationKind.DropIndex, Last(chain, "OnTable"));
                droppedIndex.Name = Arg(first);
                droppedIndex.KeyColumns = droppedIndex.Name is null ? Named(chain, "OnColumn", "OnColumns") : null;
                droppedIndex.Concurrently = chain.Any(l => l.Name == "AsConcurrently");
                return [droppedIndex];
            case ("Delete", "ForeignKey" or "PrimaryKey" or "UniqueConstraint"):
                var droppedKey = Step(MigrationOperationKind.DropConstraint, Last(chain, "OnTable") ?? Last(chain, "FromTable"));
                droppedKey.Constraint = first.Name switch { "ForeignKey" => ConstraintKind.ForeignKey, "PrimaryKey" => ConstraintKind.PrimaryKey, _ => ConstraintKind.Unique };
                droppedKey.Name = Arg(first);
                return [droppedKey];
            case ("Delete", "FromTable"):
                var deleted = Step(MigrationOperationKind.DeleteData, Arg(first));
                deleted.HasWhere = !chain.Any(l => l.Name == "AllRows");
                return [deleted];
            case ("Delete", "Schema"):
                return [new MigrationOperation(MigrationOperationKind.DropSchema) { Name = Arg(first), Line = line, Text = text }];
            case ("Rename", "Table"):
                var renamed = Step(MigrationOperationKind.RenameTable, Arg(first));
                renamed.NewName = Last(chain, "To");
                return [renamed];
            case ("Rename", "Column"):
                var renamedColumn = Step(MigrationOperationKind.RenameColumn, Last(chain, "OnTable"));
                renamedColumn.Column = Arg(first);
                renamedColumn.NewName = Last(chain, "To");
                return [renamedColumn];
            case ("Insert", "IntoTable"):
                return [Step(MigrationOperationKind.InsertData, Arg(first))];
            case ("Update", "Table"):
                var updated = Step(MigrationOperationKind.UpdateData, Arg(first));
                updated.HasWhere = !chain.Any(l => l.Name == "AllRows");
                return [updated];
            default:
                return [];
        }
    }

    /// <summary><c>Alter.Table("T").AddColumn("A").AsString(50).AlterColumn("B").AsInt64()</c>: one step per column link.</summary>
    private static List<MigrationOperation> AlterTable(List<(string Name, CSharpCall? Call)> chain, string? table, Func<MigrationOperationKind, string?, MigrationOperation> step)
    {
        var steps = new List<MigrationOperation>();
        for (var k = 2; k < chain.Count; k++)
        {
            if (chain[k].Name is "AddColumn" or "AlterColumn")
            {
                var kind = chain[k].Name == "AddColumn" ? MigrationOperationKind.AddColumn : MigrationOperationKind.AlterColumn;
                var column = AddColumn(step(kind, table), Arg(chain[k]), chain, k + 1);
                steps.Add(kind == MigrationOperationKind.AlterColumn ? Restated(column) : column);
            }
        }

        return steps;
    }

    private static MigrationOperation AddColumn(MigrationOperation step, string? column, List<(string Name, CSharpCall? Call)> chain, int from)
    {
        var definition = Definition(chain, from);
        step.Column = column;
        step.NewType = definition.Type;
        step.NewNullable = definition.Nullable;
        step.HasDefault = step.Kind == MigrationOperationKind.AddColumn ? definition.HasDefault : definition.HasDefault ? true : null;
        return step;
    }

    /// <summary>
    /// <c>Alter.Column</c> writes the column's whole definition (<c>ALTER COLUMN c nvarchar(200) NOT NULL</c>), and a
    /// FluentMigrator column is NOT NULL unless it says <c>Nullable()</c>: judged against what the column was.
    /// </summary>
    private static MigrationOperation Restated(MigrationOperation alter)
    {
        alter.RestatesDefinition = true;
        alter.NewNullable ??= false;
        return alter;
    }

    /// <summary>The columns of <c>Create.Table</c>: each <c>WithColumn(name)</c> and the links that define it.</summary>
    private static List<(string Name, string? Type, bool? Nullable, bool PrimaryKey)> Columns(List<(string Name, CSharpCall? Call)> chain, int from)
    {
        var columns = new List<(string, string?, bool?, bool)>();
        for (var k = from; k < chain.Count; k++)
        {
            if (chain[k].Name == "WithColumn" && Arg(chain[k]) is { } name)
            {
                var definition = Definition(chain, k + 1);
                columns.Add((name, definition.Type, definition.Nullable, definition.PrimaryKey));
            }
        }

        return columns;
    }

    /// <summary>A column's links up to the next column: its type, nullability, default and whether it is the key.</summary>
    private static (string? Type, bool? Nullable, bool HasDefault, bool PrimaryKey) Definition(List<(string Name, CSharpCall? Call)> chain, int from)
    {
        string? type = null;
        bool? nullable = null;
        bool hasDefault = false, primaryKey = false;
        for (var k = from; k < chain.Count && chain[k].Name is not ("WithColumn" or "AddColumn" or "AlterColumn"); k++)
        {
            var (name, call) = chain[k];
            switch (name)
            {
                case "Nullable":
                    nullable = true;
                    break;
                case "NotNullable":
                    nullable = false;
                    break;
                case "WithDefault" or "WithDefaultValue":
                    hasDefault = true;
                    break;
                case "PrimaryKey":
                    primaryKey = true;
                    break;
                default:
                    type ??= name.StartsWith("As", StringComparison.Ordinal) ? Type(name, call) : null;
                    break;
            }
        }

        return (type, nullable, hasDefault, primaryKey);
    }

    /// <summary>The type FluentMigrator's SQL Server generator writes for <c>AsString(500)</c>, <c>AsInt64()</c> ….</summary>
    private static string? Type(string name, CSharpCall? call)
    {
        var size = call?.Int("size", 0);
        var sized = size is { } n ? n == int.MaxValue ? "max" : n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return name switch
        {
            "AsString" => "nvarchar(" + (sized ?? "255") + ")",
            "AsAnsiString" => "varchar(" + (sized ?? "255") + ")",
            "AsFixedLengthString" => "nchar(" + (sized ?? "255") + ")",
            "AsFixedLengthAnsiString" => "char(" + (sized ?? "255") + ")",
            "AsMaxString" => "nvarchar(max)",
            "AsInt16" => "smallint",
            "AsInt32" => "int",
            "AsInt64" => "bigint",
            "AsByte" => "tinyint",
            "AsBoolean" => "bit",
            "AsDecimal" => $"decimal({call?.Int("size", 0) ?? 19},{call?.Int("precision", 1) ?? 5})",
            "AsDouble" => "float",
            "AsFloat" => "real",
            "AsGuid" => "uniqueidentifier",
            "AsDate" => "date",
            "AsDateTime" => "datetime",
            "AsDateTime2" => "datetime2",
            "AsDateTimeOffset" => "datetimeoffset",
            "AsTime" => "time",
            "AsBinary" => "varbinary(" + (sized ?? "8000") + ")",
            "AsCustom" => call?.String("customType", 0),
            _ => null,
        };
    }

    private static string? Arg((string Name, CSharpCall? Call) link) => link.Call?.Count > 0 ? CSharpCall.Text(link.Call.Argument("", 0)) : null;

    /// <summary>The first argument of the last link named <paramref name="name"/>.</summary>
    private static string? Last(List<(string Name, CSharpCall? Call)> chain, string name) =>
        chain.LastOrDefault(l => l.Name == name) is { Call: not null } link ? Arg(link) : null;

    /// <summary>Every name given by links called <paramref name="one"/> (one each) or <paramref name="many"/> (a list).</summary>
    private static IReadOnlyList<string>? Named(List<(string Name, CSharpCall? Call)> chain, string one, string many)
    {
        var names = new List<string>();
        foreach (var (name, call) in chain.Skip(1))
        {
            if (call is null || name != one && name != many)
            {
                continue;
            }

            foreach (var argument in call.Syntax.ArgumentList.Arguments)
            {
                names.AddRange(CSharpCall.Strings(argument.Expression) ?? []);
            }
        }

        return names.Count == 0 ? null : names;
    }
}
