using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hotfix.Migrations.Detection;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Liquibase: formatted SQL changelogs (<c>--liquibase formatted sql</c>, <c>--changeset author:id</c>, <c>--rollback</c>
/// lines) and XML/YAML/JSON changelogs (<c>changeSet</c> elements with changes and an optional <c>rollback</c>). Each
/// changeset is one migration; a master changelog that only includes others holds none.
/// </summary>
internal sealed partial class LiquibaseFormat : IMigrationFormat
{
    /// <summary>Change types Liquibase can roll back by itself when a changeset has no rollback.</summary>
    private static readonly HashSet<string> AutoRollback = new(StringComparer.OrdinalIgnoreCase)
    {
        "createTable", "addColumn", "renameColumn", "renameTable", "createIndex", "addForeignKeyConstraint", "addUniqueConstraint",
        "addPrimaryKey", "addNotNullConstraint", "dropNotNullConstraint", "createView", "renameView", "createSequence",
        "addDefaultValue", "addLookupTable", "addAutoIncrement", "tagDatabase", "createProcedure", "addCheckConstraint",
        "renameSequence", "setColumnRemarks", "setTableRemarks", "empty", "output",
    };

    public MigrationFramework Framework => MigrationFramework.Liquibase;

    public MigrationFrameworkFacts Facts { get; } = new("liquibase", "Liquibase", DownSupport.Expected, NamesSortInRunOrder: false, RecordsChecksum: true);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        var head = text.Length > 4096 ? text[..4096] : text;
        var isChangelog = path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) && FormattedHeader().IsMatch(head)
            || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<databaseChangeLog", StringComparison.Ordinal)
            || (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) && head.Contains("databaseChangeLog:", StringComparison.Ordinal)
            || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && head.Contains("\"databaseChangeLog\"", StringComparison.Ordinal);
        return isChangelog ? new MigrationFileMatch(Framework, MigrationFileRole.Migration) : null;
    }

    /// <summary>The changelogs the master changelog includes before this one (<see cref="LiquibaseIncludes"/>).</summary>
    public IReadOnlyList<string>? RunBefore(string upPath, RepositoryFiles files) => LiquibaseIncludes.Before(upPath, files);

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        if (path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return ReadFormattedSql(text, database);
        }

        TreeNode root;
        if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            root = TreeNode.FromXml(XDocument.Parse(AsXml10(text), LoadOptions.SetLineInfo).Root!);
        }
        else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = TreeNode.FromJson("root", document.RootElement);
        }
        else
        {
            root = MiniYaml.Parse(text);
        }

        var log = root.Name == "databaseChangeLog" ? root : root.All("databaseChangeLog").FirstOrDefault() ?? root;
        var pieces = new List<MigrationPiece>();
        foreach (var changeSet in Descendants(log, "changeSet"))
        {
            pieces.Add(ReadChangeSet(changeSet, database));
        }

        return WithEnds(pieces);
    }

    /// <summary>
    /// Liquibase's own changelog templates declare <c>&lt;?xml version="1.1"?&gt;</c>, which System.Xml refuses. A
    /// changelog uses nothing of XML 1.1 (its extra control characters and line ends), so it is read as 1.0; the
    /// declaration keeps its length, so every line number stays right.
    /// </summary>
    private static string AsXml10(string text) => Xml11Declaration().Replace(text, m => m.Value[..^3] + "1.0", 1);

    /// <summary>Each changeset ends where the next begins, so a comment inside one changeset waives only its findings.</summary>
    private static List<MigrationPiece> WithEnds(List<MigrationPiece> pieces)
    {
        for (var k = 0; k + 1 < pieces.Count; k++)
        {
            if (pieces[k + 1].Line > pieces[k].Line)
            {
                pieces[k] = pieces[k] with { EndLine = pieces[k + 1].Line - 1 };
            }
        }

        return pieces;
    }

    private static IEnumerable<TreeNode> Descendants(TreeNode node, string name)
    {
        foreach (var child in node.Children)
        {
            if (child.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                yield return child;
            }
            else if (child.Name is "item" or "databaseChangeLog")
            {
                foreach (var nested in Descendants(child, name))
                {
                    yield return nested;
                }
            }
        }
    }

    private static MigrationPiece ReadChangeSet(TreeNode changeSet, MigrationDatabase database)
    {
        var attributes = changeSet.Attributes.Count > 0 ? changeSet : changeSet.Children.FirstOrDefault(c => c.Name == "item") ?? changeSet;
        var id = $"{attributes.Get("author") ?? "?"}:{attributes.Get("id") ?? "?"}";
        var changes = changeSet.All("changes").FirstOrDefault() ?? changeSet;
        var body = new MigrationBody();
        var changeNodes = changes.Children.Where(c => !IsMeta(c.Name)).ToList();
        foreach (var change in changeNodes)
        {
            body.Up.AddRange(ToOperations(change, database, changeSet.Line));
        }

        var rollback = changeSet.All("rollback").FirstOrDefault();
        if (rollback is not null)
        {
            body.DownLine = rollback.Line > 0 ? rollback.Line : null;
            foreach (var change in rollback.Children.Where(c => !IsMeta(c.Name)))
            {
                body.Down.AddRange(ToOperations(change, database, rollback.Line));
            }

            // <rollback><sql>…</sql></rollback> was read with the children; only a bare text or an sql property is left.
            var sql = rollback.Text ?? (rollback.Children.Any(c => c.Name == "sql") ? null : rollback.Get("sql"));
            if (!string.IsNullOrWhiteSpace(sql))
            {
                body.Down.AddRange(SqlParsers.Parse(sql, database, Math.Max(1, rollback.Line)));
            }

            if (body.Down.Count == 0 && body.Up.Count > 0)
            {
                body.DownStatus = DownStatus.Empty;
                body.DownDetail = "the changeset's rollback is empty: Liquibase will do nothing when it is rolled back";
            }
        }
        else
        {
            var manual = changeNodes.Where(c => !AutoRollback.Contains(c.Name)).Select(c => c.Name).Distinct().ToList();
            if (manual.Count == 0)
            {
                body.DownStatus = DownStatus.Automatic;
                body.DownDetail = "Liquibase rolls these change types back by itself";
            }
            else
            {
                body.DownStatus = DownStatus.Missing;
                body.DownDetail = $"no <rollback> and Liquibase cannot roll back {string.Join(", ", manual)} by itself";
            }
        }

        if (IsTrue(attributes.Get("runOnChange")) || IsTrue(attributes.Get("runAlways")))
        {
            MarkRerun(body);
        }

        return new MigrationPiece(id, body, Fingerprint(changeSet), Math.Max(1, changeSet.Line));
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// runOnChange (views, functions, procedures) and runAlways changesets are re-run by Liquibase when their checksum
    /// changes: editing one is how it is meant to change, not an edit of an applied migration.
    /// </summary>
    private static void MarkRerun(MigrationBody body)
    {
        body.DownStatus = DownStatus.Repeatable;
        body.DownDetail = "runOnChange/runAlways changeset: Liquibase re-runs it whenever its checksum changes, so editing it is how it is meant to change";
    }

    private static bool IsMeta(string name) => name is "comment" or "preConditions" or "rollback" or "validCheckSum" or "id" or "author" or "changes" or "item";

    private static IEnumerable<MigrationOperation> ToOperations(TreeNode c, MigrationDatabase database, int line)
    {
        var at = c.Line > 0 ? c.Line : Math.Max(1, line);
        var table = c.Get("tableName") ?? c.Get("baseTableName");
        var schema = c.Get("schemaName");
        MigrationOperation Op(MigrationOperationKind kind) => new(kind) { Table = table, Schema = schema, Line = at, Text = "liquibase " + c.Name };
        switch (c.Name)
        {
            case "createTable":
                var create = Op(MigrationOperationKind.CreateTable);
                var defined = Columns(c).Where(column => column.Get("name") is not null).ToList();
                create.Columns = defined.Select(column => column.Get("name")!).ToList();
                create.ColumnTypes = defined.Select(column => column.Get("type")).ToList();
                create.ColumnNullables = defined.Select(column => (bool?)AllowsNull(column)).ToList();
                var keys = Columns(c).SelectMany(column => LiquibaseKeys.OfColumn(column, table, at)).ToList();
                create.InlineKeys = keys.Count > 0 ? keys : null;
                yield return create;
                break;
            case "dropTable":
                yield return Op(MigrationOperationKind.DropTable);
                break;
            case "renameTable":
                yield return new MigrationOperation(MigrationOperationKind.RenameTable) { Table = c.Get("oldTableName"), NewName = c.Get("newTableName"), Schema = schema, Line = at };
                break;
            case "addColumn":
                foreach (var column in Columns(c))
                {
                    var constraints = column.All("constraints").FirstOrDefault();
                    var defaultValue = column.Get("defaultValue") ?? column.Get("defaultValueNumeric") ?? column.Get("defaultValueBoolean") ?? column.Get("defaultValueDate") ?? column.Get("defaultValueComputed");
                    var op = Op(MigrationOperationKind.AddColumn);
                    op.Column = column.Get("name");
                    op.NewType = column.Get("type");
                    op.NewNullable = AllowsNull(column);
                    op.HasDefault = defaultValue is not null;
                    op.DefaultExpression = defaultValue;
                    var inline = LiquibaseKeys.OfColumn(column, table, at).ToList();
                    op.ReferencedTable = inline.FirstOrDefault(k => k.Constraint == ConstraintKind.ForeignKey)?.ReferencedTable;
                    op.InlineKeys = inline.Where(k => k.Constraint != ConstraintKind.ForeignKey).ToList() is { Count: > 0 } indexes ? indexes : null;
                    yield return op;
                }

                break;
            case "dropColumn":
                var names = Columns(c).Select(x => x.Get("name")).Where(n => n is not null).ToList();
                if (c.Get("columnName") is { } single)
                {
                    names.Insert(0, single);
                }

                foreach (var name in names)
                {
                    var op = Op(MigrationOperationKind.DropColumn);
                    op.Column = name;
                    yield return op;
                }

                break;
            case "renameColumn":
                var rename = Op(MigrationOperationKind.RenameColumn);
                rename.Column = c.Get("oldColumnName");
                rename.NewName = c.Get("newColumnName");
                yield return rename;
                break;
            case "modifyDataType":
                var modify = Op(MigrationOperationKind.AlterColumn);
                modify.Column = c.Get("columnName");
                modify.NewType = c.Get("newDataType");
                yield return modify;
                break;
            case "addNotNullConstraint":
            case "dropNotNullConstraint":
                var nullability = Op(MigrationOperationKind.AlterColumn);
                nullability.Column = c.Get("columnName");
                nullability.NewNullable = c.Name == "dropNotNullConstraint";
                nullability.OldNullable = c.Name == "addNotNullConstraint" ? null : false;
                yield return nullability;
                break;
            case "addDefaultValue":
            case "dropDefaultValue":
                var defaults = Op(MigrationOperationKind.AlterColumn);
                defaults.Column = c.Get("columnName");
                defaults.HasDefault = c.Name == "addDefaultValue";
                yield return defaults;
                break;
            case "createIndex":
                var index = Op(MigrationOperationKind.CreateIndex);
                index.Name = c.Get("indexName");
                index.Unique = string.Equals(c.Get("unique"), "true", StringComparison.OrdinalIgnoreCase);
                var indexed = Columns(c).Select(x => x.Get("name") ?? "(" + x.Get("computed") + ")").ToList();
                index.KeyColumns = indexed.Count > 0 ? indexed : null;
                yield return index;
                break;
            case "dropIndex":
                var drop = Op(MigrationOperationKind.DropIndex);
                drop.Name = c.Get("indexName");
                yield return drop;
                break;
            case "addForeignKeyConstraint":
            case "addUniqueConstraint":
            case "addPrimaryKey":
            case "addCheckConstraint":
                var add = Op(MigrationOperationKind.AddConstraint);
                add.Name = c.Get("constraintName");
                add.Constraint = c.Name switch
                {
                    "addForeignKeyConstraint" => ConstraintKind.ForeignKey,
                    "addUniqueConstraint" => ConstraintKind.Unique,
                    "addPrimaryKey" => ConstraintKind.PrimaryKey,
                    _ => ConstraintKind.Check,
                };
                add.NotValid = string.Equals(c.Get("validate"), "false", StringComparison.OrdinalIgnoreCase);
                add.KeyColumns = KeyColumnText.Names(c.Get("baseColumnNames") ?? c.Get("columnNames"));
                add.ReferencedTable = c.Get("referencedTableName");
                yield return add;
                break;
            case "dropForeignKeyConstraint":
            case "dropUniqueConstraint":
            case "dropPrimaryKey":
            case "dropCheckConstraint":
            case "dropAllForeignKeyConstraints":
                var dropConstraint = Op(MigrationOperationKind.DropConstraint);
                dropConstraint.Name = c.Get("constraintName");
                yield return dropConstraint;
                break;
            case "update":
            case "delete":
                var data = Op(c.Name == "update" ? MigrationOperationKind.UpdateData : MigrationOperationKind.DeleteData);
                data.HasWhere = !string.IsNullOrWhiteSpace(c.Get("where"));
                yield return data;
                break;
            case "insert":
            case "loadData":
            case "loadUpdateData":
                yield return Op(MigrationOperationKind.InsertData);
                break;
            case "createView":
            case "dropView":
            case "createSequence":
            case "dropSequence":
            case "createProcedure":
            case "dropProcedure":
                var kind = c.Name.StartsWith("create", StringComparison.Ordinal) ? MigrationOperationKind.CreateObject : MigrationOperationKind.DropObject;
                var type = c.Name[(kind == MigrationOperationKind.CreateObject ? 6 : 4)..].ToLowerInvariant();
                yield return new MigrationOperation(kind) { ObjectType = type, Name = c.Get(type + "Name"), Line = at };
                break;
            case "sql":
                foreach (var op in SqlParsers.Parse(c.Text ?? c.Get("sql"), database, at))
                {
                    yield return op;
                }

                break;
            case "sqlFile" when c.Get("path") is { Length: > 0 } sqlFile:
                yield return new MigrationOperation(MigrationOperationKind.RawSql)
                {
                    Line = at,
                    Text = "liquibase sqlFile " + sqlFile,
                    IncludedSqlFile = sqlFile.Replace("classpath:", string.Empty, StringComparison.Ordinal).Replace('\\', '/'),
                    IncludedSqlFileIsRelative = string.Equals(c.Get("relativeToChangelogFile"), "true", StringComparison.OrdinalIgnoreCase),
                };
                break;
            case "tagDatabase":
            case "empty":
            case "output":
                break;
            default:
                yield return new MigrationOperation(MigrationOperationKind.RawSql) { Line = at, Text = "liquibase " + c.Name + (c.Get("path") is { } file ? " " + file : string.Empty) };
                break;
        }
    }

    /// <summary>A column allows NULL unless its constraints say <c>nullable="false"</c> or make it the primary key.</summary>
    private static bool AllowsNull(TreeNode column)
    {
        var constraints = column.All("constraints").FirstOrDefault();
        return !string.Equals(constraints?.Get("nullable"), "false", StringComparison.OrdinalIgnoreCase) && !string.Equals(constraints?.Get("primaryKey"), "true", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<TreeNode> Columns(TreeNode change)
    {
        foreach (var child in change.Children)
        {
            if (child.Name == "column")
            {
                yield return child;
            }
            else if (child.Name == "columns")
            {
                foreach (var column in child.Children.Where(x => x.Name == "column"))
                {
                    yield return column;
                }
            }
        }
    }

    private static string Fingerprint(TreeNode node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return text.ToString();

        static void Append(TreeNode n, StringBuilder b)
        {
            b.Append('<').Append(n.Name);
            foreach (var (key, value) in n.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                b.Append(' ').Append(key).Append('=').Append(value);
            }

            b.Append('>').Append(n.Text);
            foreach (var child in n.Children)
            {
                Append(child, b);
            }

            b.Append("</>");
        }
    }

    private static List<MigrationPiece> ReadFormattedSql(string text, MigrationDatabase database)
    {
        var lines = text.Split('\n');
        var pieces = new List<MigrationPiece>();
        for (var k = 0; k < lines.Length; k++)
        {
            var header = ChangeSetHeader().Match(lines[k]);
            if (!header.Success)
            {
                continue;
            }

            var start = k;
            var end = k + 1;
            while (end < lines.Length && !ChangeSetHeader().IsMatch(lines[end]))
            {
                end++;
            }

            var up = new string[lines.Length];
            var down = new string[lines.Length];
            int? rollbackLine = null;
            var rollbackDeclaredEmpty = false;
            for (var j = 0; j < lines.Length; j++)
            {
                up[j] = down[j] = string.Empty;
                if (j <= start || j >= end)
                {
                    continue;
                }

                var rollback = RollbackLine().Match(lines[j]);
                if (rollback.Success)
                {
                    rollbackLine ??= j + 1;
                    var sql = rollback.Groups[1].Value;
                    rollbackDeclaredEmpty |= sql.Trim().Equals("not required", StringComparison.OrdinalIgnoreCase) || sql.Trim().Equals("empty", StringComparison.OrdinalIgnoreCase);
                    down[j] = rollbackDeclaredEmpty ? string.Empty : sql;
                    continue;
                }

                up[j] = lines[j];
            }

            var body = SqlFiles.Sections(up, down, rollbackLine, database, "no --rollback in this changeset, and Liquibase has no automatic rollback for formatted SQL");
            if (rollbackDeclaredEmpty && body.Up.Count > 0)
            {
                body.DownStatus = DownStatus.Empty;
                body.DownDetail = "the changeset declares its rollback \"not required\"";
            }

            if (RerunAttribute().IsMatch(lines[k]))
            {
                MarkRerun(body);
            }

            pieces.Add(new MigrationPiece(header.Groups[1].Value.Trim(), body, string.Join('\n', lines[start..end]).TrimEnd(), start + 1, end));
            k = end - 1;
        }

        return pieces;
    }

    [GeneratedRegex(@"^\s*<\?xml\s+version\s*=\s*[""']1\.1")]
    private static partial Regex Xml11Declaration();

    [GeneratedRegex(@"^\s*--\s*liquibase\s+formatted\s+sql", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FormattedHeader();

    [GeneratedRegex(@"^\s*--\s*changeset\s+([^\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeSetHeader();

    [GeneratedRegex(@"\brun(?:OnChange|Always)\s*:\s*true\b", RegexOptions.IgnoreCase)]
    private static partial Regex RerunAttribute();

    [GeneratedRegex(@"^\s*--\s*rollback\s?(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RollbackLine();
}
