using Hotfix.Migrations;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Tests.Readers;

public class SqlParsingTests
{
    private static List<MigrationOperation> Parse(string sql, MigrationDatabase database = MigrationDatabase.PostgreSql) =>
        SqlParsers.For(database).Parse(sql).ToList();

    private static string Kinds(IEnumerable<MigrationOperation> ops) => string.Join(",", ops.Select(o => MigrationNames.Of(o.Kind)));

    [Fact]
    public void Create_table_says_each_column_type_and_whether_it_allows_null()
    {
        var create = Assert.Single(Parse("""
            CREATE TABLE invoice (
                id bigint,
                number varchar(30) NOT NULL,
                amount numeric(12, 2) NOT NULL DEFAULT 0,
                note text,
                issued timestamp with time zone NULL,
                CONSTRAINT invoice_pkey PRIMARY KEY (id),
                CONSTRAINT invoice_number_key UNIQUE (number)
            );
            """));
        Assert.Equal(["id", "number", "amount", "note", "issued"], create.Columns);
        Assert.Equal(["bigint", "varchar(30)", "numeric(12, 2)", "text", "timestamp with time zone"], create.ColumnTypes);
        Assert.Equal([false, false, false, true, true], create.ColumnNullables);
    }

    [Fact]
    public void Dollar_quoted_bodies_hide_semicolons()
    {
        var sql = """
            CREATE FUNCTION f() RETURNS trigger AS $body$
            BEGIN
              UPDATE t SET a = 1; -- inside the body
              RETURN NEW;
            END;
            $body$ LANGUAGE plpgsql;
            DO $$ BEGIN PERFORM 1; END $$;
            ALTER TABLE t DROP COLUMN b;
            """;
        var statements = SqlStatementSplitter.Split(sql, MigrationDatabase.PostgreSql);
        Assert.Equal(3, statements.Count);
        Assert.Equal(8, statements[2].Line);
        Assert.Equal("create-object,raw-sql,drop-column", Kinds(Parse(sql)));
    }

    [Fact]
    public void Nested_comments_and_strings_with_semicolons_do_not_split()
    {
        var sql = "/* outer /* inner; */ still comment; */ INSERT INTO t VALUES ('a;b', 'it''s; fine', E'x\\';y');\n-- c; d\nDELETE FROM t WHERE a = ';';";
        var ops = Parse(sql);
        Assert.Equal("insert-data,delete-data", Kinds(ops));
        Assert.True(ops[1].HasWhere);
        Assert.Equal(3, ops[1].Line);
    }

    [Fact]
    public void Drizzle_statement_breakpoints_separate_statements()
    {
        var sql = "CREATE TABLE \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL\n);\n--> statement-breakpoint\nALTER TABLE \"posts\" ADD COLUMN \"author_id\" integer NOT NULL;--> statement-breakpoint\nCREATE INDEX \"posts_author_idx\" ON \"posts\" USING btree (\"author_id\");";
        var ops = Parse(sql);
        Assert.Equal("create-table,add-column,create-index", Kinds(ops));
        Assert.Equal("posts", ops[1].Table);
        Assert.False(ops[1].NewNullable);
        Assert.False(ops[1].HasDefault);
        Assert.Equal(5, ops[1].Line);
    }

    [Fact]
    public void Go_batches_and_statements_without_semicolons_in_tsql()
    {
        var sql = "ALTER TABLE [dbo].[Orders] ADD [Note] nvarchar(200) NULL\nCREATE INDEX [IX_Orders_Note] ON [dbo].[Orders] ([Note]) WITH (ONLINE = ON)\nGO\nEXEC sp_rename N'dbo.Orders.Note', N'Remark', N'COLUMN';\nGO\n";
        var ops = Parse(sql, MigrationDatabase.SqlServer);
        Assert.Equal("add-column,create-index,rename-column", Kinds(ops));
        Assert.True(ops[1].Online);
        Assert.Equal("Note", ops[2].Column);
        Assert.Equal("Remark", ops[2].NewName);
        Assert.Equal(4, ops[2].Line);
    }

    [Fact]
    public void Invalid_tsql_falls_back_to_the_tolerant_splitter()
    {
        var ops = Parse("ALTER TABLE Orders DROP COLUMN Note;\nTHIS IS NOT SQL;\nGO\n", MigrationDatabase.SqlServer);
        Assert.Equal("drop-column,raw-sql", Kinds(ops));
    }

