using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Rails (Active Record): <c>db/migrate/&lt;timestamp&gt;_name.rb</c> classes with <c>change</c> (reversed by Rails) or
/// <c>up</c>/<c>down</c>; calls read by name (add_column, remove_column, add_index … algorithm: :concurrently, execute).
/// </summary>
internal sealed partial class RailsFormat : IMigrationFormat
{
    private static readonly HashSet<string> Calls = new(StringComparer.Ordinal)
    {
        "create_table", "drop_table", "rename_table", "add_column", "remove_column", "remove_columns", "rename_column", "change_column",
        "change_column_null", "change_column_default", "add_index", "remove_index", "rename_index", "add_reference", "add_belongs_to",
        "remove_reference", "remove_belongs_to", "add_foreign_key", "remove_foreign_key", "validate_foreign_key", "add_check_constraint",
        "remove_check_constraint", "validate_check_constraint", "add_timestamps", "remove_timestamps", "execute", "update_all",
        "delete_all", "destroy_all", "create_schema", "drop_schema", "add_unique_constraint", "remove_unique_constraint",
        "change_table", "references", "belongs_to", "index", "foreign_key", "bigint", "integer", "uuid", "string", "column",
        "text", "boolean", "decimal", "numeric", "float", "datetime", "timestamp", "timestamps", "date", "time", "binary", "json", "jsonb",
        "smallint", "citext", "remove", "change", "change_default", "change_null", "rename", "remove_references", "check_constraint",
        "unique_constraint",
    };

    /// <summary>The column types of a <c>create_table</c> block (<c>t.string :name</c>), and <c>t.column :name, :type</c>.</summary>
    private static readonly HashSet<string> BlockColumnTypes = new(StringComparer.Ordinal)
    {
        "bigint", "integer", "smallint", "uuid", "string", "text", "citext", "boolean", "decimal", "numeric", "float", "datetime",
        "timestamp", "date", "time", "binary", "json", "jsonb", "column",
    };

    /// <summary>Column definitions in a table block that can hold a key: their <c>index: true</c> is an index on the column.</summary>
    private static readonly HashSet<string> KeyColumnTypes = new(StringComparer.Ordinal) { "bigint", "integer", "uuid", "string", "column" };

    /// <summary>Calls on the block variable of create_table (<c>t.references</c>, <c>t.index</c>): keys of the table being created.</summary>
    private static readonly HashSet<string> TableBlockCalls = new(StringComparer.Ordinal) { "references", "belongs_to", "index", "foreign_key" };

    /// <summary>Inside <c>change_table :orders do |t|</c>, a block call is its table-level twin on that table.</summary>
    private static readonly Dictionary<string, string> ChangeTableTwins = new(StringComparer.Ordinal)
    {
        ["references"] = "add_reference", ["belongs_to"] = "add_belongs_to", ["index"] = "add_index", ["foreign_key"] = "add_foreign_key",
        ["column"] = "add_column", ["timestamps"] = "add_timestamps", ["remove"] = "remove_columns", ["change"] = "change_column",
        ["change_default"] = "change_column_default", ["change_null"] = "change_column_null", ["rename"] = "rename_column",
        ["remove_references"] = "remove_reference", ["remove_belongs_to"] = "remove_belongs_to", ["remove_index"] = "remove_index",
        ["remove_timestamps"] = "remove_timestamps", ["rename_index"] = "rename_index", ["check_constraint"] = "add_check_constraint",
        ["remove_check_constraint"] = "remove_check_constraint", ["remove_foreign_key"] = "remove_foreign_key",
        ["unique_constraint"] = "add_unique_constraint", ["remove_unique_constraint"] = "remove_unique_constraint",
    };

    /// <summary>Calls that exist only on change_table's block variable (<c>t.remove</c>, <c>t.change</c>): elsewhere they are not migration calls.</summary>
    private static readonly HashSet<string> TableOnlyCalls = new(StringComparer.Ordinal)
    {
        "remove", "change", "change_default", "change_null", "rename", "remove_references", "check_constraint", "unique_constraint",
    };

    /// <summary>Calls Rails cannot reverse inside <c>change</c> (without the extra arguments that make them reversible).</summary>
    private static readonly HashSet<string> IrreversibleInChange = new(StringComparer.Ordinal)
    {
        "execute", "change_column", "update_all", "delete_all", "destroy_all",
    };

