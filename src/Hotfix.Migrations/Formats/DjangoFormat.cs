using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Django: <c>&lt;app&gt;/migrations/NNNN_name.py</c> with a <c>Migration</c> class whose <c>operations</c> Django reverses
/// itself — except <c>RunPython</c> without <c>reverse_code</c> and <c>RunSQL</c> without <c>reverse_sql</c>.
/// </summary>
internal sealed partial class DjangoFormat : IMigrationFormat
{
    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "CreateModel", "DeleteModel", "RenameModel", "AlterModelTable", "AddField", "RemoveField", "RenameField", "AlterField",
        "AddIndex", "RemoveIndex", "AddIndexConcurrently", "RemoveIndexConcurrently", "AddConstraint", "RemoveConstraint",
        "AddConstraintNotValid", "ValidateConstraint", "RunSQL", "RunPython", "AlterUniqueTogether", "AlterIndexTogether", "RenameIndex",
    };

    public MigrationFramework Framework => MigrationFramework.Django;

    public MigrationFrameworkFacts Facts { get; } = new("django", "Django", DownSupport.Expected, HasTablelessModels: true, Source: SourceLanguage.Python);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        MigrationPath().IsMatch(path) && text.Contains("migrations.Migration", StringComparison.Ordinal)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var code = new CodeText(text, SourceLanguage.Python);
        var body = new MigrationBody { DownStatus = DownStatus.Automatic, DownDetail = "Django reverses these operations by itself" };
        var stateOnly = StateOnlySpans(code);
        var tables = new DjangoTables(DjangoTables.AppOf(path), body);
        foreach (var call in code.Calls(0, text.Length, Operations.Contains))
        {
            if (stateOnly.Any(span => call.Start >= span.Start && call.Start < span.End))
            {
                continue;
            }

            var model = call.Keyword("model_name") ?? call.Keyword("name") ?? call.Positional(0);
            if (call.Name == "CreateModel" && model is not null && DjangoTables.DbTable(call.Keyword("options")) is { } dbTable)
            {
                tables.Declare(model, dbTable);
            }

            var table = tables.Of(model);
            if (table is not null && body.TablelessModels.Contains(table) && call.Name != "CreateModel")
            {
                continue; // a proxy or unmanaged model this migration declared: Django's state only
            }

            var op = DslSupport.Op(MigrationOperationKind.AlterTable, call, table);
            switch (call.Name)
            {
                case "CreateModel" when table is not null && HasNoTable(call):
                    body.TablelessModels.Add(table);
                    break;
                case "CreateModel":
                    if (table is not null)
                    {
                        body.TablelessModels.Remove(table);
                    }

                    var create = DslSupport.Op(MigrationOperationKind.CreateTable, call, table);
                    var all = FieldDefinition().Matches(call.Keyword("fields") ?? string.Empty);

                    // A ManyToManyField is a join table of its own, not a column.
                    var fields = all.Where(f => !IsManyToMany(f.Groups["field"].Value)).ToList();
                    create.Columns = fields.Select(f => f.Groups["name"].Value).ToList();
                    create.ColumnTypes = fields.Select(f => (string?)DjangoFieldType.AsSql(f.Groups["field"].Value)).ToList();
                    create.ColumnNullables = fields.Select(f => (bool?)NullTrue().IsMatch(f.Groups["field"].Value)).ToList();
                    var keys = fields.SelectMany(f => RelationKeys(create.Table, f.Groups["name"].Value, f.Groups["field"].Value, call, tables)
                        .Concat(FieldKeys(create.Table, f.Groups["name"].Value, f.Groups["field"].Value, call, restated: false))).ToList();
                    create.InlineKeys = keys.Count > 0 ? keys : null;
                    body.Up.Add(create);
                    body.Up.AddRange(all.Where(f => IsManyToMany(f.Groups["field"].Value)).SelectMany(f => JoinTable(model!, table, f.Groups["name"].Value, f.Groups["field"].Value, call)));
                    break;
                case "DeleteModel":
                    body.Up.Add(DslSupport.Op(MigrationOperationKind.DropTable, call, table));
                    break;
                case "RenameModel":
                    var rename = DslSupport.Op(MigrationOperationKind.RenameTable, call, tables.Of(call.Keyword("old_name") ?? call.Positional(0)));
                    rename.NewName = tables.Of(call.Keyword("new_name") ?? call.Positional(1));
                    body.Up.Add(rename);
                    break;
                case "AlterModelTable":
                    var renamed = DslSupport.Op(MigrationOperationKind.RenameTable, call, table);
                    renamed.NewName = call.Keyword("table") ?? call.Positional(1);
                    body.Up.Add(renamed);
                    if (model is not null && renamed.NewName is { } newTable && !DslSupport.IsNone(newTable))
                    {
                        tables.Declare(model, newTable);
                    }

                    break;
                case "AddField":
                    body.Up.AddRange(AddField(call, model, table, tables));
                    break;
                case "RemoveField":
                    // A ManyToManyField's join table is what goes: the scanner tells it from a column by the history.
                    var remove = DslSupport.Op(MigrationOperationKind.DropColumn, call, table);
                    remove.Column = call.Keyword("name") ?? call.Positional(1);
                    body.Up.Add(remove);
                    break;
                case "RenameField":
                    var renameField = DslSupport.Op(MigrationOperationKind.RenameColumn, call, table);
                    renameField.Column = call.Keyword("old_name") ?? call.Positional(1);
                    renameField.NewName = call.Keyword("new_name") ?? call.Positional(2);
                    body.Up.Add(renameField);
                    break;
                case "AlterField":
                    // The field's previous definition is in an earlier migration (the scanner's history supplies it); only the new one is here.
                    var alter = DslSupport.Op(MigrationOperationKind.AlterColumn, call, table);
                    alter.Column = call.Keyword("name") ?? call.Positional(1);
                    alter.NewType = DjangoFieldType.AsSql(call.Keyword("field") ?? call.Positional(2));

                    // AlterField restates the whole field: without null=True the column is made NOT NULL (a no-op when it was).
                    alter.NewNullable = NullTrue().IsMatch(call.Keyword("field") ?? call.Positional(2) ?? string.Empty);
                    alter.RestatesDefinition = true;
                    body.Up.Add(alter);
                    body.Up.AddRange(FieldKeys(alter.Table, alter.Column, call.Keyword("field") ?? call.Positional(2) ?? string.Empty, call, restated: true));
                    break;
                case "AddIndex":
                case "AddIndexConcurrently":
                case "RemoveIndex":
                case "RemoveIndexConcurrently":
                    var index = DslSupport.Op(call.Name.StartsWith("Add", StringComparison.Ordinal) ? MigrationOperationKind.CreateIndex : MigrationOperationKind.DropIndex, call, table);
                    index.Concurrently = call.Name.EndsWith("Concurrently", StringComparison.Ordinal);
                    index.Name = NameIn(call.Keyword("index") ?? call.Keyword("name") ?? string.Empty) ?? call.Keyword("name");
                    index.KeyColumns = FieldsIn(call.Keyword("index") ?? string.Empty);
                    body.Up.Add(index);
                    break;
                case "AddConstraint":
                case "AddConstraintNotValid":
                    var constraint = DslSupport.Op(MigrationOperationKind.AddConstraint, call, table);
                    var definition = call.Keyword("constraint") ?? string.Empty;
                    constraint.Constraint = definition.Contains("UniqueConstraint", StringComparison.Ordinal) ? ConstraintKind.Unique
                        : definition.Contains("CheckConstraint", StringComparison.Ordinal) ? ConstraintKind.Check
                        : definition.Contains("ExclusionConstraint", StringComparison.Ordinal) ? ConstraintKind.Exclusion : ConstraintKind.Unknown;
                    constraint.Name = NameIn(definition);
                    constraint.KeyColumns = constraint.Constraint == ConstraintKind.Unique ? FieldsIn(definition) : null;
                    constraint.NotValid = call.Name == "AddConstraintNotValid";
                    body.Up.Add(constraint);
                    break;
                case "RemoveConstraint":
                    var drop = DslSupport.Op(MigrationOperationKind.DropConstraint, call, table);
                    drop.Name = call.Keyword("name") ?? call.Positional(1);
                    body.Up.Add(drop);
                    break;
                case "ValidateConstraint":
                    var validate = DslSupport.Op(MigrationOperationKind.ValidateConstraint, call, table);
                    validate.Name = call.Keyword("name") ?? call.Positional(1);
                    body.Up.Add(validate);
                    break;
                case "RunSQL":
                    body.Up.AddRange(Statements(code, Argument(call, "sql", 0)).SelectMany(sql => DslSupport.EmbeddedSql(sql, call.Line, database, call.Text)));
                    var reverse = Argument(call, "reverse_sql", 1);
                    if (reverse is null || DslSupport.IsNone(reverse.Value))
                    {
                        Irreversible(body, call, "RunSQL has no reverse_sql");
                    }
                    else if (!reverse.Raw.Contains("noop", StringComparison.Ordinal))
                    {
                        body.Down.AddRange(Statements(code, reverse).SelectMany(sql => DslSupport.EmbeddedSql(sql, call.Line, database, call.Text)));
                    }

                    break;
                case "RunPython":
                    op = DslSupport.Op(MigrationOperationKind.RawSql, call);
                    op.Text = "RunPython " + (call.Keyword("code") ?? call.Positional(0));
                    body.Up.Add(op);
                    if ((call.Keyword("reverse_code") ?? call.Positional(1)) is null)
                    {
                        Irreversible(body, call, "RunPython has no reverse_code");
                    }

                    break;
                default:
                    body.Up.Add(op);
                    break;
            }
        }

        return [new MigrationPiece(null, body, text)];
    }

    private static CodeArgument? Argument(CodeCall call, string key, int position) =>
        call.Arguments.FirstOrDefault(a => a.Key == key) ?? call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(position);

    /// <summary>
    /// The SQL of RunSQL's <c>sql</c> or <c>reverse_sql</c>: one string, or a list (or tuple) of statements, each a string
    /// or a <c>(sql, params)</c> pair. A statement that is not a literal stays null (unreadable SQL).
    /// </summary>
    private static IEnumerable<string?> Statements(CodeText code, CodeArgument? argument)
    {
        if (argument is null)
        {
            yield return null;
            yield break;
        }

        var open = argument.Start;
        var items = code.Mask[open] is '[' or '(' ? code.SplitTopLevel(open + 1, code.MatchingClose(open) - 1) : [];
        if (items.Count == 0)
        {
            yield return argument.Value;
            yield break;
        }

        foreach (var (start, end) in items)
        {
            // ("UPDATE … WHERE id = %s", [42]): the statement is the pair's first element.
            var pair = code.Mask[start] == '(' ? code.SplitTopLevel(start + 1, code.MatchingClose(start) - 1) : [];
            yield return pair.Count > 1 ? code.Literal(pair[0].Start, pair[0].End) : code.Literal(start, end);
        }
    }

    /// <summary>
    /// A proxy model (<c>options={"proxy": True}</c>) shares its parent's table, and an unmanaged one
    /// (<c>"managed": False</c>) is a table Django never creates or drops: neither model has a table of its own.
    /// </summary>
    private static bool HasNoTable(CodeCall call) =>
        call.Keyword("options") is { } options && TablelessOption().IsMatch(options);

    private static IEnumerable<MigrationOperation> AddField(CodeCall call, string? model, string? table, DjangoTables tables)
    {
        var field = call.Keyword("field") ?? call.Positional(2) ?? string.Empty;
        if (IsManyToMany(field) && model is not null && (call.Keyword("name") ?? call.Positional(1)) is { } name)
        {
            foreach (var join in JoinTable(model, table, name, field, call))
            {
                yield return join;
            }

            yield break;
        }

        var add = DslSupport.Op(MigrationOperationKind.AddColumn, call, table);
        add.Column = call.Keyword("name") ?? call.Positional(1);
        add.NewType = DjangoFieldType.AsSql(field);

        // Django's default= fills existing rows at migration time and is dropped afterwards; only db_default stays in the database.
        add.NewNullable = NullTrue().IsMatch(field);
        add.HasDefault = field.Contains("db_default=", StringComparison.Ordinal);
        if (add.HasDefault != true && ModelDefault().Match(field) is { Success: true } modelDefault)
        {
            add.DefaultExpression = modelDefault.Groups["value"].Value.Trim(); // fills the rows there are, kept out of the database
        }

        yield return add;
        foreach (var key in RelationKeys(table, add.Column, field, call, tables).Concat(FieldKeys(table, add.Column, field, call, restated: false)))
        {
            yield return key;
        }
    }

    /// <summary>
    /// A ForeignKey or OneToOneField is a foreign key on <c>&lt;name&gt;_id</c> (or its <c>db_column</c>) with an index
    /// Django creates unless <c>db_index=False</c> (a OneToOneField is unique, so always indexed).
    /// </summary>
    private static IEnumerable<MigrationOperation> RelationKeys(string? table, string? name, string field, CodeCall call, DjangoTables tables)
    {
        var oneToOne = field.Contains("OneToOneField(", StringComparison.Ordinal);
        if (name is null || !oneToOne && !field.Contains("ForeignKey(", StringComparison.Ordinal))
        {
            yield break;
        }

        string column = DbColumn().Match(field) is { Success: true } renamed ? renamed.Groups[1].Value : name + "_id";
        var target = tables.Referenced(Target(field));
        yield return new MigrationOperation(MigrationOperationKind.AddConstraint)
        {
            Table = table, Constraint = ConstraintKind.ForeignKey, KeyColumns = [column], ReferencedTable = target, Line = call.Line, Text = call.Text,
        };
        if (oneToOne || !field.Contains("db_index=False", StringComparison.Ordinal))
        {
            yield return new MigrationOperation(MigrationOperationKind.CreateIndex) { Table = table, KeyColumns = [column], Unique = oneToOne, Line = call.Line, Text = call.Text };
        }
    }

    /// <summary>
    /// The unique constraint (<c>unique=True</c>) or index (<c>db_index=True</c>) a plain field declares — a relation's
    /// keys are <see cref="RelationKeys"/>', a primary key is the table's. From <c>AlterField</c>, which restates the
    /// whole field, it is built only where the earlier definition lacked it (<paramref name="restated"/>).
    /// </summary>
    private static IEnumerable<MigrationOperation> FieldKeys(string? table, string? name, string field, CodeCall call, bool restated)
    {
        if (name is null || field.Contains("ForeignKey(", StringComparison.Ordinal) || field.Contains("OneToOneField(", StringComparison.Ordinal)
            || field.Contains("ManyToManyField(", StringComparison.Ordinal) || PrimaryKeyTrue().IsMatch(field))
        {
            yield break;
        }

        var column = DbColumn().Match(field) is { Success: true } renamed ? renamed.Groups[1].Value : name;
        if (UniqueTrue().IsMatch(field))
        {
            yield return new MigrationOperation(MigrationOperationKind.AddConstraint)
            {
                Table = table, Constraint = ConstraintKind.Unique, Unique = true, KeyColumns = [column], RestatesDefinition = restated, Line = call.Line, Text = call.Text,
            };
        }
        else if (DbIndexTrue().IsMatch(field))
        {
            yield return new MigrationOperation(MigrationOperationKind.CreateIndex)
            {
                Table = table, KeyColumns = [column], RestatesDefinition = restated, Line = call.Line, Text = call.Text,
            };
        }
    }

    private static bool IsManyToMany(string field) => field.Contains("ManyToManyField(", StringComparison.Ordinal);

    /// <summary>The model a relation field points at (<c>to="shop.customer"</c>, or its first argument).</summary>
    private static string? Target(string field) =>
        RelationTarget().Match(field) is { Success: true } to ? (to.Groups[1].Success ? to.Groups[1].Value : to.Groups[2].Value) : null;

    /// <summary>
    /// The join table of a ManyToManyField, <c>&lt;table&gt;_&lt;field&gt;</c>, with a key column for each model (for a
    /// relation to <c>"self"</c>, <c>from_…</c> and <c>to_…</c>); none for a <c>through</c> model, whose own CreateModel makes it.
    /// </summary>
    private static IEnumerable<MigrationOperation> JoinTable(string model, string? table, string field, string definition, CodeCall call)
    {
        if (Through().IsMatch(definition))
        {
            yield break;
        }

        var target = Target(definition);
        var own = model.ToLowerInvariant();
        var other = target is null or "self" ? own : target[(target.LastIndexOf('.') + 1)..].ToLowerInvariant();
        var self = own == other;
        yield return new MigrationOperation(MigrationOperationKind.CreateTable)
        {
            Table = table + "_" + field,
            Columns = ["id", (self ? "from_" : string.Empty) + own + "_id", (self ? "to_" : string.Empty) + other + "_id"],
            ColumnTypes = ["bigint", "bigint", "bigint"],
            ColumnNullables = [false, false, false],
            Line = call.Line,
            Text = call.Text,
        };
    }

    /// <summary>The <c>fields=[…]</c> of an Index or UniqueConstraint; a leading '-' (descending) is not part of the name.</summary>
    private static IReadOnlyList<string>? FieldsIn(string definition) =>
        IndexFields().Match(definition) is { Success: true } m ? KeyColumnText.Names(m.Groups[1].Value)?.Select(f => f.TrimStart('(').TrimEnd(')').TrimStart('-')).ToList() : null;

    /// <summary>
    /// The <c>state_operations</c> lists of <c>SeparateDatabaseAndState</c>: they change Django's model state only,
    /// never the database (a RemoveField there keeps the column), so their operations are not read.
    /// </summary>
    private static List<(int Start, int End)> StateOnlySpans(CodeText code) =>
        StateOperations().Matches(code.Mask).Select(m => (m.Index, code.MatchingClose(m.Index + m.Length - 1))).ToList();

    private static void Irreversible(MigrationBody body, CodeCall call, string why)
    {
        if (body.DownStatus == DownStatus.Irreversible)
        {
            return;
        }

        body.DownStatus = DownStatus.Irreversible;
        body.DownDetail = $"{why} (line {call.Line}): Django cannot migrate backwards past this migration";
        body.DownLine = call.Line;
    }

    private static string? NameIn(string definition) => ConstraintName().Match(definition) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"(^|/)migrations/[0-9]{4}_\w+\.py$")]
    private static partial Regex MigrationPath();

    [GeneratedRegex(@"\bstate_operations\s*=\s*\[")]
    private static partial Regex StateOperations();

    [GeneratedRegex("""\(\s*["'](?<name>\w+)["']\s*,\s*(?<field>models\.\w+\([^()]*(?:\([^()]*\)[^()]*)*\))""")]
    private static partial Regex FieldDefinition();

    [GeneratedRegex("""db_column\s*=\s*["'](\w+)["']""")]
    private static partial Regex DbColumn();

    [GeneratedRegex("""\bto\s*=\s*["']([\w.]+)["']|(?:ForeignKey|OneToOneField)\(\s*["']([\w.]+)["']""")]
    private static partial Regex RelationTarget();

    [GeneratedRegex(@"\bfields\s*=\s*(\[[^\]]*\]|\([^)]*\))")]
    private static partial Regex IndexFields();

    [GeneratedRegex("""["'](?:proxy["']\s*:\s*True|managed["']\s*:\s*False)\b""")]
    private static partial Regex TablelessOption();

    [GeneratedRegex(@"\bthrough\s*=")]
    private static partial Regex Through();

    [GeneratedRegex(@"\bunique\s*=\s*True")]
    private static partial Regex UniqueTrue();

    [GeneratedRegex(@"\bdb_index\s*=\s*True")]
    private static partial Regex DbIndexTrue();

    [GeneratedRegex(@"\bprimary_key\s*=\s*True")]
    private static partial Regex PrimaryKeyTrue();

    [GeneratedRegex(@"\bnull\s*=\s*True")]
    private static partial Regex NullTrue();

    [GeneratedRegex("""name\s*=\s*["']([^"']+)["']""")]
    private static partial Regex ConstraintName();

    [GeneratedRegex(@"(?<![\w.])default\s*=\s*(?<value>[^,)]+)")]
    private static partial Regex ModelDefault();
}
