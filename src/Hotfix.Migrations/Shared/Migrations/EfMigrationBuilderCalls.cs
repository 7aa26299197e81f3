using System;
using System.Collections.Generic;

namespace Hotfix.Migrations;

/// <summary>One argument of a <c>MigrationBuilder</c> call as written: its name (null when positional) and value.</summary>
internal sealed class EfArgument
{
    public EfArgument(string? name, string? value, bool isLiteral)
    {
        Name = name;
        Value = value;
        IsLiteral = isLiteral;
    }

    /// <summary>The parameter name of a named argument (<c>table: "Orders"</c>), null when positional.</summary>
    public string? Name { get; }

    /// <summary>A literal's value (string without quotes, <c>true</c>/<c>false</c>, a number, <c>null</c>), else the expression text.</summary>
    public string? Value { get; }

    public bool IsLiteral { get; }
}

/// <summary>
/// EF Core's <c>MigrationBuilder</c> API as data: which operation each method is and the order of its parameters, so a
/// call can be turned into a <see cref="MigrationOperation"/> from its syntax alone (no semantic model, no EF
/// reference). Used by <c>hotfix check</c>'s EF reader and by the analyzers, so both see the same operation.
/// </summary>
internal static class EfMigrationBuilderCalls
{
    private static readonly Dictionary<string, Signature> Signatures = new Dictionary<string, Signature>(StringComparer.Ordinal)
    {
        ["AddColumn"] = new Signature(MigrationOperationKind.AddColumn, "name", "table", "type", "unicode", "maxLength", "rowVersion", "schema", "nullable", "defaultValue", "defaultValueSql", "computedColumnSql", "fixedLength", "comment", "collation", "precision", "scale", "stored"),
        ["DropColumn"] = new Signature(MigrationOperationKind.DropColumn, "name", "table", "schema"),
        ["RenameColumn"] = new Signature(MigrationOperationKind.RenameColumn, "name", "table", "newName", "schema"),
        ["AlterColumn"] = new Signature(MigrationOperationKind.AlterColumn, "name", "table", "type", "unicode", "maxLength", "rowVersion", "schema", "nullable", "defaultValue", "defaultValueSql", "computedColumnSql", "oldClrType", "oldType", "oldUnicode", "oldMaxLength", "oldRowVersion", "oldNullable", "oldDefaultValue", "oldDefaultValueSql", "oldComputedColumnSql"),
        ["CreateTable"] = new Signature(MigrationOperationKind.CreateTable, "name", "columns", "schema", "constraints", "comment"),
        ["DropTable"] = new Signature(MigrationOperationKind.DropTable, "name", "schema"),
        ["RenameTable"] = new Signature(MigrationOperationKind.RenameTable, "name", "schema", "newName", "newSchema"),
        ["AlterTable"] = new Signature(MigrationOperationKind.AlterTable, "name", "schema", "comment", "oldComment"),
        ["CreateIndex"] = new Signature(MigrationOperationKind.CreateIndex, "name", "table", "column", "schema", "unique", "filter", "descending"),
        ["DropIndex"] = new Signature(MigrationOperationKind.DropIndex, "name", "table", "schema"),
        ["RenameIndex"] = new Signature(MigrationOperationKind.RenameIndex, "name", "newName", "table", "schema"),
        ["AddForeignKey"] = new Signature(MigrationOperationKind.AddConstraint, ConstraintKind.ForeignKey, "name", "table", "column", "principalTable", "schema", "principalSchema", "principalColumn", "onUpdate", "onDelete"),
        ["DropForeignKey"] = new Signature(MigrationOperationKind.DropConstraint, ConstraintKind.ForeignKey, "name", "table", "schema"),
        ["AddPrimaryKey"] = new Signature(MigrationOperationKind.AddConstraint, ConstraintKind.PrimaryKey, "name", "table", "column", "schema"),
        ["DropPrimaryKey"] = new Signature(MigrationOperationKind.DropConstraint, ConstraintKind.PrimaryKey, "name", "table", "schema"),
        ["AddUniqueConstraint"] = new Signature(MigrationOperationKind.AddConstraint, ConstraintKind.Unique, "name", "table", "column", "schema"),
        ["DropUniqueConstraint"] = new Signature(MigrationOperationKind.DropConstraint, ConstraintKind.Unique, "name", "table", "schema"),
        ["AddCheckConstraint"] = new Signature(MigrationOperationKind.AddConstraint, ConstraintKind.Check, "name", "table", "sql", "schema"),
        ["DropCheckConstraint"] = new Signature(MigrationOperationKind.DropConstraint, ConstraintKind.Check, "name", "table", "schema"),
        ["EnsureSchema"] = new Signature(MigrationOperationKind.CreateSchema, "name"),
        ["DropSchema"] = new Signature(MigrationOperationKind.DropSchema, "name"),
        ["CreateSequence"] = new Signature(MigrationOperationKind.CreateObject, "name", "schema") { ObjectType = "sequence" },
        ["DropSequence"] = new Signature(MigrationOperationKind.DropObject, "name", "schema") { ObjectType = "sequence" },
        ["AlterSequence"] = new Signature(MigrationOperationKind.AlterObject, "name", "schema") { ObjectType = "sequence" },
        ["RenameSequence"] = new Signature(MigrationOperationKind.AlterObject, "name", "schema", "newName") { ObjectType = "sequence" },
        ["RestartSequence"] = new Signature(MigrationOperationKind.AlterObject, "name", "startValue", "schema") { ObjectType = "sequence" },
        ["AlterDatabase"] = new Signature(MigrationOperationKind.AlterObject) { ObjectType = "database" },
        ["InsertData"] = new Signature(MigrationOperationKind.InsertData, "table", "columns", "values", "schema"),
        ["UpdateData"] = new Signature(MigrationOperationKind.UpdateData, "table", "keyColumns", "keyValues", "columns", "values", "schema"),
        ["DeleteData"] = new Signature(MigrationOperationKind.DeleteData, "table", "keyColumns", "keyValues", "schema"),
        ["Sql"] = new Signature(MigrationOperationKind.RawSql, "sql", "suppressTransaction"),
    };

