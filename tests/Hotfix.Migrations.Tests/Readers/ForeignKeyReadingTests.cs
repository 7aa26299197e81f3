using Hotfix.Migrations.Formats;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Tests.Readers;

/// <summary>
/// The readers' keys and indexes (columns in order, the referenced table) that HF4004 needs, per framework: what a
/// reader fills decides whether a foreign key is seen at all and whether its index is recognised.
/// </summary>
public class ForeignKeyReadingTests
{
    private static string Keys(IEnumerable<MigrationOperation> operations)
    {
        var coverage = ForeignKeyIndexes.Coverage(operations);
        return string.Join("; ", operations.SelectMany(ForeignKeyIndexes.Declared)
            .Select(k => $"{k.Object}->{k.ReferencedTable}{(coverage.Covers(k) ? " indexed" : string.Empty)}"));
    }

    private static IReadOnlyList<MigrationOperation> Sql(string sql, MigrationDatabase database = MigrationDatabase.PostgreSql) =>
        SqlParsers.Parse(sql, database, 1);

    [Fact]
    public void Sql_table_constraint_inline_reference_and_create_table_keys()
    {
        Assert.Equal("orders.customer_id->customers", Keys(Sql("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id);")));
        Assert.Equal("orders.customer_id->public.customers", Keys(Sql("ALTER TABLE orders ADD COLUMN customer_id bigint REFERENCES public.customers (id) ON DELETE CASCADE;")));
        Assert.Equal(
            "order_tags.order_id->orders indexed; order_tags.tag_id->tags",
            Keys(Sql("CREATE TABLE order_tags (order_id bigint REFERENCES orders (id), tag_id bigint, PRIMARY KEY (order_id, tag_id), FOREIGN KEY (tag_id) REFERENCES tags (id));")));
    }

    [Fact]
    public void Sql_index_leading_column_counts_and_expressions_and_second_columns_do_not()
    {
        const string Key = "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id);\n";
        Assert.Equal("orders.customer_id->customers indexed", Keys(Sql(Key + "CREATE INDEX CONCURRENTLY ix ON orders USING btree (customer_id DESC, created_at);")));
        Assert.Equal("orders.customer_id->customers", Keys(Sql(Key + "CREATE INDEX ix ON orders (created_at, customer_id);")));
        Assert.Equal("orders.customer_id->customers", Keys(Sql(Key + "CREATE INDEX ix ON orders ((customer_id::text));")));
        Assert.Equal("orders.customer_id->customers indexed", Keys(Sql(Key + "CREATE UNIQUE INDEX ix ON orders (customer_id);")));
        Assert.Equal("orders.customer_id->customers indexed", Keys(Sql(Key + "ALTER TABLE orders ADD CONSTRAINT uq UNIQUE (customer_id);")));
    }

    [Fact]
    public void Tsql_and_mysql_key_syntax()
    {
        Assert.Equal(
            "lines.order_id->dbo.orders indexed",
            Keys(Sql("CREATE TABLE lines (order_id int NOT NULL, CONSTRAINT pk PRIMARY KEY CLUSTERED (order_id), CONSTRAINT fk FOREIGN KEY (order_id) REFERENCES dbo.orders (id));", MigrationDatabase.SqlServer)));
        Assert.Equal(
            "lines.order_id->orders indexed",
            Keys(Sql("CREATE TABLE lines (order_id int, KEY ix_order (order_id), CONSTRAINT fk FOREIGN KEY fk_order (order_id) REFERENCES orders (id));", MigrationDatabase.MySql)));
    }

    [Fact]
    public void Rails_references_add_foreign_key_and_create_table_block()
    {
        var rails = new RailsFormat();
        string Read(string body) => Keys(rails.Read("db/migrate/1_x.rb", "class X < ActiveRecord::Migration[7.1]\n  def change\n" + body + "\n  end\nend\n", null, null, MigrationDatabase.PostgreSql)[0].Body.Up);
        Assert.Equal("orders.customer_id->customer indexed", Read("    add_reference :orders, :customer"));
        Assert.Equal("orders.customer_id->customer", Read("    add_reference :orders, :customer, index: false"));
        Assert.Equal("orders.customer_id->customers", Read("    add_foreign_key :orders, :customers"));
        Assert.Equal("orders.buyer_id->customers indexed", Read("    add_foreign_key :orders, :customers, column: :buyer_id\n    add_index :orders, [:buyer_id, :created_at]"));
        Assert.Equal(
            "invoices.order_id->order indexed; invoices.issuer_id->issuer",
            Read("    create_table :invoices do |t|\n      t.references :order, foreign_key: true\n      t.references :issuer, index: false\n    end"));
    }
}
