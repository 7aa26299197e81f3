using System.Globalization;
using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Alembic: <c>versions/&lt;rev&gt;_slug.py</c> with <c>revision</c>/<c>down_revision</c> and <c>upgrade()</c>/<c>downgrade()</c>;
/// <c>op.*</c> calls (and <c>batch_op.*</c> inside <c>batch_alter_table</c>) read by name.
/// </summary>
internal sealed partial class AlembicFormat : IMigrationFormat
{
    private static readonly HashSet<string> Calls = new(StringComparer.Ordinal)
    {
        "create_table", "drop_table", "rename_table", "add_column", "drop_column", "alter_column", "create_index", "drop_index",
        "create_foreign_key", "create_unique_constraint", "create_check_constraint", "create_primary_key", "drop_constraint",
        "execute", "bulk_insert", "create_exclude_constraint",
    };

    public MigrationFramework Framework => MigrationFramework.Alembic;

    public MigrationFrameworkFacts Facts { get; } = new("alembic", "Alembic", DownSupport.Expected, NamesSortInRunOrder: false, Source: SourceLanguage.Python);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        path.EndsWith(".py", StringComparison.Ordinal) && text.Contains("def upgrade(", StringComparison.Ordinal)
        && (text.Contains("down_revision", StringComparison.Ordinal) || Revision().IsMatch(text))
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var code = new CodeText(text, SourceLanguage.Python);
        var body = new MigrationBody();
        if (DslSupport.IndentedBlock(code, Definition(), "upgrade") is { } up)
        {
            body.Up.AddRange(Operations(code, up.Start, up.End, database));
        }

        if (DslSupport.IndentedBlock(code, Definition(), "downgrade") is not { } down)
        {
            body.DownStatus = DownStatus.Missing;
            body.DownDetail = "the revision has no downgrade()";
        }
        else
        {
            body.DownLine = down.Line;
            var raise = Raise().Match(code.Mask[down.Start..down.End]);
            if (raise.Success)
            {
                body.DownStatus = DownStatus.Irreversible;
                body.DownDetail = "downgrade() raises";
                body.DownLine = code.LineOf(down.Start + raise.Index);
            }

            body.Down.AddRange(Operations(code, down.Start, down.End, database));
        }

