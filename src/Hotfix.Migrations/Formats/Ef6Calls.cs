using Hotfix.Migrations.Sql;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Entity Framework 6's <c>DbMigration</c> API as steps of the common model, call by call in source order. The column
/// builder (<c>c =&gt; c.String(maxLength: 500, nullable: false)</c>) gives the SQL Server type EF6 would create.
/// </summary>
internal static class Ef6Calls
{
    public static IEnumerable<MigrationOperation> Operations(MethodDeclarationSyntax method, MigrationDatabase database)
    {
        var body = (Microsoft.CodeAnalysis.SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            yield break;
        }

        foreach (var syntax in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = syntax.Expression switch
            {
                IdentifierNameSyntax id => id.Identifier.Text,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.Text,
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            var call = new CSharpCall(name, syntax);
            if (name == "Sql")
            {
                if (call.String("sql", 0) is { } sql)
                {
                    foreach (var statement in SqlParsers.Parse(sql, database, call.Line))
                    {
                        yield return statement;
                    }
                }
                else
                {
                    yield return Step(MigrationOperationKind.RawSql, call, null);
                }

                continue;
            }

            if (ToOperation(call) is { } operation)
            {
                yield return operation;
            }
        }
    }

    private static MigrationOperation? ToOperation(CSharpCall call)
    {
        switch (call.Name)
        {
            case "CreateTable":
                var created = Step(MigrationOperationKind.CreateTable, call, call.String("name", 0));
                if (call.Argument("columnsAction", 1) is LambdaExpressionSyntax { Body: AnonymousObjectCreationExpressionSyntax columns })
                {
                    created.Columns = columns.Initializers.Select(i => i.NameEquals?.Name.Identifier.Text ?? string.Empty).ToList();
                    created.ColumnTypes = columns.Initializers.Select(i => Column(i.Expression).Type).ToList();

                    // EF6 makes a column without nullable: false nullable (c.String(maxLength: 256) is NULL): a later
                    // AlterColumn that leaves nullable out keeps it so, and drops no NOT NULL.
                    created.ColumnNullables = columns.Initializers.Select(i => Column(i.Expression).Nullable).ToList();
                }

                created.InlineKeys = TableChain(call, created);
                return created;
            case "DropTable":
                return Step(MigrationOperationKind.DropTable, call, call.String("name", 0));
            case "RenameTable":
                var renamed = Step(MigrationOperationKind.RenameTable, call, call.String("name", 0));
                renamed.NewName = call.String("newName", 1);
                return renamed;
            case "AddColumn":
            case "AlterColumn":
                var column = Step(call.Name == "AddColumn" ? MigrationOperationKind.AddColumn : MigrationOperationKind.AlterColumn, call, call.String("table", 0));
                column.Column = call.String("name", 1);
                var definition = Column((call.Argument("columnAction", 2) as LambdaExpressionSyntax)?.Body as ExpressionSyntax);
                column.NewType = definition.Type;
                column.NewNullable = definition.Nullable;
                // EF6's SQL Server generator gives an added NOT NULL column without one the CLR type's default
                // (DEFAULT 0, '', '1900-01-01T00:00:00.000'); SQL Server fills rowversion itself.
                column.HasDefault = call.Name == "AddColumn" ? definition.HasDefault || definition.Nullable == false : definition.HasDefault ? true : null;
                column.DefaultExpression = definition.Default;
                return column;
            case "DropColumn":
                var dropped = Step(MigrationOperationKind.DropColumn, call, call.String("table", 0));
                dropped.Column = call.String("name", 1);
                return dropped;
            case "RenameColumn":
                var renamedColumn = Step(MigrationOperationKind.RenameColumn, call, call.String("table", 0));
                renamedColumn.Column = call.String("name", 1);
                renamedColumn.NewName = call.String("newName", 2);
                return renamedColumn;
            case "CreateIndex":
                var index = Step(MigrationOperationKind.CreateIndex, call, call.String("table", 0));
                index.KeyColumns = CSharpCall.Strings(call.Argument("columns", 1) ?? call.Argument("column", 1));
                index.Unique = call.Bool("unique", 2) == true;
                index.Name = call.String("name", 3);
                return index;
            case "DropIndex":
                var droppedIndex = Step(MigrationOperationKind.DropIndex, call, call.String("table", 0));
                var target = call.Argument("name", 1) ?? call.Argument("columns", 1);
                droppedIndex.Name = CSharpCall.Text(target);
                droppedIndex.KeyColumns = droppedIndex.Name is null ? CSharpCall.Strings(target) : null;
                return droppedIndex;
            case "RenameIndex":
                var renamedIndex = Step(MigrationOperationKind.RenameIndex, call, call.String("table", 0));
                renamedIndex.Name = call.String("name", 1);
                renamedIndex.NewName = call.String("newName", 2);
                return renamedIndex;
            case "AddForeignKey":
                var key = Step(MigrationOperationKind.AddConstraint, call, call.String("dependentTable", 0));
                key.Constraint = ConstraintKind.ForeignKey;
                key.KeyColumns = CSharpCall.Strings(call.Argument("dependentColumn", 1) ?? call.Argument("dependentColumns", 1));
                key.ReferencedTable = CSharpCall.SplitTable(call.String("principalTable", 2)).Table;
                key.Cascade = call.Bool("cascadeDelete", 4) == true;
                key.Name = call.String("name", 5);
                return key;
            case "DropForeignKey":
                var droppedKey = Step(MigrationOperationKind.DropConstraint, call, call.String("dependentTable", 0));
                droppedKey.Constraint = ConstraintKind.ForeignKey;
                droppedKey.Name = call.Count == 2 ? call.String("name", 1) : null;
                droppedKey.KeyColumns = call.Count == 2 ? null : CSharpCall.Strings(call.Argument("dependentColumn", 1) ?? call.Argument("dependentColumns", 1));
                return droppedKey;
            case "AddPrimaryKey":
                var primary = Step(MigrationOperationKind.AddConstraint, call, call.String("table", 0));
                primary.Constraint = ConstraintKind.PrimaryKey;
                primary.KeyColumns = CSharpCall.Strings(call.Argument("columns", 1) ?? call.Argument("column", 1));
                primary.Name = call.String("name", 2);
                return primary;
            case "DropPrimaryKey":
                var droppedPrimary = Step(MigrationOperationKind.DropConstraint, call, call.String("table", 0));
                droppedPrimary.Constraint = ConstraintKind.PrimaryKey;
                droppedPrimary.Name = call.String("name", 1);
                return droppedPrimary;
            case "MoveTable":
                var moved = Step(MigrationOperationKind.AlterTable, call, call.String("name", 0));
                moved.NewName = call.String("newSchema", 1);
                return moved;
            case "SqlFile":
            case "SqlResource":
                return Step(MigrationOperationKind.RawSql, call, null);
            default:
                return null;
        }
    }

    private static MigrationOperation Step(MigrationOperationKind kind, CSharpCall call, string? table)
    {
        var (schema, name) = CSharpCall.SplitTable(table);
        return new MigrationOperation(kind)
        {
            Schema = schema,
            Table = name,
            Line = call.Line,
            Text = SqlStatementRecognizer.OneLine(call.Syntax.ToString()),
        };
    }

    /// <summary><c>CreateTable(…).PrimaryKey(t =&gt; t.Id).ForeignKey("dbo.Customers", t =&gt; t.CustomerId).Index(t =&gt; t.CustomerId)</c>.</summary>
    private static IReadOnlyList<MigrationOperation>? TableChain(CSharpCall create, MigrationOperation table)
    {
        var keys = new List<MigrationOperation>();
        for (var node = create.Syntax.Parent; node is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } member; node = next.Parent)
        {
            var call = new CSharpCall(member.Name.Identifier.Text, next);
            var columns = Members(call.Argument(call.Name == "ForeignKey" ? "dependentKeyExpression" : "keyExpression", call.Name == "ForeignKey" ? 1 : 0)
                ?? call.Argument("indexExpression", 0));
            var key = new MigrationOperation(call.Name == "Index" ? MigrationOperationKind.CreateIndex : MigrationOperationKind.AddConstraint)
            {
                Schema = table.Schema,
                Table = table.Table,
                KeyColumns = columns,
                Line = call.Line,
            };
            switch (call.Name)
            {
                case "PrimaryKey":
                    key.Constraint = ConstraintKind.PrimaryKey;
                    break;
                case "ForeignKey":
                    key.Constraint = ConstraintKind.ForeignKey;
                    key.ReferencedTable = CSharpCall.SplitTable(call.String("principalTable", 0)).Table;
                    key.Cascade = call.Bool("cascadeDelete", 2) == true;
                    break;
                case "Index":
                    key.Unique = call.Bool("unique", 1) == true;
                    break;
                default:
                    continue;
            }

            keys.Add(key);
        }

        return keys.Count == 0 ? null : keys;
    }