    [Fact]
    public void Unknown_statements_are_kept_as_raw_sql()
    {
        var ops = Parse("SELECT pg_advisory_lock(1);\nFROBNICATE the_table;");
        Assert.Equal("raw-sql,raw-sql", Kinds(ops));
        Assert.Equal("FROBNICATE the_table", ops[1].Text);
    }

    [Fact]
    public void Transaction_control_produces_no_operation()
    {
        Assert.Equal("add-column", Kinds(Parse("BEGIN;\nSET lock_timeout = '1s';\nALTER TABLE t ADD COLUMN c int;\nCOMMIT;")));
    }

    [Fact]
    public void Mysql_delimiter_and_trigger_bodies()
    {
        var sql = "DELIMITER //\nCREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END//\nDELIMITER ;\nALTER TABLE `t` MODIFY COLUMN `name` varchar(50) NOT NULL, ALGORITHM=COPY;\n";
        var ops = Parse(sql, MigrationDatabase.MySql);
        Assert.Equal("create-object,alter-column", Kinds(ops));
        Assert.Equal("varchar(50)", ops[1].NewType);
        Assert.True(ops[1].CopiesTable);
    }

    [Fact]
    public void Sqlite_trigger_body_without_delimiter_change()
    {
        var sql = "CREATE TRIGGER t_audit AFTER UPDATE ON t BEGIN INSERT INTO audit VALUES (1); UPDATE x SET y = 1; END;\nDROP TABLE old;";
        Assert.Equal("create-object,drop-table", Kinds(Parse(sql, MigrationDatabase.Sqlite)));
    }

