using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Sql;

/// <summary>
/// Recognises the DDL and data statements that matter for migration risk in PostgreSQL, MySQL, SQLite and T-SQL text,
/// from tokens alone. Whatever it does not recognise becomes a <see cref="MigrationOperationKind.RawSql"/> operation
/// (shown to the reviewer verbatim); transaction control and session settings produce no operation. Never throws.
/// </summary>
internal static partial class SqlStatementRecognizer
{
    private static readonly HashSet<string> NoOperation = new(StringComparer.OrdinalIgnoreCase)
    {
        "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "SET", "RESET", "PRAGMA", "USE", "ANALYZE",
        "ANALYSE", "COMMENT", "PRINT", "DECLARE", "LOCK", "SHOW", "EXPLAIN", "CHECKPOINT", "DISCARD",
    };

    private static readonly HashSet<string> ColumnConstraintWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "NOT", "NULL", "DEFAULT", "CONSTRAINT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "GENERATED", "COLLATE", "AS",
        "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "FIRST", "AFTER", "COMMENT", "ON", "USING", "CHARACTER", "CHARSET",
        "STORED", "VIRTUAL", "ENCODE", "SPARSE", "ROWGUIDCOL", "WITH", "FILESTREAM",
    };

    /// <summary>Words that start a table constraint, not a column, in a CREATE TABLE definition list.</summary>
    private static readonly HashSet<string> TableConstraintWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "KEY", "INDEX", "EXCLUDE", "LIKE", "PERIOD", "FULLTEXT", "SPATIAL",
    };

    /// <summary>Words of a select list that are not column names.</summary>
    private static readonly HashSet<string> SelectKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "NOT", "IS", "IN", "DISTINCT", "CURRENT_TIMESTAMP",
        "CURRENT_DATE", "INTEGER", "TEXT", "VARCHAR", "REAL", "NUMERIC", "BOOLEAN", "INT", "BIGINT",
    };

    public static IReadOnlyList<MigrationOperation> Recognize(SqlStatement statement, MigrationDatabase database)
    {
        try
        {
            var tokens = SqlTokenizer.Tokenize(statement.Text, database);
            if (tokens.Count == 0)
            {
                return [];
            }

            var reader = new Reader(tokens, statement, database);
            return reader.Read();
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            // A recogniser bug must not hide the statement: keep it as raw SQL.
            return [Raw(statement)];
        }
    }

    /// <summary>A raw-SQL operation for a statement nobody recognised.</summary>
    public static MigrationOperation Raw(SqlStatement statement) =>
        new(MigrationOperationKind.RawSql) { Line = statement.Line, Text = OneLine(statement.Text) };

    /// <summary>The statement on one line, at most 160 characters, for reports.</summary>
    public static string OneLine(string text)
    {
        var collapsed = string.Join(" ", text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length > 160 ? collapsed.Substring(0, 157) + "..." : collapsed;
    }

    private sealed partial class Reader(List<SqlToken> t, SqlStatement statement, MigrationDatabase database)
    {
        private int i;
        private readonly List<MigrationOperation> ops = [];

        public List<MigrationOperation> Read()
        {
            var first = t[0];
            if (first.Kind == SqlTokenKind.Word && NoOperation.Contains(first.Text) && !(first.Is("BEGIN") && t.Count > 1 && !IsTransactionWord(t[1])))
            {
                return ops;
            }

            if (first.Is("WITH"))
            {
                SkipCommonTableExpressions();
            }

            var word = Peek().Upper;
            switch (word)
            {
                case "CREATE": Create(); break;
                case "DROP": Drop(); break;
                case "ALTER": Alter(); break;
                case "RENAME": RenameTables(); break;
                case "TRUNCATE": Truncate(); break;
                case "UPDATE": Update(); break;
                case "DELETE": Delete(); break;
                case "INSERT":
                case "REPLACE":
                case "MERGE":
                case "COPY": Insert(); break;
                case "REINDEX": Reindex(); break;
                case "VACUUM":
                case "CLUSTER":
                case "OPTIMIZE": Maintenance(word); break;
                case "EXEC":
                case "EXECUTE":
                case "CALL": Execute(); break;
                case "DO": DoBlock(); break;
                case "GRANT":
                case "REVOKE": Add(new MigrationOperation(MigrationOperationKind.AlterObject) { ObjectType = "privileges", Name = OneLine(statement.Text) }); break;
                default: break;
            }

            if (ops.Count == 0)
            {
                ops.Add(Raw(statement));
            }

            return ops;
        }

        private static bool IsTransactionWord(SqlToken token) =>
            token.Is("TRANSACTION") || token.Is("WORK") || token.Is("TRAN") || token.Is("DEFERRED") || token.Is("IMMEDIATE")
            || token.Is("EXCLUSIVE") || token.IsSymbol(";");

        // ---- CREATE -------------------------------------------------------------------------------------------
        private void Create()
        {
            i++;
            Skip("OR", "REPLACE");
            Skip("OR", "ALTER");
            var temporary = Peek().Is("TEMP") || Peek().Is("TEMPORARY") || (Peek().Is("GLOBAL") || Peek().Is("LOCAL")) && (PeekAt(1).Is("TEMP") || PeekAt(1).Is("TEMPORARY"));
            while (Peek().Is("TEMP") || Peek().Is("TEMPORARY") || Peek().Is("UNLOGGED") || Peek().Is("GLOBAL") || Peek().Is("LOCAL")
                   || Peek().Is("DEFINER") || Peek().Is("ALGORITHM") || Peek().Is("SQL") || Peek().Is("MATERIALIZED") && !PeekAt(1).Is("VIEW"))
            {
                if (Peek().Is("DEFINER") || Peek().Is("ALGORITHM"))
                {
                    i++;
                    Skip("=");
                    i++;
                    continue;
                }

                i++;
            }

            var unique = Take("UNIQUE");
            Take("CLUSTERED");
            Take("NONCLUSTERED");
            Take("FULLTEXT");
            Take("SPATIAL");
            if (Take("INDEX"))
            {
                var op = new MigrationOperation(MigrationOperationKind.CreateIndex) { Unique = unique };
                op.Concurrently = Take("CONCURRENTLY");
                Skip("IF", "NOT", "EXISTS");
                if (!Peek().Is("ON"))
                {
                    op.Name = Name();
                }

                if (Take("ON"))
                {
                    // ON ONLY a partitioned table makes an empty, invalid index on the parent alone; PostgreSQL's way to
                    // index partitions without blocking (each partition's index is built CONCURRENTLY, then attached).
                    op.Concurrently |= Take("ONLY");
                    op.Table = Name();
                    if (Take("USING"))
                    {
                        i++;
                    }

                    op.KeyColumns = KeyColumnList();
                }

                op.Online = HasOption("ONLINE", "ON");
                op.CopiesTable = CopiesTable();
                Add(op);
                return;
            }

            if (Take("TABLE"))
            {
                Skip("IF", "NOT", "EXISTS");
                var table = Name();
                var definitions = i;
                var columns = ColumnDefinitions(out var types, out var nullables);
                var end = i;
                i = definitions;
                var keys = TableKeys(table);
                i = end;

                // A column of the table's PRIMARY KEY (…) is NOT NULL whatever its own definition says.
                foreach (var key in keys?.Where(k => k.Constraint == ConstraintKind.PrimaryKey) ?? [])
                {
                    for (var k = 0; k < (columns?.Count ?? 0); k++)
                    {
                        if (key.KeyColumns?.Any(c => MigrationOperation.NormalizeName(c) == MigrationOperation.NormalizeName(columns![k])) == true)
                        {
                            nullables![k] = false;
                        }
                    }
                }

                Add(new MigrationOperation(MigrationOperationKind.CreateTable) { Table = table, Columns = columns, ColumnTypes = types, ColumnNullables = nullables, InlineKeys = keys, Temporary = temporary });
                return;
            }

            if (Take("SCHEMA"))
            {
                Skip("IF", "NOT", "EXISTS");
                Add(new MigrationOperation(MigrationOperationKind.CreateSchema) { Name = Name() });
                return;
            }

            var type = ObjectType();
            if (type is not null)
            {
                Skip("IF", "NOT", "EXISTS");
                var created = new MigrationOperation(MigrationOperationKind.CreateObject) { ObjectType = type, Name = Peek().IsName ? Name() : null };
                if (type == "type" && Take("AS") && Take("ENUM"))
                {
                    created.EnumLabels = Strings();
                }

                Add(created);
            }
        }

        /// <summary>The string literals from here to the end of the statement (an enum's labels).</summary>
        private List<string> Strings() => t.Skip(i).Where(x => x.Kind == SqlTokenKind.String).Select(x => x.Text).ToList();

        // ---- DROP ---------------------------------------------------------------------------------------------
        private void Drop()
        {
            i++;
            Take("TEMPORARY");
            if (Take("TABLE"))
            {
                Skip("IF", "EXISTS");
                var cascade = Contains("CASCADE");
                foreach (var name in NameList())
                {
                    Add(new MigrationOperation(MigrationOperationKind.DropTable) { Table = name, Cascade = cascade });
                }

                return;
            }

            if (Take("INDEX"))
            {
                var concurrently = Take("CONCURRENTLY");
                Skip("IF", "EXISTS");
                foreach (var name in NameList())
                {
                    var op = new MigrationOperation(MigrationOperationKind.DropIndex) { Name = name, Concurrently = concurrently };
                    if (Take("ON"))
                    {
                        op.Table = Name();
                    }

                    op.Online = HasOption("ONLINE", "ON");
                    Add(op);
                }

                return;
            }

            if (Take("SCHEMA"))
            {
                Skip("IF", "EXISTS");
                var cascade = Contains("CASCADE");
                foreach (var name in NameList())
                {
                    Add(new MigrationOperation(MigrationOperationKind.DropSchema) { Name = name, Cascade = cascade });
                }

                return;
            }

            if (Take("DATABASE"))
            {
                Skip("IF", "EXISTS");
                Add(new MigrationOperation(MigrationOperationKind.DropObject) { ObjectType = "database", Name = Name() });
                return;
            }

            var type = ObjectType();
            if (type is not null)
            {
                Skip("IF", "EXISTS");
                var cascade = Contains("CASCADE");
                foreach (var name in NameList())
                {
                    Add(new MigrationOperation(MigrationOperationKind.DropObject) { ObjectType = type, Name = name, Cascade = cascade });
                }
            }
        }

        private string? ObjectType()
        {
            var word = Peek().Upper;
            switch (word)
            {
                case "MATERIALIZED":
                    i += 2;
                    return "materialized view";
                case "VIEW": case "SEQUENCE": case "TYPE": case "FUNCTION": case "PROCEDURE": case "TRIGGER": case "EXTENSION":
                case "DOMAIN": case "ROLE": case "USER": case "POLICY": case "RULE": case "COLLATION": case "AGGREGATE": case "EVENT":
                case "PUBLICATION": case "SUBSCRIPTION": case "SYNONYM": case "PROC": case "STATISTICS": case "SERVER": case "OPERATOR":
                    i++;
                    return word.ToLowerInvariant();
                default:
                    return null;
            }
        }

        // ---- ALTER --------------------------------------------------------------------------------------------
        private void Alter()
        {
            i++;
            if (Take("TABLE"))
            {
                Skip("IF", "EXISTS");
                Take("ONLY");
                var table = Name();
                Take("*");
                var copies = CopiesTable();
                foreach (var action in Actions())
                {
                    AlterTableAction(table, action);
                }

                if (copies)
                {
                    foreach (var op in ops)
                    {
                        op.CopiesTable = true;
                    }
                }

                return;
            }

            if (Take("INDEX"))
            {
                Skip("IF", "EXISTS");
                var name = Name();
                if (Take("RENAME") && Take("TO"))
                {
                    Add(new MigrationOperation(MigrationOperationKind.RenameIndex) { Name = name, NewName = Name() });
                }
                else
                {
                    Add(new MigrationOperation(MigrationOperationKind.AlterObject) { ObjectType = "index", Name = name });
                }

                return;
            }

            if (Take("SCHEMA"))
            {
                var name = Name();
                if (Take("RENAME") && Take("TO"))
                {
                    Add(new MigrationOperation(MigrationOperationKind.RenameSchema) { Name = name, NewName = Name() });
                }
                else
                {
                    Add(new MigrationOperation(MigrationOperationKind.AlterObject) { ObjectType = "schema", Name = name });
                }

                return;
            }

            var type = ObjectType();
            if (type is not null)
            {
                Skip("IF", "EXISTS");
                var altered = new MigrationOperation(MigrationOperationKind.AlterObject) { ObjectType = type, Name = Peek().IsName ? Name() : null };
                if (type == "type")
                {
                    EnumTypeAction(altered);
                }

                Add(altered);
            }
        }

        /// <summary>
        /// <c>ALTER TYPE t ADD VALUE [IF NOT EXISTS] 'c' [BEFORE|AFTER 'b']</c>, <c>RENAME VALUE 'a' TO 'b'</c>,
        /// <c>RENAME TO t2</c>: what an enum's labels and name become (the enum swap frameworks write reads through them).
        /// </summary>
        private void EnumTypeAction(MigrationOperation altered)
        {
            if (Take("ADD") && Take("VALUE"))
            {
                Skip("IF", "NOT", "EXISTS");
                altered.EnumLabels = Peek().Kind == SqlTokenKind.String ? [Peek().Text] : null;
            }
            else if (Take("RENAME") && Take("VALUE"))
            {
                altered.EnumLabels = Strings().Take(2).ToList();
                altered.RenamesEnumLabel = altered.EnumLabels.Count == 2;
            }
            else if (Take("TO"))
            {
                // RENAME was taken above.
                altered.NewName = Peek().IsName ? Name() : null;
            }
        }

        private void AlterTableAction(string table, List<SqlToken> a)
        {
            var r = new Reader(a, statement, database);
            var op = r.TableAction(table);
            if (op is not null)
            {
                foreach (var o in r.ops)
                {
                    Add(o);
                }

                Add(op);
            }
            else
            {
                foreach (var o in r.ops)
                {
                    Add(o);
                }
            }
        }

        /// <summary>One comma-separated action of ALTER TABLE (this reader's tokens are the action's).</summary>
        private MigrationOperation? TableAction(string table)
        {
            if (t.Count == 0)
            {
                return null;
            }

            if (Take("WITH"))
            {
                // T-SQL: WITH NOCHECK ADD CONSTRAINT … adds it without checking existing rows (PostgreSQL's NOT VALID).
                var notValid = Take("NOCHECK");
                Take("CHECK");
                var inner = TableAction(table);
                if (inner is not null && notValid)
                {
                    inner.NotValid = true;
                }

                if (inner is not null && inner.Kind == MigrationOperationKind.ValidateConstraint && notValid)
                {
                    return new MigrationOperation(MigrationOperationKind.AlterTable) { Table = table, Name = inner.Name };
                }

                return inner;
            }

            if (Take("ADD"))
            {
                return AddAction(table);
            }

            if (Take("DROP"))
            {
                return DropAction(table);
            }

            if (Take("RENAME"))
            {
                if (Take("COLUMN"))
                {
                    var from = Name();
                    Take("TO");
                    return new MigrationOperation(MigrationOperationKind.RenameColumn) { Table = table, Column = from, NewName = Name() };
                }

                if (Take("TO") || Take("AS"))
                {
                    return new MigrationOperation(MigrationOperationKind.RenameTable) { Table = table, NewName = Name() };
                }

                if (Take("CONSTRAINT"))
                {
                    return new MigrationOperation(MigrationOperationKind.AlterTable) { Table = table, Name = Name() };
                }

                if (Take("INDEX") || Take("KEY"))
                {
                    var index = Name();
                    Take("TO");
                    return new MigrationOperation(MigrationOperationKind.RenameIndex) { Table = table, Name = index, NewName = Name() };
                }

                var column = Name();
                Take("TO");
                return new MigrationOperation(MigrationOperationKind.RenameColumn) { Table = table, Column = column, NewName = Name() };
            }

            if (Take("ALTER"))
            {
                Take("COLUMN");
                return AlterColumn(table, Name());
            }

            if (Take("MODIFY"))
            {
                Take("COLUMN");
                var column = Name();
                return ColumnDefinition(new MigrationOperation(MigrationOperationKind.AlterColumn) { Table = table, Column = column, RestatesDefinition = true }, nullableWhenUnsaid: false);
            }

            if (Take("CHANGE"))
            {
                Take("COLUMN");
                var from = Name();
                var to = Name();
                var alter = ColumnDefinition(new MigrationOperation(MigrationOperationKind.AlterColumn) { Table = table, Column = to, RestatesDefinition = true }, nullableWhenUnsaid: false);
                if (!MigrationOperation.NormalizeName(from).Equals(MigrationOperation.NormalizeName(to), StringComparison.Ordinal))
                {
                    Add(new MigrationOperation(MigrationOperationKind.RenameColumn) { Table = table, Column = from, NewName = to });
                }

                return alter;
            }

            if (Take("VALIDATE"))
            {
                Take("CONSTRAINT");
                return new MigrationOperation(MigrationOperationKind.ValidateConstraint) { Table = table, Name = Name() };
            }

            if (Peek().Is("CHECK") && PeekAt(1).Is("CONSTRAINT"))
            {
                // T-SQL: (WITH CHECK) CHECK CONSTRAINT x validates an existing constraint.
                i += 2;
                return new MigrationOperation(MigrationOperationKind.ValidateConstraint) { Table = table, Name = Name() };
            }

            if (Peek().Is("ALGORITHM") || Peek().Is("LOCK"))
            {
                return null;
            }

            return new MigrationOperation(MigrationOperationKind.AlterTable) { Table = table, Name = t[0].Text.ToLowerInvariant() };
        }

        private MigrationOperation AddAction(string table)
        {
            if (Take("CONSTRAINT"))
            {
                var name = Name();
                return Constraint(table, name);
            }

            if (Peek().Is("PRIMARY") || Peek().Is("UNIQUE") && !PeekAt(1).Is("INDEX") && !PeekAt(1).Is("KEY") || Peek().Is("FOREIGN")
                || Peek().Is("CHECK") || Peek().Is("EXCLUDE"))
            {
                return Constraint(table, null);
            }

            if (Peek().Is("INDEX") || Peek().Is("KEY") || Peek().Is("UNIQUE") || Peek().Is("FULLTEXT") || Peek().Is("SPATIAL"))
            {
                var unique = Take("UNIQUE");
                Take("FULLTEXT");
                Take("SPATIAL");
                Take("INDEX");
                Take("KEY");
                var index = new MigrationOperation(MigrationOperationKind.CreateIndex) { Table = table, Unique = unique };
                if (Peek().IsName)
                {
                    index.Name = Name();
                }

                index.KeyColumns = KeyColumnList();

                // MySQL/InnoDB builds secondary indexes online; the statement's ALGORITHM/LOCK decide otherwise.
                index.Online = true;
                index.Concurrently = database == MigrationDatabase.MySql;
                return index;
            }

            Take("COLUMN");
            Skip("IF", "NOT", "EXISTS");
            var column = Name();
            var start = i;
            var added = ColumnDefinition(new MigrationOperation(MigrationOperationKind.AddColumn) { Table = table, Column = column }, nullableWhenUnsaid: true);
            var end = i;
            i = start;
            var inline = ColumnKeys(table, column, t.Count);
            i = end;
            added.ReferencedTable = inline.FirstOrDefault(k => k.Constraint == ConstraintKind.ForeignKey)?.ReferencedTable;
            added.InlineKeys = inline.Where(k => k.Constraint != ConstraintKind.ForeignKey).ToList() is { Count: > 0 } indexes ? indexes : null;
            return added;
        }

        private MigrationOperation Constraint(string table, string? name)
        {
            var op = new MigrationOperation(MigrationOperationKind.AddConstraint) { Table = table, Name = name };
            if (Take("PRIMARY"))
            {
                op.Constraint = ConstraintKind.PrimaryKey;
            }
            else if (Take("UNIQUE"))
            {
                op.Constraint = ConstraintKind.Unique;
            }
            else if (Take("FOREIGN"))
            {
                op.Constraint = ConstraintKind.ForeignKey;
            }
            else if (Take("CHECK"))
            {
                op.Constraint = ConstraintKind.Check;
            }
            else if (Take("EXCLUDE"))
            {
                op.Constraint = ConstraintKind.Exclusion;
            }

            if (op.Constraint is ConstraintKind.PrimaryKey or ConstraintKind.Unique or ConstraintKind.ForeignKey)
            {
                KeyColumnsAndReference(op);
            }

            op.NotValid = ContainsSequence("NOT", "VALID");
            op.IndexName = UsingIndexName();
            op.UsingIndex = op.IndexName != null;
            return op;
        }

        private MigrationOperation DropAction(string table)
        {
            if (Take("CONSTRAINT"))
            {
                Skip("IF", "EXISTS");
                return new MigrationOperation(MigrationOperationKind.DropConstraint) { Table = table, Name = Name() };
            }

            if (Peek().Is("PRIMARY"))
            {
                return new MigrationOperation(MigrationOperationKind.DropConstraint) { Table = table, Constraint = ConstraintKind.PrimaryKey };
            }

            if (Take("FOREIGN"))
            {
                Take("KEY");
                return new MigrationOperation(MigrationOperationKind.DropConstraint) { Table = table, Constraint = ConstraintKind.ForeignKey, Name = Name() };
            }

            if (Take("INDEX") || Take("KEY"))
            {
                return new MigrationOperation(MigrationOperationKind.DropIndex) { Table = table, Name = Name(), Concurrently = database == MigrationDatabase.MySql };
            }

            if (Take("CHECK"))
            {
                return new MigrationOperation(MigrationOperationKind.DropConstraint) { Table = table, Constraint = ConstraintKind.Check, Name = Name() };
            }

            Take("COLUMN");
            Skip("IF", "EXISTS");
            var column = Name();
            return new MigrationOperation(MigrationOperationKind.DropColumn) { Table = table, Column = column, Cascade = Contains("CASCADE") };
        }

        private MigrationOperation AlterColumn(string table, string column)
        {
            var op = new MigrationOperation(MigrationOperationKind.AlterColumn) { Table = table, Column = column };
            if (Take("TYPE") || Skip("SET", "DATA", "TYPE"))
            {
                op.NewType = TypeText();
                return op;
            }

            if (Skip("SET", "NOT", "NULL"))
            {
                op.NewNullable = false;
                return op;
            }

            if (Skip("DROP", "NOT", "NULL"))
            {
                op.NewNullable = true;
                return op;
            }

            if (Skip("SET", "DEFAULT"))
            {
                op.HasDefault = true;
                op.DefaultExpression = Rest();
                return op;
            }

            if (Skip("DROP", "DEFAULT"))
            {
                op.HasDefault = false;
                return op;
            }

            if (Peek().Is("SET") || Peek().Is("DROP") || Peek().Is("ADD") || Peek().Is("RESTART"))
            {
                // SET STATISTICS / STORAGE / identity options: metadata, nothing to judge.
                return op;
            }

            // T-SQL: ALTER COLUMN c nvarchar(50) NOT NULL restates the whole column.
            return ColumnDefinition(op, nullableWhenUnsaid: false);
        }

        /// <summary>Reads "type [constraints…]" of a column definition into <paramref name="op"/>.</summary>
        private MigrationOperation ColumnDefinition(MigrationOperation op, bool nullableWhenUnsaid)
        {
            op.NewType = TypeText();
            var lowerType = op.NewType?.ToLowerInvariant() ?? string.Empty;
            if (lowerType is "serial" or "bigserial" or "smallserial" or "serial4" or "serial8")
            {
                op.HasDefault = true;
                op.DefaultExpression = "nextval(sequence)";
            }

            while (i < t.Count)
            {
                if (Skip("NOT", "NULL"))
                {
                    op.NewNullable = false;
                }
                else if (Take("NULL"))
                {
                    op.NewNullable = true;
                }
                else if (Take("DEFAULT"))
                {
                    op.HasDefault = true;
                    op.DefaultExpression = Expression();
                }
                else if (Take("GENERATED") || Peek().Is("AS") && PeekAt(1).IsSymbol("("))
                {
                    Take("AS");
                    var generated = ExpressionUntil("STORED", "VIRTUAL");
                    if (generated.Contains("IDENTITY", StringComparison.OrdinalIgnoreCase))
                    {
                        op.HasDefault = true;
                        op.DefaultExpression = "nextval(identity)";
                    }
                    else
                    {
                        op.GeneratedStored = Take("STORED") || database != MigrationDatabase.MySql && !Take("VIRTUAL");
                    }
                }
                else if (Take("AUTO_INCREMENT") || Take("AUTOINCREMENT") || Take("IDENTITY"))
                {
                    op.HasDefault = true;
                    op.DefaultExpression = "nextval(identity)";
                    SkipParenthesis();
                }
                else if (Skip("PRIMARY", "KEY"))
                {
                    op.NewNullable = false;
                }
                else
                {
                    i++;
                }
            }

            if (op.NewNullable is null && nullableWhenUnsaid && op.Kind == MigrationOperationKind.AddColumn)
            {
                op.NewNullable = true;
            }

            if (op.Kind == MigrationOperationKind.AddColumn && op.HasDefault is null)
            {
                op.HasDefault = false;
            }

            return op;
        }

        /// <summary>Whether the column definition starting at <paramref name="from"/> allows NULL: not when it says NOT NULL or PRIMARY KEY.</summary>
        private bool ColumnAllowsNull(int from, int inner)
        {
            for (var k = from; k < t.Count && !(t[k].IsSymbol(",") && t[k].Depth == inner) && t[k].Depth >= inner; k++)
            {
                if (t[k].Depth == inner && (t[k].Is("NOT") && k + 1 < t.Count && t[k + 1].Is("NULL") || t[k].Is("PRIMARY") && k + 1 < t.Count && t[k + 1].Is("KEY")))
                {
                    return false;
                }
            }

            return true;
        }

        // The type's own parentheses may hold commas (numeric(10,2)); a comma or closing parenthesis of the list the
        // column sits in ends it.
        private string? TypeText()
        {
            var start = i;
            var depth = i < t.Count ? t[start].Depth : 0;
            while (i < t.Count && t[i].Depth >= depth && !(t[i].Kind == SqlTokenKind.Word && t[i].Depth == depth && i > start && ColumnConstraintWords.Contains(t[i].Text)
                   && !(t[i].Is("WITH") && PeekAt(1).Is("TIME"))))
            {
                if (t[i].Depth == depth && (t[i].Is("USING") || t[i].IsSymbol(",")))
                {
                    break;
                }

                i++;
            }

            return i > start ? Join(start, i) : null;
        }

        private string Expression()
        {
            var start = i;
            var depth = Peek().Depth;
            while (i < t.Count && !(t[i].Depth == depth && t[i].Kind == SqlTokenKind.Word && ColumnConstraintWords.Contains(t[i].Text) && i > start))
            {
                i++;
            }

            return Join(start, i);
        }

        private string ExpressionUntil(params string[] words)
        {
            var start = i;
            while (i < t.Count && !words.Any(w => t[i].Is(w)))
            {
                i++;
            }

            return Join(start, i);
        }

        private void SkipParenthesis()
        {
            if (!Peek().IsSymbol("("))
            {
                return;
            }

            var depth = Peek().Depth;
            i++;
            while (i < t.Count && !(t[i].IsSymbol(")") && t[i].Depth == depth))
            {
                i++;
            }

            i++;
        }

        // ---- other statements ---------------------------------------------------------------------------------
        private void RenameTables()
        {
            i++;
            Take("TABLE");
            while (i < t.Count)
            {
                var from = Name();
                if (!Take("TO"))
                {
                    break;
                }

                Add(new MigrationOperation(MigrationOperationKind.RenameTable) { Table = from, NewName = Name() });
                if (!Take(","))
                {
                    break;
                }
            }
        }

        private void Truncate()
        {
            i++;
            Take("TABLE");
            Take("ONLY");
            var cascade = Contains("CASCADE");
            foreach (var name in NameList())
            {
                Add(new MigrationOperation(MigrationOperationKind.Truncate) { Table = name, Cascade = cascade });
            }
        }

        private void Update()
        {
            i++;
            Take("ONLY");
            Take("LOW_PRIORITY");
            Take("IGNORE");
            if (Take("TOP"))
            {
                SkipParenthesis();
            }

            var table = Name();
            Add(new MigrationOperation(MigrationOperationKind.UpdateData) { Table = table, HasWhere = BoundsItsRows() });
        }

        private void Delete()
        {
            i++;
            Take("LOW_PRIORITY");
            Take("QUICK");
            Take("IGNORE");
            if (Take("TOP"))
            {
                SkipParenthesis();
            }

            if (!Take("FROM"))
            {
                // MySQL multi-table / T-SQL: DELETE t FROM t JOIN …
                while (i < t.Count && !t[i].Is("FROM") && !t[i].Is("WHERE"))
                {
                    i++;
                }

                Take("FROM");
            }

            Take("ONLY");
            var table = Name();
            Add(new MigrationOperation(MigrationOperationKind.DeleteData) { Table = table, HasWhere = BoundsItsRows() });
        }

        /// <summary>
        /// Whether this UPDATE/DELETE names the rows it changes. The shared scanner decides, so a migration's statement
        /// (HF2008) and the same text passed to a raw SQL API in code (HF2009) are judged alike.
        /// </summary>
        private bool BoundsItsRows() => SqlWriteScope.FindUnboundedWrites(statement.Text).Count == 0;

        private void Insert()
        {
            i++;
            Take("IGNORE");
            Take("INTO");
            var op = new MigrationOperation(MigrationOperationKind.InsertData) { Table = Peek().IsName ? Name() : null };
            if (Peek().IsSymbol("("))
            {
                op.Columns = ParenthesisedNames();
            }

            if (Take("SELECT"))
            {
                Take("DISTINCT");
                op.SourceColumns = SelectedColumns();
                op.SourceTable = Take("FROM") && Peek().IsName ? Name() : null;
            }

            Add(op);
        }

        /// <summary>The column names of a CREATE TABLE's definition list (table constraints skipped); null without a list.</summary>
        /// <summary>
        /// The columns a CREATE TABLE defines, each with its type as written (null when it states none, as SQLite allows)
        /// and whether it allows NULL (unless NOT NULL or PRIMARY KEY says otherwise, SQL's default).
        /// </summary>
        private List<string>? ColumnDefinitions(out List<string?>? types, out List<bool?>? nullables)
        {
            types = null;
            nullables = null;
            if (!Peek().IsSymbol("("))
            {
                return null;
            }

            var inner = Peek().Depth + 1;
            i++;
            var columns = new List<string>();
            types = [];
            nullables = [];
            var itemStart = true;
            for (; i < t.Count && !(t[i].IsSymbol(")") && t[i].Depth == inner - 1); i++)
            {
                if (itemStart && t[i].IsName && !TableConstraintWords.Contains(t[i].Text))
                {
                    columns.Add(t[i].Text);
                    var name = i++;
                    types.Add(i < t.Count && t[i].Depth == inner && (t[i].Kind == SqlTokenKind.Word && (!ColumnConstraintWords.Contains(t[i].Text) || IsCharacterType(i)) || t[i].Kind == SqlTokenKind.QuotedName) ? TypeText() : null);
                    nullables.Add(ColumnAllowsNull(name + 1, inner));
                    i = name;
                }

                itemStart = t[i].IsSymbol(",") && t[i].Depth == inner;
            }

            i++;
            return columns;
        }

        /// <summary>
        /// <c>character varying(200)</c> and <c>character(8)</c> (what pg_dump, Atlas and Supabase write) are types;
        /// <c>CHARACTER SET</c> after a type is a constraint word.
        /// </summary>
        private bool IsCharacterType(int at) => t[at].Is("CHARACTER") && !(at + 1 < t.Count && t[at + 1].Is("SET"));

        private List<string> ParenthesisedNames()
        {
            var inner = Peek().Depth + 1;
            i++;
            var names = new List<string>();
            for (; i < t.Count && !(t[i].IsSymbol(")") && t[i].Depth == inner - 1); i++)
            {
                if (t[i].IsName && t[i].Depth == inner)
                {
                    names.Add(t[i].Text);
                }
            }

            i++;
            return names;
        }

        /// <summary>
        /// Every column the select list reads (up to FROM), by its last name part; "*" for all. An alias after AS is
        /// the target's name, not a source column, so it is skipped; function names are skipped too.
        /// </summary>
        private List<string> SelectedColumns()
        {
            var depth = Peek().Depth;
            var columns = new List<string>();
            var afterAs = false;
            for (; i < t.Count && !(t[i].Depth == depth && t[i].Is("FROM")); i++)
            {
                var token = t[i];
                if (token.IsSymbol("*"))
                {
                    columns.Add("*");
                }
                else if (token.Is("AS"))
                {
                    afterAs = true;
                    continue;
                }
                else if (token.IsName && !afterAs && !PeekAt(1).IsSymbol("(") && !PeekAt(1).IsSymbol(".")
                         && !SelectKeywords.Contains(token.Text))
                {
                    columns.Add(token.Text);
                }

                afterAs = false;
            }

            return columns;
        }

        /// <summary>PostgreSQL <c>DO [LANGUAGE plpgsql] $$ … $$</c>: the statements inside are what runs.</summary>
        private void DoBlock()
        {
            var body = t.Skip(i + 1).FirstOrDefault(x => x.Kind == SqlTokenKind.String);
            if (body.Text is null)
            {
                return;
            }

            foreach (var inner in ProceduralBlock.Statements(body.Text, database, statement.Line))
            {
                ops.AddRange(Recognize(inner, database));
            }
        }

        private void Reindex()
        {
            i++;
            SkipParenthesis();
            var concurrently = Contains("CONCURRENTLY");
            while (Peek().Is("INDEX") || Peek().Is("TABLE") || Peek().Is("SCHEMA") || Peek().Is("DATABASE") || Peek().Is("SYSTEM") || Peek().Is("CONCURRENTLY"))
            {
                i++;
            }

            Add(new MigrationOperation(MigrationOperationKind.Reindex) { Name = Peek().IsName ? Name() : null, Concurrently = concurrently });
        }

        private void Maintenance(string word)
        {
            i++;
            if (word == "VACUUM" && !Contains("FULL"))
            {
                return;
            }

            while (i < t.Count && !t[i].IsName)
            {
                i++;
            }

            while (Peek().Is("FULL") || Peek().Is("VERBOSE") || Peek().Is("ANALYZE") || Peek().Is("FREEZE") || Peek().Is("TABLE"))
            {
                i++;
            }

            Add(new MigrationOperation(MigrationOperationKind.Maintenance) { Table = Peek().IsName ? Name() : null, Text = word == "VACUUM" ? "VACUUM FULL" : word });
        }

        private void Execute()
        {
            i++;
            var procedure = Peek().IsName ? Name() : string.Empty;
            if (DynamicSql(procedure) is { } literal)
            {
                foreach (var inner in SqlStatementSplitter.Split(literal.Text, database, literal.Line))
                {
                    ops.AddRange(Recognize(inner, database));
                }

                return;
            }

            if (!procedure.EndsWith("sp_rename", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var args = t.Skip(i).Where(x => x.Kind == SqlTokenKind.String).Select(x => x.Text).ToList();
            if (args.Count < 2)
            {
                return;
            }

            var kind = args.Count > 2 ? args[2].ToUpperInvariant() : "OBJECT";
            var from = args[0];
            if (kind == "COLUMN")
            {
                var dot = from.LastIndexOf('.');
                Add(new MigrationOperation(MigrationOperationKind.RenameColumn)
                {
                    Table = dot < 0 ? null : from.Substring(0, dot).Replace("[", string.Empty).Replace("]", string.Empty),
                    Column = dot < 0 ? from : from.Substring(dot + 1),
                    NewName = args[1],
                });
            }
            else if (kind == "INDEX")
            {
                Add(new MigrationOperation(MigrationOperationKind.RenameIndex) { Name = from, NewName = args[1] });
            }
            else
            {
                Add(new MigrationOperation(MigrationOperationKind.RenameTable) { Table = from.Replace("[", string.Empty).Replace("]", string.Empty), NewName = args[1] });
            }
        }

        /// <summary>
        /// T-SQL's dynamic SQL written as one literal — <c>EXEC('…')</c>, <c>EXEC sp_executesql N'…'</c> — is the statement
        /// that runs (SSMS's change scripts copy a table's rows that way). Text put together from variables is not read.
        /// </summary>
        private SqlStatement? DynamicSql(string procedure)
        {
            if (procedure.Length == 0 && Peek().IsSymbol("(") && PeekAt(1).Kind == SqlTokenKind.String && PeekAt(2).IsSymbol(")"))
            {
                return new SqlStatement(PeekAt(1).Text, statement.Line);
            }

            return procedure.EndsWith("sp_executesql", StringComparison.OrdinalIgnoreCase) && Peek().Kind == SqlTokenKind.String
                && (PeekAt(1).IsSymbol(",") || PeekAt(1).IsSymbol(";") || i + 1 >= t.Count)
                ? new SqlStatement(Peek().Text, statement.Line)
                : null;
        }

        private void SkipCommonTableExpressions()
        {
            // WITH x AS (…), y AS (…) UPDATE … : find the first top-level data statement keyword.
            i++;
            while (i < t.Count)
            {
                var token = t[i];
                if (token.Depth == 0 && (token.Is("UPDATE") || token.Is("DELETE") || token.Is("INSERT") || token.Is("SELECT") || token.Is("MERGE")))
                {
                    return;
                }

                i++;
            }
        }

        // ---- token helpers ------------------------------------------------------------------------------------
        private IEnumerable<List<SqlToken>> Actions()
        {
            var current = new List<SqlToken>();
            var baseDepth = i < t.Count ? t[i].Depth : 0;
            for (; i < t.Count; i++)
            {
                if (t[i].IsSymbol(",") && t[i].Depth == baseDepth)
                {
                    yield return current;
                    current = [];
                    continue;
                }

                current.Add(t[i]);
            }

            if (current.Count > 0)
            {
                yield return current;
            }
        }

        private List<string> NameList()
        {
            var names = new List<string>();
            while (i < t.Count && Peek().IsName && !Peek().Is("CASCADE") && !Peek().Is("RESTRICT"))
            {
                names.Add(Name());
                if (!Take(","))
                {
                    break;
                }
            }

            return names;
        }

        /// <summary>A possibly qualified name (a.b.c), unquoted; empty when there is none.</summary>
        private string Name()
        {
            if (i >= t.Count || !t[i].IsName)
            {
                return string.Empty;
            }

            var parts = new List<string> { t[i].Text };
            i++;
            while (i + 1 < t.Count && t[i].IsSymbol(".") && t[i + 1].IsName)
            {
                parts.Add(t[i + 1].Text);
                i += 2;
            }

            return string.Join(".", parts);
        }

        private bool CopiesTable()
        {
            for (var k = 0; k + 2 < t.Count; k++)
            {
                if ((t[k].Is("ALGORITHM") && t[k + 2].Is("COPY") || t[k].Is("LOCK") && (t[k + 2].Is("SHARED") || t[k + 2].Is("EXCLUSIVE"))) && t[k + 1].IsSymbol("="))
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasOption(string name, string value)
        {
            for (var k = 0; k + 2 < t.Count; k++)
            {
                if (t[k].Is(name) && t[k + 1].IsSymbol("=") && t[k + 2].Is(value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The index of <c>USING INDEX name</c>; null for none, and for <c>USING INDEX TABLESPACE</c>, which only says where
        /// a new index goes.
        /// </summary>
        private string? UsingIndexName()
        {
            for (var k = 0; k + 2 < t.Count; k++)
            {
                if (t[k].Is("USING") && t[k + 1].Is("INDEX") && t[k + 2].IsName && !t[k + 2].Is("TABLESPACE"))
                {
                    return t[k + 2].Text;
                }
            }

            return null;
        }

        private bool Contains(string keyword) => t.Skip(i).Any(x => x.Is(keyword));

        private bool ContainsSequence(string a, string b)
        {
            for (var k = 0; k + 1 < t.Count; k++)
            {
                if (t[k].Is(a) && t[k + 1].Is(b))
                {
                    return true;
                }
            }

            return false;
        }

        private string Rest() => Join(i, t.Count);

        private string Join(int from, int to)
        {
            var parts = new System.Text.StringBuilder();
            for (var k = from; k < to && k < t.Count; k++)
            {
                var token = t[k];
                var glue = k > from && !(token.IsSymbol("(") || token.IsSymbol(")") || token.IsSymbol(",") || token.IsSymbol("::") || t[k - 1].IsSymbol("(") || t[k - 1].IsSymbol("::"));
                if (glue)
                {
                    parts.Append(' ');
                }

                parts.Append(token.Kind == SqlTokenKind.String ? "'" + token.Text + "'" : token.Text);
            }

            return parts.ToString();
        }

        private SqlToken Peek() => i < t.Count ? t[i] : new SqlToken(SqlTokenKind.Symbol, string.Empty, 0);

        private SqlToken PeekAt(int offset) => i + offset < t.Count ? t[i + offset] : new SqlToken(SqlTokenKind.Symbol, string.Empty, 0);

        private bool Take(string word)
        {
            if (i < t.Count && (t[i].Is(word) || t[i].IsSymbol(word)))
            {
                i++;
                return true;
            }

            return false;
        }

        /// <summary>Consumes the whole sequence, or nothing.</summary>
        private bool Skip(params string[] words)
        {
            for (var k = 0; k < words.Length; k++)
            {
                var token = i + k < t.Count ? t[i + k] : default;
                if (!(token.Is(words[k]) || token.Kind == SqlTokenKind.Symbol && token.Text == words[k]))
                {
                    return false;
                }
            }

            i += words.Length;
            return true;
        }

        private void Add(MigrationOperation op)
        {
            op.Line ??= statement.Line;
            op.Text ??= OneLine(statement.Text);
            ops.Add(op);
        }
    }
}