    /// <summary>True when <paramref name="method"/> is a <c>MigrationBuilder</c> method that changes the database.</summary>
    public static bool IsOperation(string method) => method != null && Signatures.ContainsKey(method);

    /// <summary>
    /// The operation a call <c>migrationBuilder.&lt;method&gt;(args)</c> performs; null for methods that are not
    /// operations. For <c>Sql</c> the result is a RawSql operation whose <c>Text</c> is the SQL (the caller parses it).
    /// <paramref name="annotations"/> are the names and values of chained <c>.Annotation(name, value)</c> calls.
    /// </summary>
    public static MigrationOperation? ToOperation(string method, IList<EfArgument> arguments, IList<KeyValuePair<string, string?>>? annotations = null)
    {
        Signature? signature;
        if (method == null || !Signatures.TryGetValue(method, out signature))
        {
            return null;
        }

        var values = Bind(signature, arguments);
        var op = new MigrationOperation(signature.Kind) { Constraint = signature.Constraint, ObjectType = signature.ObjectType };
        string? name = Get(values, "name");
        op.Schema = Get(values, "schema");
        switch (signature.Kind)
        {
            case MigrationOperationKind.AddColumn:
            case MigrationOperationKind.DropColumn:
            case MigrationOperationKind.RenameColumn:
            case MigrationOperationKind.AlterColumn:
                op.Column = name;
                op.Table = Get(values, "table");
                op.NewName = Get(values, "newName");
                break;
            case MigrationOperationKind.InsertData:
            case MigrationOperationKind.UpdateData:
            case MigrationOperationKind.DeleteData:
                op.Table = Get(values, "table");

                // EF's seed-data operations always name the rows by key: they never touch a whole table.
                op.HasWhere = signature.Kind != MigrationOperationKind.InsertData ? true : (bool?)null;
                break;
            case MigrationOperationKind.CreateTable:
            case MigrationOperationKind.DropTable:
            case MigrationOperationKind.RenameTable:
            case MigrationOperationKind.AlterTable:
                op.Table = name;
                op.NewName = Get(values, "newName");
                break;
            case MigrationOperationKind.RawSql:
                op.Text = Get(values, "sql");
                break;
            default:
                op.Name = name;
                op.Table = Get(values, "table");
                op.NewName = Get(values, "newName");
                break;
        }

        if (signature.Kind == MigrationOperationKind.AddColumn || signature.Kind == MigrationOperationKind.AlterColumn)
        {
            op.NewType = Get(values, "type");
            op.OldType = Get(values, "oldType");

            // EF's parameters default to nullable: false, so an absent argument means NOT NULL.
            op.NewNullable = Bool(values, "nullable") ?? false;
            var defaultSql = Get(values, "defaultValueSql");
            var defaultValue = Get(values, "defaultValue");
            // A computed column's value is the database's, and SQL Server writes a rowversion itself: nothing to fill or insert.
            var computed = Get(values, "computedColumnSql") != null || Bool(values, "rowVersion") == true;
            op.HasDefault = defaultSql != null || defaultValue != null && defaultValue != "null" || computed;
            op.DefaultExpression = defaultSql ?? defaultValue;
            op.GeneratedStored = Get(values, "computedColumnSql") != null && Bool(values, "stored") == true;
            if (signature.Kind == MigrationOperationKind.AlterColumn)
            {
                op.OldNullable = Bool(values, "oldNullable") ?? false;
                LengthsAsTypes(op, Get(values, "maxLength"), Get(values, "oldMaxLength"));
            }
        }

        if (signature.Kind == MigrationOperationKind.CreateIndex)
        {
            op.Unique = Bool(values, "unique") == true;
        }

        if (signature.Kind == MigrationOperationKind.CreateIndex || signature.Kind == MigrationOperationKind.AddConstraint)
        {
            // column: "A" or columns: new[] { "A", "B" } (the overloads EF scaffolds for one and for several columns).
            op.KeyColumns = ColumnList(Get(values, "column") ?? Get(values, "columns"));
            op.ReferencedTable = Get(values, "principalTable");
        }

        if (annotations != null)
        {
            foreach (var annotation in annotations)
            {
                // Npgsql: .Annotation("Npgsql:CreatedConcurrently", true) builds the index CONCURRENTLY.
                if (annotation.Key.EndsWith("CreatedConcurrently", StringComparison.Ordinal) && annotation.Value == "true")
                {
                    op.Concurrently = true;
                }

                if (annotation.Key.EndsWith(":Online", StringComparison.Ordinal) && annotation.Value == "true")
                {
                    op.Online = true;
                }
            }
        }

        return op;
    }