    [Theory]
    [InlineData("ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2) USING total::numeric(14,2)", "alter-column", "orders.total")]
    [InlineData("ALTER TABLE orders RENAME COLUMN total TO amount", "rename-column", "orders.total -> amount")]
    [InlineData("ALTER TABLE orders RENAME TO purchases", "rename-table", "orders -> purchases")]
    [InlineData("RENAME TABLE a TO b, c TO d", "rename-table,rename-table", "a -> b")]
    [InlineData("ALTER TABLE ONLY public.orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers(id) NOT VALID", "add-constraint", "fk on public.orders")]
    [InlineData("ALTER TABLE orders VALIDATE CONSTRAINT fk", "validate-constraint", "fk on orders")]
    [InlineData("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON orders (a)", "create-index", "ix on orders")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS ix", "drop-index", "ix")]
    [InlineData("TRUNCATE TABLE a, b CASCADE", "truncate,truncate", "a")]
    [InlineData("DROP TABLE IF EXISTS a, b CASCADE", "drop-table,drop-table", "a")]
    [InlineData("DROP SCHEMA legacy CASCADE", "drop-schema", "legacy")]
    [InlineData("REINDEX INDEX CONCURRENTLY ix", "reindex", "ix")]
    [InlineData("VACUUM FULL orders", "maintenance", "orders")]
    [InlineData("WITH x AS (SELECT id FROM a) UPDATE b SET c = 1 FROM x WHERE b.id = x.id", "update-data", "b")]
    [InlineData("ALTER TABLE t ADD COLUMN a int, DROP COLUMN b, ALTER COLUMN c SET NOT NULL", "add-column,drop-column,alter-column", "t.a")]
    [InlineData("ALTER TABLE `t` CHANGE `a` `b` varchar(20)", "rename-column,alter-column", "t.a -> b")]
    public void Recognises_statements(string sql, string kinds, string firstObject)
    {
        var ops = Parse(sql, sql.Contains('`') ? MigrationDatabase.MySql : MigrationDatabase.PostgreSql);
        Assert.Equal(kinds, Kinds(ops));
        Assert.Equal(firstObject, ops[0].Object);
    }

    [Fact]
    public void Reads_column_definitions()
    {
        var ops = Parse("ALTER TABLE t ADD COLUMN created timestamp with time zone DEFAULT now() NOT NULL, ADD COLUMN id uuid DEFAULT gen_random_uuid(), ADD COLUMN total numeric GENERATED ALWAYS AS (a * b) STORED, ADD COLUMN n bigserial");
        Assert.Equal("timestamp with time zone", ops[0].NewType);
        Assert.True(ops[0].HasDefault);
        Assert.False(ops[0].NewNullable);
        Assert.Equal("now()", ops[0].DefaultExpression);
        Assert.True(MigrationRiskTable.IsVolatile(ops[1].DefaultExpression));
        Assert.True(ops[2].GeneratedStored);
        Assert.True(MigrationRiskTable.IsVolatile(ops[3].DefaultExpression));
    }

    [Fact]
    public void Where_inside_a_subquery_does_not_bound_an_update()
    {
        var ops = Parse("UPDATE orders SET total = (SELECT sum(x) FROM lines WHERE lines.order_id = orders.id); DELETE FROM audit;");
        Assert.False(ops[0].HasWhere);
        Assert.False(ops[1].HasWhere);
    }

    [Theory]
    [InlineData("DELETE o FROM orders o JOIN users u ON u.id = o.user_id", nameof(MigrationDatabase.MySql), true)]
    [InlineData("DELETE FROM orders LIMIT 1000", nameof(MigrationDatabase.MySql), false)]
    [InlineData("DELETE TOP (100) FROM orders", nameof(MigrationDatabase.SqlServer), false)]
    [InlineData("UPDATE users SET name = 'x' -- WHERE id = 1", nameof(MigrationDatabase.PostgreSql), false)]
    [InlineData("WITH old AS (SELECT id FROM orders WHERE archived) DELETE FROM orders WHERE id IN (SELECT id FROM old)", nameof(MigrationDatabase.PostgreSql), true)]
    public void A_migration_statement_is_bounded_exactly_when_the_analyzers_HF2009_scanner_says_so(string sql, string database, bool bounded)
    {
        var write = Assert.Single(Parse(sql, Enum.Parse<MigrationDatabase>(database)), o => o.Kind is MigrationOperationKind.DeleteData or MigrationOperationKind.UpdateData);
        Assert.Equal(bounded, write.HasWhere);
        Assert.Equal(bounded, Hotfix.Migrations.Sql.SqlWriteScope.FindUnboundedWrites(sql).Count == 0);
    }

    [Fact]
    public void Unterminated_strings_and_comments_run_to_the_end_without_throwing()
    {
        Assert.Single(SqlStatementSplitter.Split("SELECT 'open; DROP TABLE x;"));
        Assert.Single(SqlStatementSplitter.Split("ALTER TABLE a ADD b int; /* never closed ; DROP TABLE c;"));
        Assert.Single(SqlStatementSplitter.Split("SELECT $tag$ body; DROP TABLE y;"));
    }

    [Fact]
    public void Create_table_lists_its_columns_and_not_its_table_constraints()
    {
        var create = Assert.Single(Parse("""
            CREATE TABLE `__new_accounts` (
              `id` integer PRIMARY KEY NOT NULL,
              "handle" text NOT NULL CHECK (length(handle) > 2),
              email text,
              CONSTRAINT accounts_handle_unique UNIQUE (handle),
              FOREIGN KEY (id) REFERENCES people (id)
            );
            """, MigrationDatabase.Sqlite));
        Assert.Equal(["id", "handle", "email"], create.Columns);
    }

    [Fact]
    public void Insert_select_records_which_table_it_copies_and_which_columns_it_reads()
    {
        var copy = Assert.Single(Parse("""INSERT INTO "__new_t"("id", "name", "note") SELECT t."id", upper("name") AS name, coalesce(note, '') FROM "t";"""));
        Assert.Equal(("__new_t", "t"), (copy.Table, copy.SourceTable));
        Assert.Equal(["id", "name", "note"], copy.Columns);
        Assert.Equal(["id", "name", "note"], copy.SourceColumns);

        Assert.Equal(["*"], Assert.Single(Parse("INSERT INTO b SELECT * FROM a;")).SourceColumns);
        Assert.Null(Assert.Single(Parse("INSERT INTO b (x) VALUES (1);")).SourceTable);
    }

    [Fact]
    public void A_do_block_is_read_as_the_statements_inside_it()
    {
        var ops = Parse("""
            DO $$
            DECLARE
              n integer;
            BEGIN
              IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'old_orders') THEN
                DROP TABLE old_orders;
              ELSE
                RAISE NOTICE 'nothing to drop';
              END IF;
              EXECUTE 'ALTER TABLE orders DROP COLUMN note';
              EXECUTE 'UPDATE orders SET status = ''open''';
            END
            $$;
            """);
        Assert.Equal("drop-table,drop-column,update-data", Kinds(ops));
        Assert.Equal(("old_orders", "note"), (ops[0].Table, ops[1].Column));
    }
}