        return [new MigrationPiece(null, body, text)];
    }

    private static IEnumerable<MigrationOperation> Operations(CodeText code, int from, int to, MigrationDatabase database)
    {
        var batches = BatchTable().Matches(code.Text[from..to]).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value, StringComparer.Ordinal);
        foreach (var call in code.Calls(from, to, Calls.Contains))
        {
            var batchTable = batches.TryGetValue(call.Receiver, out var t) ? t : null;

            // Data changes run through the connection too: op.get_bind().execute(…), connection.execute(…), conn.execute(…).
            if (call.Receiver != "op" && batchTable is null && call.Name != "execute")
            {
                continue;
            }

            var args = call.Arguments.Where(a => a.Key is null).Select(a => a.Value).ToList();

            // Inside batch_alter_table the table is implicit, so every positional argument shifts by one.
            if (batchTable is not null)
            {
                args.Insert(0, batchTable);
            }

            string? Arg(int index) => index < args.Count ? args[index] : null;
            var raws = call.Arguments.Where(a => a.Key is null).Select(a => (string?)a.Raw).ToList();
            if (batchTable is not null)
            {
                raws.Insert(0, batchTable);
            }

            IReadOnlyList<string>? Columns(int index) => KeyColumnText.Names(index < raws.Count ? raws[index] : null);
            MigrationOperation Op(MigrationOperationKind kind, string? table) => DslSupport.Op(kind, call, table);
            switch (call.Name)
            {
                case "create_table":
                    var create = Op(MigrationOperationKind.CreateTable, Arg(0));
                    var keys = raws.Skip(1).OfType<string>().SelectMany(r => AlembicKeys.Of(r, create.Table, call.Line)).ToList();
                    create.InlineKeys = keys.Count > 0 ? keys : null;

                    // The history a later alter_column without existing_type is judged against.
                    var columns = raws.Skip(1).OfType<string>().Select(ColumnCall).OfType<CodeCall>().ToList();
                    if (columns.Count > 0)
                    {
                        create.Columns = columns.Select(c => c.Positional(0) ?? "?").ToList();
                        create.ColumnTypes = columns.Select(c => SqlType(c.Arguments.Where(a => a.Key is null).ElementAtOrDefault(1)?.Raw)).ToList();
                        create.ColumnNullables = columns.Select(c => (bool?)AllowsNull(c)).ToList();
                    }

                    yield return create;
                    break;
                case "drop_table":
                    yield return Op(MigrationOperationKind.DropTable, Arg(0));
                    break;
                case "rename_table":
                    var rename = Op(MigrationOperationKind.RenameTable, Arg(0));
                    rename.NewName = Arg(1);
                    yield return rename;
                    break;
                case "add_column":
                    var column = call.Arguments.FirstOrDefault(a => a.Raw.Contains("Column(", StringComparison.Ordinal));
                    var add = Op(MigrationOperationKind.AddColumn, Arg(0));
                    if (column is not null)
                    {
                        var inner = ColumnCall(column.Raw);
                        add.Column = inner?.Positional(0);
                        add.NewType = SqlType(inner?.Arguments.Where(a => a.Key is null).ElementAtOrDefault(1)?.Raw);
                        add.NewNullable = AllowsNull(inner);
                        add.HasDefault = inner?.HasKeyword("server_default") == true && !DslSupport.IsNone(inner.Keyword("server_default"));
                        // server_default=sa.text("…") is SQL; a plain string is a value SQLAlchemy quotes (a constant).
                        add.DefaultExpression = inner?.Arguments.FirstOrDefault(a => a.Key == "server_default") is { } serverDefault
                            && serverDefault.Raw.TrimStart() is var text && !text.StartsWith('"') && !text.StartsWith('\'') ? serverDefault.Value : null;
                        var inline = AlembicKeys.Of(column.Raw, add.Table, call.Line).ToList();
                        add.ReferencedTable = inline.FirstOrDefault(k => k.Constraint == ConstraintKind.ForeignKey)?.ReferencedTable;
                        add.InlineKeys = inline.Where(k => k.Constraint != ConstraintKind.ForeignKey).ToList() is { Count: > 0 } indexes ? indexes : null;
                    }

                    yield return add;
                    break;
                case "drop_column":
                    var drop = Op(MigrationOperationKind.DropColumn, Arg(0));
                    drop.Column = Arg(1);
                    yield return drop;
                    break;
                case "alter_column":
                    var table = Arg(0);
                    var name = Arg(1);
                    if (call.Keyword("new_column_name") is { } newName)
                    {
                        var renameColumn = Op(MigrationOperationKind.RenameColumn, table);
                        renameColumn.Column = name;
                        renameColumn.NewName = newName;
                        yield return renameColumn;
                    }

                    if (call.HasKeyword("type_") || call.HasKeyword("nullable") || call.HasKeyword("server_default"))
                    {
                        var alter = Op(MigrationOperationKind.AlterColumn, table);
                        alter.Column = name;
                        alter.NewType = SqlType(call.Arguments.FirstOrDefault(a => a.Key == "type_")?.Raw);
                        alter.OldType = SqlType(call.Arguments.FirstOrDefault(a => a.Key == "existing_type")?.Raw);
                        if (alter.NewType is null)
                        {
                            alter.OldType = null;
                        }

                        alter.NewNullable = call.HasKeyword("nullable") ? !DslSupport.IsFalse(call.Keyword("nullable")) : null;
                        alter.OldNullable = call.HasKeyword("existing_nullable") ? !DslSupport.IsFalse(call.Keyword("existing_nullable")) : null;
                        alter.HasDefault = call.HasKeyword("server_default") ? !DslSupport.IsNone(call.Keyword("server_default")) : null;
                        yield return alter;
                    }

                    break;
                case "create_index":
                case "drop_index":
                    var index = Op(call.Name == "create_index" ? MigrationOperationKind.CreateIndex : MigrationOperationKind.DropIndex, call.Keyword("table_name") ?? batchTable ?? (call.Name == "create_index" ? Arg(1) : null));
                    index.Name = ConventionName(call.Keyword("index_name") ?? (batchTable is null ? Arg(0) : Arg(1)));
                    index.Concurrently = DslSupport.IsTrue(call.Keyword("postgresql_concurrently"));
                    index.Unique = DslSupport.IsTrue(call.Keyword("unique"));
                    index.KeyColumns = KeyColumnText.Keyword(call, "columns") ?? Columns(2);
                    yield return index;
                    break;
                case "create_foreign_key":
                case "create_unique_constraint":
                case "create_check_constraint":
                case "create_primary_key":
                case "create_exclude_constraint":
                    var constraint = Op(MigrationOperationKind.AddConstraint, batchTable ?? Arg(1));
                    constraint.Name = ConventionName(batchTable is null ? Arg(0) : Arg(1));
                    constraint.Constraint = call.Name switch
                    {
                        "create_foreign_key" => ConstraintKind.ForeignKey,
                        "create_unique_constraint" => ConstraintKind.Unique,
                        "create_check_constraint" => ConstraintKind.Check,
                        "create_primary_key" => ConstraintKind.PrimaryKey,
                        _ => ConstraintKind.Exclusion,
                    };
                    constraint.NotValid = DslSupport.IsTrue(call.Keyword("postgresql_not_valid"));
                    if (constraint.Constraint == ConstraintKind.ForeignKey)
                    {
                        constraint.KeyColumns = KeyColumnText.Keyword(call, "local_cols") ?? Columns(3);
                        constraint.ReferencedTable = call.Keyword("referent_table") ?? Arg(2);
                    }
                    else if (constraint.Constraint is ConstraintKind.Unique or ConstraintKind.PrimaryKey)
                    {
                        constraint.KeyColumns = KeyColumnText.Keyword(call, "columns") ?? Columns(2);
                    }

                    yield return constraint;
                    break;
                case "drop_constraint":
                    var dropConstraint = Op(MigrationOperationKind.DropConstraint, batchTable ?? Arg(1));
                    dropConstraint.Name = ConventionName(batchTable is null ? Arg(0) : Arg(1));
                    yield return dropConstraint;
                    break;
                case "bulk_insert":
                    yield return Op(MigrationOperationKind.InsertData, Arg(0));
                    break;
                default:
                    var sql = call.Arguments.FirstOrDefault()?.Raw is { } raw && raw.Contains("text(", StringComparison.Ordinal)
                        ? new CodeText(raw, SourceLanguage.Python).Calls(0, raw.Length, n => n == "text").FirstOrDefault()?.Positional(0)
                        : Arg(0);
                    foreach (var op in DslSupport.EmbeddedSql(sql, call.Line, database, call.Text))
                    {
                        yield return op;
                    }

                    break;
            }
        }
    }

    /// <summary>An SQLAlchemy type expression as SQL: sa.String(length=50) → varchar(50), sa.Numeric(14, 2) → numeric(14,2).</summary>
    /// <summary>The <c>sa.Column(…)</c> call an argument holds, or null.</summary>
    private static CodeCall? ColumnCall(string raw) =>
        raw.Contains("Column(", StringComparison.Ordinal)
            ? new CodeText(raw, SourceLanguage.Python).Calls(0, raw.Length, n => n == "Column").FirstOrDefault()
            : null;

    /// <summary>SQLAlchemy's default: NULL allowed unless <c>nullable=False</c> or <c>primary_key=True</c>.</summary>
    private static bool AllowsNull(CodeCall? column) =>
        !DslSupport.IsFalse(column?.Keyword("nullable")) && !DslSupport.IsTrue(column?.Keyword("primary_key"));

    public static string? SqlType(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return null;
        }

        var match = SaType().Match(expression);
        if (!match.Success)
        {
            return expression.Trim();
        }

        var name = match.Groups["name"].Value;
        var numbers = Numbers().Matches(match.Groups["args"].Value).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var sql = name.ToUpperInvariant() switch
        {
            "STRING" or "VARCHAR" or "UNICODE" or "NVARCHAR" => "varchar",
            "TEXT" or "UNICODETEXT" => "text",
            "NUMERIC" or "DECIMAL" => "numeric",
            "INTEGER" or "INT" => "integer",
            "BIGINTEGER" or "BIGINT" => "bigint",
            "SMALLINTEGER" or "SMALLINT" => "smallint",
            "BOOLEAN" => "boolean",
            // DateTime(timezone=True) is PostgreSQL's timestamptz: a change between the two rewrites the table.
            "DATETIME" or "TIMESTAMP" => TimeZone().IsMatch(match.Groups["args"].Value) ? "timestamptz" : "timestamp",
            "TIME" => TimeZone().IsMatch(match.Groups["args"].Value) ? "timetz" : "time",
            "FLOAT" or "DOUBLE" => "double",
            "CHAR" => "char",
            _ => name.ToLowerInvariant(),
        };
        return numbers.Count == 0 ? sql : $"{sql}({string.Join(',', numbers)})";
    }

    /// <summary>
    /// The revisions that ran before this one, oldest first, following <c>down_revision</c> (a merge revision names
    /// several) through the <c>.py</c> files of its folder.
    /// </summary>
    public IReadOnlyList<string>? RunBefore(string upPath, RepositoryFiles files)
    {
        var byRevision = new Dictionary<string, (string Path, List<string> Parents)>(StringComparer.Ordinal);
        (string? Id, List<string> Parents) Ids(string? text) =>
            text is null ? (null, []) : (RevisionId().Match(text) is { Success: true } id ? id.Groups["id"].Value : null,
                DownRevision().Match(text) is { Success: true } down ? QuotedId().Matches(down.Groups["value"].Value).Select(m => m.Groups["id"].Value).ToList() : []);
        foreach (var file in files.FilesIn(RepoPath.Directory(upPath)).Where(p => p.EndsWith(".py", StringComparison.Ordinal) && p != upPath))
        {
            if (Ids(files.ReadHead(file)) is { Id: { } id } revision)
            {
                byRevision[id] = (file, revision.Parents);
            }
        }

        // Depth-first from the parents: each revision after those it revises.
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string id)
        {
            if (!seen.Add(id) || !byRevision.TryGetValue(id, out var revision))
            {
                return;
            }

            foreach (var parent in revision.Parents)
            {
                Visit(parent);
            }

            order.Add(revision.Path);
        }

        foreach (var parent in Ids(files.ReadHead(upPath)).Parents)
        {
            Visit(parent);
        }

        return order;
    }

    [GeneratedRegex(@"(?m)^\s*revision\s*[:=]")]
    private static partial Regex Revision();

    [GeneratedRegex(@"(?m)^\s*revision\s*(?::[^=\n]*)?=\s*[""'](?<id>[\w-]+)[""']")]
    private static partial Regex RevisionId();

    // `alembic merge` writes a merge's parents as a tuple over several lines.
    [GeneratedRegex(@"(?m)^\s*down_revision\s*(?::[^=\n]*)?=\s*(?:\((?<value>[^)]*)\)|(?<value>.+)$)")]
    private static partial Regex DownRevision();

    [GeneratedRegex(@"[""'](?<id>[\w-]+)[""']")]
    private static partial Regex QuotedId();

    /// <summary>
    /// Autogenerate wraps names in the naming convention's marker, <c>op.f("ix_user_email")</c> (<c>batch_op.f</c> in a
    /// batch): the name is the literal inside.
    /// </summary>
    private static string? ConventionName(string? name) =>
        DslSupport.IsNone(name) ? null // None: the naming convention (or the database) names it
        : ConventionMarker().Match(name!) is { Success: true } marked ? marked.Groups["name"].Value : name;

    [GeneratedRegex("""^\s*\w+\.f\(\s*["'](?<name>[^"']+)["']\s*\)\s*$""")]
    private static partial Regex ConventionMarker();

    [GeneratedRegex(@"(?m)^(?<indent>[ \t]*)def\s+(?<name>upgrade|downgrade)\s*\(")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\braise\b")]
    private static partial Regex Raise();

    [GeneratedRegex("""batch_alter_table\(\s*["'](?<table>[^"']+)["'][^)]*\)\s+as\s+(?<alias>\w+)""")]
    private static partial Regex BatchTable();

    [GeneratedRegex(@"(?:\w+\.)*(?<name>\w+)\s*(?:\((?<args>[^)]*)\))?\s*$")]
    private static partial Regex SaType();

    [GeneratedRegex(@"\btimezone\s*=\s*True\b")]
    private static partial Regex TimeZone();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