    /// <summary>
    /// The SQLite and Npgsql scaffolds state a string column's length only as <c>maxLength:</c>/<c>oldMaxLength:</c>,
    /// with no store types; an absent length means unlimited. As types, the shared type-change rules judge them:
    /// 200 → 50, or unlimited → 50, is a narrowing.
    /// </summary>
    private static void LengthsAsTypes(MigrationOperation op, string? length, string? oldLength)
    {
        if (op.NewType != null || op.OldType != null || length == null && oldLength == null)
        {
            return;
        }

        op.NewType = length == null ? "varchar" : "varchar(" + length + ")";
        op.OldType = oldLength == null ? "varchar" : "varchar(" + oldLength + ")";
    }

    /// <summary>A column argument as names: a string literal, or the string literals of an array expression.</summary>
    internal static IReadOnlyList<string>? ColumnList(string? value)
    {
        if (value == null)
        {
            return null;
        }

        if (value.IndexOf('"') < 0)
        {
            return value.IndexOf('{') < 0 && value.IndexOf('(') < 0 ? new[] { value } : null;
        }

        var names = new List<string>();
        var start = value.IndexOf('"');
        while (start >= 0)
        {
            var end = value.IndexOf('"', start + 1);
            if (end < 0)
            {
                break;
            }

            names.Add(value.Substring(start + 1, end - start - 1));
            start = value.IndexOf('"', end + 1);
        }

        return names.Count > 0 ? names : null;
    }

    private static Dictionary<string, string?> Bind(Signature signature, IList<EfArgument> arguments)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var position = 0;
        foreach (var argument in arguments)
        {
            if (argument.Name != null)
            {
                values[argument.Name] = argument.Value;
            }
            else if (position < signature.Parameters.Length)
            {
                values[signature.Parameters[position]] = argument.Value;
            }

            position++;
        }

        return values;
    }

    private static string? Get(Dictionary<string, string?> values, string key)
    {
        string? value;
        return values.TryGetValue(key, out value) && value != "null" ? value : null;
    }

    private static bool? Bool(Dictionary<string, string?> values, string key)
    {
        var value = Get(values, key);
        return value == "true" ? true : value == "false" ? false : (bool?)null;
    }

    private sealed class Signature
    {
        public Signature(MigrationOperationKind kind, params string[] parameters)
            : this(kind, ConstraintKind.Unknown, parameters)
        {
        }

        public Signature(MigrationOperationKind kind, ConstraintKind constraint, params string[] parameters)
        {
            Kind = kind;
            Constraint = constraint;
            Parameters = parameters;
        }

        public MigrationOperationKind Kind { get; }

        public ConstraintKind Constraint { get; }

        public string? ObjectType { get; set; }

        public string[] Parameters { get; }
    }
}