    public MigrationFramework Framework => MigrationFramework.Rails;

    public MigrationFrameworkFacts Facts { get; } = new("rails", "Rails", DownSupport.Expected, Source: SourceLanguage.Ruby);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        if (path.EndsWith("db/schema.rb", StringComparison.Ordinal) || path.EndsWith("db/structure.sql", StringComparison.Ordinal))
        {
            return new MigrationFileMatch(Framework, MigrationFileRole.SchemaIntent, "Rails schema");
        }

        return path.EndsWith(".rb", StringComparison.Ordinal) && (MigratePath().IsMatch(path) || text.Contains("ActiveRecord::Migration", StringComparison.Ordinal))
               && text.Contains("ActiveRecord::Migration", StringComparison.Ordinal)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;
    }

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var code = new CodeText(text, SourceLanguage.Ruby);
        var body = new MigrationBody();
        var change = DslSupport.IndentedBlock(code, Definition(), "change");
        var up = DslSupport.IndentedBlock(code, Definition(), "up");
        var down = DslSupport.IndentedBlock(code, Definition(), "down");
        if (change is { } c)
        {
            // Rails runs a reversible's dir.down blocks only when rolling back: their steps are the down's, not the up's.
            var reversible = ReversibleBlocks(code, c.Start, c.End);
            var ops = Operations(code, c.Start, c.End, database, reversible, out var irreversible).ToList();
            body.Up.AddRange(ops);
            body.DownOnly.AddRange(reversible.SelectMany(r => r.Down).SelectMany(d => Operations(code, d.Start, d.End, database, [], out _)));
            body.DownLine = c.Line;
            if (irreversible is { } call)
            {
                body.DownStatus = DownStatus.Irreversible;
                body.DownDetail = $"`change` uses {call.Name} (line {call.Line}), which Rails cannot reverse: rolling back raises ActiveRecord::IrreversibleMigration (use up/down or reversible)";
                body.DownLine = call.Line;
            }
            else
            {
                body.DownStatus = DownStatus.Automatic;
                body.DownDetail = "Rails reverses `change` by itself";
            }
        }
        else if (up is { } u)
        {
            body.Up.AddRange(Operations(code, u.Start, u.End, database, [], out _));
            if (down is not { } d)
            {
                body.DownStatus = DownStatus.Missing;
                body.DownDetail = "the migration defines up but no down";
            }
            else
            {
                body.DownLine = d.Line;
                var raise = Raise().Match(code.Mask, d.Start, d.End - d.Start);
                if (raise.Success)
                {
                    body.DownStatus = DownStatus.Irreversible;
                    body.DownDetail = "down raises ActiveRecord::IrreversibleMigration";
                    body.DownLine = code.LineOf(raise.Index);
                }

                body.Down.AddRange(Operations(code, d.Start, d.End, database, [], out _));
            }
        }

        return [new MigrationPiece(null, body, text)];
    }

    /// <summary>
    /// A <c>reversible do |dir| … end</c> block of <c>change</c> (or <c>reversible { |dir| … }</c>) with the spans of its
    /// <c>dir.down</c> blocks.
    /// </summary>
    private sealed record Reversible(int Start, int End, IReadOnlyList<(int Start, int End)> Down)
    {
        public bool Holds(int offset) => offset >= Start && offset < End;
    }

    private static List<Reversible> ReversibleBlocks(CodeText code, int from, int to)
    {
        var result = new List<Reversible>();
        foreach (Match block in ReversibleBlock().Matches(code.Mask, from))
        {
            if (block.Index >= to)
            {
                break;
            }

            var end = Math.Min(to, BlockEnd(code, block.Groups["open"].Index));
            var downs = Direction().Matches(code.Mask[..end], block.Index + block.Length)
                .Where(d => d.Groups["var"].Value == block.Groups["var"].Value && d.Groups["dir"].Value == "down")
                .Select(d => (d.Index, Math.Min(end, BlockEnd(code, d.Groups["open"].Index))))
                .ToList();
            result.Add(new Reversible(block.Index, end, downs));
        }

        return result;
    }

    /// <summary>The end of the block opened at <paramref name="open"/>: a <c>{ … }</c> at its brace, a <c>do … end</c> by indentation.</summary>
    private static int BlockEnd(CodeText code, int open) => code.Mask[open] == '{' ? code.MatchingClose(open) : DslSupport.DoBlockEnd(code, open);

    private static IEnumerable<MigrationOperation> Operations(
        CodeText code, int from, int to, MigrationDatabase database, IReadOnlyList<Reversible> reversible, out CodeCall? irreversible)
    {
        var result = new List<MigrationOperation>();
        CodeCall? oneWay = null;
        MigrationOperation? creating = null;
        (string Table, int End, string Variable)? changing = null;
        foreach (var candidate in code.Calls(from, to, Calls.Contains, allowBareRubyCalls: true))
        {
            var call = candidate;
            if (reversible.Any(r => r.Down.Any(d => call.Start >= d.Start && call.Start < d.End)))
            {
                continue; // runs when rolling back only
            }

            if (changing is { } block && call.Start >= block.End)
            {
                changing = null;
            }

            if (changing is { } table && call.Receiver == table.Variable)
            {
                // change_table's block calls are the table-level calls Rails makes of them, on that table.
                foreach (var twin in ChangeTableCalls(call, table.Table))
                {
                    Step(twin);
                }

                if (BlockColumnTypes.Contains(call.Name) && ColumnIndex(call, table.Table) is { } columnIndex)
                {
                    result.Add(columnIndex);
                }

                continue;
            }

            if (TableOnlyCalls.Contains(call.Name))
            {
                continue; // t.remove, t.change … outside a change_table block are no migration calls (`def change` included)
            }

            if (creating is not null && call.Receiver.Length > 0 && (BlockColumnTypes.Contains(call.Name) || call.Name is "timestamps" or "references" or "belongs_to"))
            {
                CreatedColumns(creating, call);
            }

            if (call.Name == "timestamps" || BlockColumnTypes.Contains(call.Name) && !KeyColumnTypes.Contains(call.Name))
            {
                continue; // a column of a create_table block: nothing more to read
            }

            if (KeyColumnTypes.Contains(call.Name))
            {
                // t.bigint :buyer_id, index: true — the column is read with the table; its index is a key of it.
                if (call.Receiver.Length > 0 && creating?.Table is { } blockTable && ColumnIndex(call, blockTable) is { } columnIndex)
                {
                    creating.InlineKeys = [.. creating.InlineKeys ?? [], columnIndex];
                }

                continue;
            }

            if (TableBlockCalls.Contains(call.Name))
            {
                if (call.Receiver.Length > 0 && creating is not null)
                {
                    // t.foreign_key :customers is add_foreign_key on the table being created: one reading of its options.
                    var keys = call.Name == "foreign_key"
                        ? creating.Table is { } created ? Map(call.WithFirstArgument("add_foreign_key", created), code, database) : []
                        : TableBlockKeys(call, creating.Table, code);
                    creating.InlineKeys = [.. creating.InlineKeys ?? [], .. keys];
                }

                continue;
            }

            if (call.Name == "change_table")
            {
                // Its block changes an existing table; its t.references are not keys of an earlier create_table.
                creating = null;
                changing = call.Positional(0) is { } changed && BlockVariable().Match(Line(call, code)) is { Success: true } variable
                    ? (changed, DslSupport.DoBlockEnd(code, call.Start), variable.Groups["var"].Value)
                    : null;
                continue;
            }

            Step(call);
        }

        irreversible = oneWay;
        return result;

        void Step(CodeCall call)
        {
            var inReversible = reversible.Any(r => r.Holds(call.Start));
            if (oneWay is null && !inReversible && (IrreversibleInChange.Contains(call.Name)
                || call.Name == "remove_column" && call.Arguments.Count(a => a.Key is null) < 3
                || call.Name == "remove_columns" && !call.HasKeyword("type")
                || call.Name == "change_column_default" && !call.HasKeyword("to")))
            {
                oneWay = call;
            }

            var mapped = Map(call, code, database).ToList();
            result.AddRange(mapped);
            creating = call.Name == "create_table" ? mapped.LastOrDefault(o => o.Kind == MigrationOperationKind.CreateTable) : creating;
        }
    }

    /// <summary>
    /// A call on the block variable of <c>change_table :orders do |t|</c> as the table-level calls Rails makes of it
    /// (ActiveRecord's <c>Table</c>): <c>t.string :a, :b</c> is <c>add_column</c> for each name, <c>t.remove</c>
    /// <c>remove_columns</c>, <c>t.change</c> <c>change_column</c>, <c>t.rename</c> <c>rename_column</c> ….
    /// </summary>
    private static IEnumerable<CodeCall> ChangeTableCalls(CodeCall call, string table)
    {
        CodeArgument Literal(string value, string raw) => new(null, value, raw, call.ArgsStart, call.ArgsStart);
        var keywords = call.Arguments.Where(a => a.Key is not null).ToList();
        var names = call.Arguments.Where(a => a.Key is null).ToList();
        if (BlockColumnTypes.Contains(call.Name) && call.Name != "column")
        {
            foreach (var name in names)
            {
                yield return call.Twin("add_column", [Literal(table, table), name, Literal(call.Name, ":" + call.Name), .. keywords]);
            }
        }
        else if (ChangeTableTwins.TryGetValue(call.Name, out var twin))
        {
            // t.references :customer, :buyer adds each; the others take the table before their own arguments.
            var each = twin is "add_reference" or "add_belongs_to" or "remove_reference" or "remove_belongs_to";
            if (!each)
            {
                yield return call.WithFirstArgument(twin, table);
                yield break;
            }

            foreach (var name in names)
            {
                yield return call.Twin(twin, [Literal(table, table), name, .. keywords]);
            }
        }
    }

    private static IEnumerable<MigrationOperation> Map(CodeCall call, CodeText code, MigrationDatabase database)
    {
        var table = call.Positional(0);
        MigrationOperation Op(MigrationOperationKind kind) => DslSupport.Op(kind, call, table);
        switch (call.Name)
        {
            case "create_table":
                if (call.Keyword("force") is { } force && !DslSupport.IsFalse(force))
                {
                    yield return Op(MigrationOperationKind.DropTable);
                }

                yield return Op(MigrationOperationKind.CreateTable);
                break;
            case "drop_table":
                yield return Op(MigrationOperationKind.DropTable);
                break;
            case "rename_table":
                var rename = Op(MigrationOperationKind.RenameTable);
                rename.NewName = call.Positional(1);
                yield return rename;
                break;
            case "add_column":
                var add = Op(MigrationOperationKind.AddColumn);
                add.Column = call.Positional(1);
                add.NewType = SqlType(call);
                add.NewNullable = !DslSupport.IsFalse(call.Keyword("null"));
                add.HasDefault = call.HasKeyword("default") && !DslSupport.IsNone(call.Keyword("default"));
                add.DefaultExpression = DefaultSql(call.Keyword("default"));
                yield return add;
                break;
            case "remove_column":
                var remove = Op(MigrationOperationKind.DropColumn);
                remove.Column = call.Positional(1);
                // remove_column :orders, :legacy_total, :integer — the type is what makes it reversible in change.
                remove.OldType = SqlType(call);
                yield return remove;
                break;
            case "remove_columns":
                foreach (var column in call.Arguments.Where(a => a.Key is null).Skip(1))
                {
                    var op = Op(MigrationOperationKind.DropColumn);
                    op.Column = column.Value;
                    yield return op;
                }

                break;
            case "rename_column":
                var renameColumn = Op(MigrationOperationKind.RenameColumn);
                renameColumn.Column = call.Positional(1);
                renameColumn.NewName = call.Positional(2);
                yield return renameColumn;
                break;
            case "change_column":
                var alter = Op(MigrationOperationKind.AlterColumn);
                alter.Column = call.Positional(1);
                alter.NewType = SqlType(call);
                if (call.HasKeyword("null"))
                {
                    // PostgreSQL's adapter adds SET/DROP NOT NULL when null: is given; a change only where the column was otherwise.
                    alter.NewNullable = !DslSupport.IsFalse(call.Keyword("null"));
                    alter.RestatesDefinition = true;
                }

                yield return alter;
                break;
            case "change_column_null":
                var nullability = Op(MigrationOperationKind.AlterColumn);
                nullability.Column = call.Positional(1);
                nullability.NewNullable = !DslSupport.IsFalse(call.Positional(2));
                yield return nullability;
                break;
            case "change_column_default":
                var defaults = Op(MigrationOperationKind.AlterColumn);
                defaults.Column = call.Positional(1);
                defaults.HasDefault = true;
                yield return defaults;
                break;
            case "add_index":
            case "remove_index":
                var index = Op(call.Name == "add_index" ? MigrationOperationKind.CreateIndex : MigrationOperationKind.DropIndex);
                index.Name = call.Keyword("name");
                index.Concurrently = call.Keyword("algorithm") is "concurrently" or ":concurrently";
                index.Unique = DslSupport.IsTrue(call.Keyword("unique"));
                index.KeyColumns = KeyColumnText.Positional(call, 1) ?? KeyColumnText.Keyword(call, "column");
                yield return index;
                break;
            case "rename_index":
                var renameIndex = Op(MigrationOperationKind.RenameIndex);
                renameIndex.Name = call.Positional(1);
                renameIndex.NewName = call.Positional(2);
                yield return renameIndex;
                break;
            case "add_reference":
            case "add_belongs_to":
            case "remove_reference":
            case "remove_belongs_to":
                var adding = call.Name.StartsWith("add", StringComparison.Ordinal);
                var reference = Op(adding ? MigrationOperationKind.AddColumn : MigrationOperationKind.DropColumn);
                reference.Column = call.Positional(1) + "_id";
                reference.NewNullable = !DslSupport.IsFalse(call.Keyword("null"));
                reference.HasDefault = false;
                var polymorphic = DslSupport.IsTrue(call.Keyword("polymorphic"));

                // A reference column is a foreign key whether or not a constraint backs it: joins and lookups go through it.
                reference.ReferencedTable = adding && !polymorphic ? call.Positional(1) : null;
                yield return reference;
                if (adding && !IndexDisabled(call))
                {
                    var refIndex = Op(MigrationOperationKind.CreateIndex);
                    refIndex.Concurrently = call.Keyword("index")?.Contains("concurrently", StringComparison.Ordinal) == true
                        || Line(call, code).Contains("algorithm: :concurrently", StringComparison.Ordinal);
                    refIndex.KeyColumns = polymorphic ? [call.Positional(1) + "_type", reference.Column] : [reference.Column];
                    yield return refIndex;
                }

                if (adding && call.Keyword("foreign_key") is { } fk && !DslSupport.IsFalse(fk))
                {
                    var constraint = Op(MigrationOperationKind.AddConstraint);
                    constraint.Constraint = ConstraintKind.ForeignKey;
                    constraint.NotValid = fk.Contains("validate: false", StringComparison.Ordinal);
                    constraint.KeyColumns = [reference.Column];
                    constraint.ReferencedTable = call.Positional(1);
                    yield return constraint;
                }

                break;
            case "add_foreign_key":
            case "add_check_constraint":
            case "add_unique_constraint":
                var add2 = Op(MigrationOperationKind.AddConstraint);
                add2.Constraint = call.Name switch { "add_foreign_key" => ConstraintKind.ForeignKey, "add_check_constraint" => ConstraintKind.Check, _ => ConstraintKind.Unique };
                add2.Name = call.Keyword("name");
                add2.NotValid = DslSupport.IsFalse(call.Keyword("validate"));
                add2.UsingIndex = call.HasKeyword("using_index");
                if (call.Name == "add_foreign_key" && call.Positional(1) is { } referenced)
                {
                    // Rails names the column after the referenced table (customers → customer_id) unless column: says otherwise.
                    add2.ReferencedTable = referenced;
                    add2.KeyColumns = KeyColumnText.Keyword(call, "column") ?? [KeyColumnText.ReferenceColumn(referenced)];
                }
                else if (call.Name == "add_unique_constraint")
                {
                    add2.KeyColumns = KeyColumnText.Positional(call, 1);
                }

                yield return add2;
                break;
            case "remove_foreign_key":
            case "remove_check_constraint":
            case "remove_unique_constraint":
                var drop = Op(MigrationOperationKind.DropConstraint);
                drop.Name = call.Keyword("name");
                yield return drop;
                break;
            case "validate_foreign_key":
            case "validate_check_constraint":
                var validate = Op(MigrationOperationKind.ValidateConstraint);
                validate.Name = call.Keyword("name") ?? call.Positional(1);
                yield return validate;
                break;
            case "add_timestamps":
            case "remove_timestamps":
                foreach (var column in new[] { "created_at", "updated_at" })
                {
                    var op = Op(call.Name == "add_timestamps" ? MigrationOperationKind.AddColumn : MigrationOperationKind.DropColumn);
                    op.Column = column;
                    op.NewType = "timestamp";

                    // Rails makes them NOT NULL unless null: true says otherwise (as t.timestamps does in create_table).
                    op.NewNullable = DslSupport.IsTrue(call.Keyword("null"));
                    op.HasDefault = call.HasKeyword("default");
                    yield return op;
                }

                break;
            case "create_schema":
            case "drop_schema":
                yield return new MigrationOperation(call.Name == "create_schema" ? MigrationOperationKind.CreateSchema : MigrationOperationKind.DropSchema) { Name = table, Line = call.Line, Text = call.Text };
                break;
            case "execute":
                foreach (var op in DslSupport.EmbeddedSql(call.Positional(0), call.Line, database, call.Text))
                {
                    yield return op;
                }

                break;
            default:
                // Model.where(…).update_all(…) / delete_all: bounded when a where (or find_by/limit) precedes it.
                var chain = DataChain(code, call.Start);
                var data = new MigrationOperation(call.Name == "update_all" ? MigrationOperationKind.UpdateData : MigrationOperationKind.DeleteData)
                {
                    Table = ModelTable(code, chain),
                    HasWhere = chain.Contains(".where", StringComparison.Ordinal) || chain.Contains(".find_by", StringComparison.Ordinal) || chain.Contains(".limit", StringComparison.Ordinal) || chain.Contains(".in_batches", StringComparison.Ordinal),
                    Line = call.Line,
                    Text = call.Text,
                };
                yield return data;
                break;
        }
    }

    /// <summary>
    /// The chain of calls a data call ends (<c>Order.where(…)</c> of <c>Order.where(…).update_all</c>): its statement —
    /// the lines it continues with a leading or trailing dot — and, for a block variable
    /// (<c>Model.where(…).in_batches do |relation| relation.update_all … end</c>), the chain that yields it.
    /// </summary>
    private static string DataChain(CodeText code, int position)
    {
        var chain = RubyStatement(code, position);
        if (BlockReceiver().Match(chain) is { Success: true } receiver
            && BlockParameters().Matches(code.Mask[..position]).LastOrDefault(b => b.Groups["params"].Value.Split(',').Any(p => p.Trim() == receiver.Groups["var"].Value)) is { } block)
        {
            chain = RubyStatement(code, block.Index) + chain;
        }

        return chain;
    }

    /// <summary>The code from the start of the Ruby statement holding <paramref name="position"/> up to it.</summary>
    private static string RubyStatement(CodeText code, int position)
    {
        var start = code.Mask.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        while (start > 0)
        {
            var previousEnd = start - 1;
            var previousStart = code.Mask.LastIndexOf('\n', Math.Max(0, previousEnd - 1)) + 1;
            var line = code.Mask[start..position].TrimStart();
            var previous = code.Mask[previousStart..previousEnd].TrimEnd();
            if (!line.StartsWith('.') && !line.StartsWith("&.", StringComparison.Ordinal) && !previous.EndsWith('.') && !previous.EndsWith(',') && !previous.EndsWith('\\'))
            {
                break;
            }

            start = previousStart;
        }

        return code.Mask[start..position];
    }

    /// <summary>
    /// The table of the model a data call starts from (<c>Order.where(…).update_all</c>): the <c>self.table_name</c> a
    /// model class in the file declares, else Active Record's convention — the class name in snake case, plural
    /// (<c>OrderItem</c> → <c>order_items</c>, <c>Admin::Category</c> → <c>categories</c>).
    /// </summary>
    private static string? ModelTable(CodeText code, string chain)
    {
        var model = ModelName().Matches(chain).LastOrDefault()?.Groups["model"].Value;
        if (model is null)
        {
            return null;
        }

        var declared = DeclaredTableName().Matches(code.Text).FirstOrDefault(d => d.Groups["model"].Value == model);
        if (declared is not null)
        {
            return declared.Groups["table"].Value;
        }

        var name = model[(model.LastIndexOf(':') + 1)..];
        var snake = string.Concat(name.Select((c, k) => char.IsUpper(c) ? (k > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
        return snake.EndsWith('y') && snake.Length > 1 && !"aeiou".Contains(snake[^2]) ? snake[..^1] + "ies"
            : snake.EndsWith('s') || snake.EndsWith('x') || snake.EndsWith('z') || snake.EndsWith("ch", StringComparison.Ordinal) || snake.EndsWith("sh", StringComparison.Ordinal) ? snake + "es"
            : snake + "s";
    }

    /// <summary>
    /// The SQL of a default Rails passes through unquoted: <c>default: -&gt; { "gen_random_uuid()" }</c>. Any other
    /// default (<c>"gen_random_uuid()"</c> included) is a value Rails quotes: a constant, with no expression to evaluate.
    /// </summary>
    private static string? DefaultSql(string? value) =>
        value is not null && DefaultLambda().Match(value) is { Success: true } lambda ? lambda.Groups["sql"].Value : null;

    /// <summary><c>index: false</c> on a reference.</summary>
    private static bool IndexDisabled(CodeCall call) => DslSupport.IsFalse(call.Keyword("index"));

    /// <summary>The call's line from the call on (a bare call's arguments as written, braces included).</summary>
    private static string Line(CodeCall call, CodeText code)
    {
        var end = code.Mask.IndexOf('\n', call.Start);
        return code.Mask[call.Start..(end < 0 ? code.Mask.Length : end)];
    }

    /// <summary><c>t.references :customer</c> (indexed unless <c>index: false</c>) and <c>t.index</c> inside create_table.</summary>
    private static IEnumerable<MigrationOperation> TableBlockKeys(CodeCall call, string? table, CodeText code)
    {
        if (call.Name == "index")
        {
            yield return new MigrationOperation(MigrationOperationKind.CreateIndex) { Table = table, KeyColumns = KeyColumnText.Positional(call, 0), Line = call.Line, Text = call.Text };
            yield break;
        }

        var name = call.Positional(0);
        if (name is null)
        {
            yield break;
        }

        var column = name + "_id";
        var polymorphic = DslSupport.IsTrue(call.Keyword("polymorphic"));
        if (!polymorphic)
        {
            yield return new MigrationOperation(MigrationOperationKind.AddConstraint)
            {
                Table = table, Constraint = ConstraintKind.ForeignKey, KeyColumns = [column], ReferencedTable = name, Line = call.Line, Text = call.Text,
            };
        }

        if (!IndexDisabled(call))
        {
            yield return new MigrationOperation(MigrationOperationKind.CreateIndex)
            {
                Table = table, KeyColumns = polymorphic ? [name + "_type", column] : [column], Line = call.Line, Text = call.Text,
            };
        }
    }

    /// <summary>The index a column definition asks for (<c>index: true</c>, <c>index: { unique: true }</c>); null when none.</summary>
    private static MigrationOperation? ColumnIndex(CodeCall call, string table) =>
        call.Keyword("index") is { } index && !DslSupport.IsFalse(index) && call.Positional(0) is { } column
            ? new MigrationOperation(MigrationOperationKind.CreateIndex)
            {
                Table = table, KeyColumns = [column], Line = call.Line, Text = call.Text,
                Name = $"index_{table}_on_{column}", // Rails' own name for it
                Concurrently = index.Contains("concurrently", StringComparison.Ordinal),
                Unique = index.Contains("unique: true", StringComparison.Ordinal),
            }
            : null;

    /// <summary>
    /// The columns a <c>create_table</c> block defines, in order, with their types and nullability (Rails' defaults: an
    /// <c>id</c> primary key unless <c>id: false</c>, NULL allowed unless <c>null: false</c>, timestamps NOT NULL): the
    /// history a later <c>change_column</c> or <c>change_column_null</c> is judged against.
    /// </summary>
    private static void CreatedColumns(MigrationOperation created, CodeCall call)
    {
        if (created.Columns is null)
        {
            created.Columns = created.Text is { } text && IdFalse().IsMatch(text) ? [] : ["id"];
            created.ColumnTypes = created.Columns.Count == 0 ? [] : ["bigint"];
            created.ColumnNullables = created.Columns.Count == 0 ? [] : [false];
        }

        var columns = new List<(string Name, string? Type, bool Nullable)>();
        switch (call.Name)
        {
            case "timestamps":
                var allowsNull = DslSupport.IsTrue(call.Keyword("null"));
                columns.Add(("created_at", "timestamp", allowsNull));
                columns.Add(("updated_at", "timestamp", allowsNull));
                break;
            case "references" or "belongs_to":
                if (call.Positional(0) is { } reference)
                {
                    columns.Add((reference + "_id", call.Keyword("type") is "uuid" or ":uuid" ? "uuid" : "bigint", !DslSupport.IsFalse(call.Keyword("null"))));
                }

                break;
            case "column":
                if (call.Positional(0) is { } named)
                {
                    columns.Add((named, SqlType(call.Positional(1), call), !DslSupport.IsFalse(call.Keyword("null"))));
                }

                break;
            default:
                foreach (var name in call.Arguments.Where(a => a.Key is null).Select(a => a.Value).OfType<string>())
                {
                    columns.Add((name, SqlType(call.Name, call), !DslSupport.IsFalse(call.Keyword("null"))));
                }

                break;
        }

        created.Columns = [.. created.Columns, .. columns.Select(c => c.Name)];
        created.ColumnTypes = [.. created.ColumnTypes ?? [], .. columns.Select(c => c.Type)];
        created.ColumnNullables = [.. created.ColumnNullables ?? [], .. columns.Select(c => (bool?)c.Nullable)];
    }

    private static string? SqlType(CodeCall call) => SqlType(call.Positional(2), call);

    /// <summary>
    /// An Active Record column type with its options as the SQL type the shared type-change rules compare:
    /// <c>:string, limit: 50</c> → <c>varchar(50)</c>, <c>:decimal, precision: 12, scale: 2</c> → <c>numeric(12,2)</c>.
    /// </summary>
    private static string? SqlType(string? type, CodeCall call)
    {
        var limit = call.Keyword("limit");
        return type switch
        {
            null => null,
            "string" => limit is null ? "varchar" : $"varchar({limit})",
            "decimal" or "numeric" => call.Keyword("precision") is { } precision ? $"numeric({precision},{call.Keyword("scale") ?? "0"})" : "numeric",
            "datetime" => "timestamp",
            "float" => "double",
            "binary" => "binary",
            _ => type,
        };
    }

    [GeneratedRegex(@"(^|/)db/migrate/[0-9]+_\w+\.rb$")]
    private static partial Regex MigratePath();

    [GeneratedRegex(@"(?m)^(?<indent>[ \t]*)def\s+(?:self\.)?(?<name>up|down|change)\b")]
    private static partial Regex Definition();

    [GeneratedRegex(@"raise\s+(ActiveRecord::)?IrreversibleMigration")]
    private static partial Regex Raise();

    [GeneratedRegex("""^(?:->|lambda|proc)\s*\{\s*(?<q>["'])(?<sql>.*)\k<q>\s*\}$""", RegexOptions.Singleline)]
    private static partial Regex DefaultLambda();

    [GeneratedRegex(@"\bid:\s*false\b")]
    private static partial Regex IdFalse();

    [GeneratedRegex(@"\breversible\s*(?<open>do\b|\{)\s*\|\s*(?<var>\w+)\s*\|")]
    private static partial Regex ReversibleBlock();

    [GeneratedRegex(@"\b(?<var>\w+)\.(?<dir>up|down)\s*(?<open>do\b|\{)")]
    private static partial Regex Direction();

    /// <summary>The block variable of a call's <c>do |t|</c> (or <c>{ |t|</c>).</summary>
    [GeneratedRegex(@"(?:\bdo|\{)\s*\|\s*(?<var>\w+)\s*\|")]
    private static partial Regex BlockVariable();

    [GeneratedRegex(@"^\s*(?<var>[a-z_]\w*)\s*\.")]
    private static partial Regex BlockReceiver();

    [GeneratedRegex(@"(?:\bdo|\{)\s*\|(?<params>[^|\n]*)\|")]
    private static partial Regex BlockParameters();

    /// <summary>A constant a chain of calls starts from: <c>Order.</c>, <c>Admin::User.</c> (the last one before the call).</summary>
    [GeneratedRegex(@"(?<![\w:.])(?<model>[A-Z]\w*(?:::[A-Z]\w*)*)\s*\.")]
    private static partial Regex ModelName();

    /// <summary><c>class MigrationUser &lt; ApplicationRecord … self.table_name = "users"</c>.</summary>
    [GeneratedRegex("""class\s+(?<model>\w+)\s*<\s*(?:ApplicationRecord|ActiveRecord::Base)\b[^\n]*\n(?:(?!\s*class\b)[^\n]*\n)*?\s*self\.table_name\s*=\s*["'](?<table>\w+)["']""")]
    private static partial Regex DeclaredTableName();
}