    /// <summary><c>t =&gt; t.Id</c> → [Id]; <c>t =&gt; new { t.A, t.B }</c> → [A, B].</summary>
    private static IReadOnlyList<string>? Members(ExpressionSyntax? expression) => (expression as LambdaExpressionSyntax)?.Body switch
    {
        MemberAccessExpressionSyntax member => [member.Name.Identifier.Text],
        AnonymousObjectCreationExpressionSyntax anonymous => anonymous.Initializers.Select(i => i.Expression is MemberAccessExpressionSyntax m ? m.Name.Identifier.Text : i.ToString()).ToList(),
        _ => null,
    };

    /// <summary>The SQL Server column EF6 creates for a column builder call such as <c>c.String(nullable: false, maxLength: 500)</c>.</summary>
    private static (string? Type, bool? Nullable, bool HasDefault, string? Default) Column(ExpressionSyntax? builder)
    {
        if (builder is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            return (null, null, false, null);
        }

        var call = new CSharpCall(member.Name.Identifier.Text, invocation);
        var length = call.Int("maxLength", -1);
        var max = call.Bool("isMaxLength", -1) == true;
        var fixedLength = call.Bool("fixedLength", -1) == true;
        var unicode = call.Bool("unicode", -1) != false;
        var precision = call.Int("precision", -1);
        var scale = call.Int("scale", -1);
        var type = call.String("storeType", -1) ?? call.Name switch
        {
            "String" => (unicode ? "n" : string.Empty) + (fixedLength ? "char" : "varchar") + "(" + (length is { } n && !max ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "max") + ")",
            "Binary" => (fixedLength ? "binary" : "varbinary") + "(" + (length is { } b && !max ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "max") + ")",
            "Int" => "int",
            "Long" => "bigint",
            "Short" => "smallint",
            "Byte" => "tinyint",
            "Boolean" => "bit",
            "Decimal" => $"decimal({precision ?? 18},{scale ?? 2})",
            "Double" => "float",
            "Single" => "real",
            "Guid" => "uniqueidentifier",
            "DateTime" => "datetime",
            "DateTimeOffset" => "datetimeoffset",
            "Time" => "time",
            _ => null,
        };
        var defaultSql = call.String("defaultValueSql", -1);
        var hasDefault = defaultSql is not null || call.Argument("defaultValue", -1) is not null;
        return (type, call.Bool("nullable", -1) ?? true, hasDefault, defaultSql ?? call.Argument("defaultValue", -1)?.ToString());
    }
}
