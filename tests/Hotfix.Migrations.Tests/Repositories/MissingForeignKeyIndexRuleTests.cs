using Hotfix.Policy.Findings;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Rules;
using static Hotfix.Migrations.Tests.Repositories.MigrationRepository;

namespace Hotfix.Migrations.Tests.Repositories;

/// <summary>HF4004 on real repositories: what the finding says per database, and where the index may come from.</summary>
public class MissingForeignKeyIndexRuleTests
{
    private const string Init = "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);\n";

    private const string AddKey = "ALTER TABLE orders ADD COLUMN customer_id bigint;\n" +
        "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n";

    private static List<Finding> Of(CheckReport report) => report.Findings.Where(f => f.RuleId == RuleIds.MissingForeignKeyIndex).ToList();

    private static TestSupport.TestRepository Repo(string? env) =>
        env is null
            ? Create(("db/migrations/000001_init.up.sql", Init), ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n"))
            : Create(("db/migrations/000001_init.up.sql", Init), ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n"), (".env", env));

    private static void AddKeyMigration(TestSupport.TestRepository repo, string up = AddKey) =>
        repo.Commit("Order customer", ("db/migrations/000002_order_customer.up.sql", up),
            ("db/migrations/000002_order_customer.down.sql", "ALTER TABLE orders DROP CONSTRAINT fk_orders_customer;\nALTER TABLE orders DROP COLUMN customer_id;\n"));

    [Fact]
    public void On_PostgreSQL_the_finding_names_the_key_and_gives_a_concurrent_index()
    {
        using var repo = Repo("DATABASE_URL=postgres://app@localhost/shop\n");
        AddKeyMigration(repo);
        var report = Check(repo);
        var finding = Assert.Single(Of(report));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.False(report.IsBlocking);
        Assert.Equal("db/migrations/000002_order_customer.up.sql", finding.Path);
        Assert.Equal(2, finding.Line);
        Assert.Contains("foreign key orders.customer_id → customers", finding.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL does not create an index for a foreign key", finding.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX CONCURRENTLY ix_orders_customer_id ON orders (customer_id);", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("rules/HF4004.md", finding.HelpLink, StringComparison.Ordinal);
    }

    [Fact]
    public void On_SQL_Server_the_index_is_built_online_and_on_SQLite_plainly()
    {
        using var sqlServer = Repo("DATABASE_URL=sqlserver://sa@localhost:1433?database=shop\n");
        AddKeyMigration(sqlServer);
        Assert.Contains("CREATE INDEX ix_orders_customer_id ON orders (customer_id) WITH (ONLINE = ON);", Assert.Single(Of(Check(sqlServer))).Message, StringComparison.Ordinal);

        using var sqlite = Repo("DATABASE_URL=sqlite3://db/shop.sqlite3\n");
        AddKeyMigration(sqlite);
        var message = Assert.Single(Of(Check(sqlite))).Message;
        Assert.Contains("SQLite does not create an index", message, StringComparison.Ordinal);
        Assert.Contains("`CREATE INDEX ix_orders_customer_id ON orders (customer_id);`", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_database_is_reported_and_the_message_says_which_databases_index_keys_themselves()
    {
        using var repo = Repo(env: null);
        AddKeyMigration(repo);
        var message = Assert.Single(Of(Check(repo))).Message;
        Assert.Contains("The database is not known", message, StringComparison.Ordinal);
        Assert.Contains("MySQL/MariaDB (InnoDB) would create the index", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MySQL_creates_the_index_itself()
    {
        using var repo = Repo("DATABASE_URL=mysql://app@tcp(localhost:3306)/shop\n");
        AddKeyMigration(repo);
        Assert.Empty(Of(Check(repo)));
    }

    [Fact]
    public void An_index_from_an_earlier_migration_on_main_serves_a_key_added_now()
    {
        using var repo = Create(
            ("db/migrations/000001_init.up.sql", Init + "ALTER TABLE orders ADD COLUMN customer_id bigint;\nCREATE INDEX ix_orders_customer_id ON orders (customer_id);\n"),
            ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n"),
            (".env", "DATABASE_URL=postgres://app@localhost/shop\n"));
        repo.Commit("Key", ("db/migrations/000002_order_customer.up.sql", "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"),
            ("db/migrations/000002_order_customer.down.sql", "ALTER TABLE orders DROP CONSTRAINT fk_orders_customer;\n"));
        Assert.Empty(Of(Check(repo)));
    }

    [Fact]
    public void An_index_the_earlier_migrations_dropped_serves_nothing()
    {
        using var repo = Create(
            ("db/migrations/000001_init.up.sql", Init + "ALTER TABLE orders ADD COLUMN customer_id bigint;\nCREATE INDEX ix_orders_customer_id ON orders (customer_id);\n"),
            ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n"),
            ("db/migrations/000002_drop_index.up.sql", "DROP INDEX ix_orders_customer_id;\n"),
            ("db/migrations/000002_drop_index.down.sql", "CREATE INDEX ix_orders_customer_id ON orders (customer_id);\n"),
            (".env", "DATABASE_URL=postgres://app@localhost/shop\n"));
        repo.Commit("Key", ("db/migrations/000003_order_customer.up.sql", "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"),
            ("db/migrations/000003_order_customer.down.sql", "ALTER TABLE orders DROP CONSTRAINT fk_orders_customer;\n"));
        Assert.Single(Of(Check(repo)));
    }

    [Fact]
    public void An_earlier_index_follows_the_column_and_the_table_the_hotfix_renames()
    {
        using var repo = Create(
            ("db/migrations/000001_init.up.sql", Init + "ALTER TABLE orders ADD COLUMN user_id bigint;\nCREATE INDEX ix_orders_user_id ON orders (user_id);\n"),
            ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n"),
            (".env", "DATABASE_URL=postgres://app@localhost/shop\n"));
        repo.Commit("Rename", ("db/migrations/000002_buyer.up.sql",
                "ALTER TABLE orders RENAME COLUMN user_id TO buyer_id;\nALTER TABLE orders RENAME TO purchases;\n" +
                "ALTER TABLE purchases ADD CONSTRAINT fk_purchases_buyer FOREIGN KEY (buyer_id) REFERENCES customers (id) NOT VALID;\n"),
            ("db/migrations/000002_buyer.down.sql", "ALTER TABLE purchases DROP CONSTRAINT fk_purchases_buyer;\nALTER TABLE purchases RENAME TO orders;\nALTER TABLE orders RENAME COLUMN buyer_id TO user_id;\n"));
        Assert.Empty(Of(Check(repo)));
    }

    [Fact]
    public void An_earlier_index_the_hotfix_drops_serves_nothing()
    {
        using var repo = Create(
            ("db/migrations/000001_init.up.sql", Init + "ALTER TABLE orders ADD COLUMN customer_id bigint;\nCREATE INDEX ix_orders_customer_id ON orders (customer_id);\n"),
            ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n"),
            (".env", "DATABASE_URL=postgres://app@localhost/shop\n"));
        repo.Commit("Key", ("db/migrations/000002_order_customer.up.sql",
                "DROP INDEX ix_orders_customer_id;\nALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"),
            ("db/migrations/000002_order_customer.down.sql", "ALTER TABLE orders DROP CONSTRAINT fk_orders_customer;\nCREATE INDEX ix_orders_customer_id ON orders (customer_id);\n"));
        Assert.Single(Of(Check(repo)));
    }

    [Fact]
    public void A_key_on_a_table_the_hotfix_creates_gets_a_plain_index_and_is_reported_once()
    {
        using var repo = Repo("DATABASE_URL=postgres://app@localhost/shop\n");
        repo.Commit("Invoices", ("db/migrations/000002_invoices.up.sql",
                "CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));\n" +
                "ALTER TABLE invoices ADD CONSTRAINT fk_invoices_order FOREIGN KEY (order_id) REFERENCES orders (id);\n"),
            ("db/migrations/000002_invoices.down.sql", "DROP TABLE invoices;\n"));
        var finding = Assert.Single(Of(Check(repo)));
        Assert.Equal(1, finding.Line);
        Assert.Contains("`CREATE INDEX ix_invoices_order_id ON invoices (order_id);`", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reasoned_comment_waives_the_finding_and_a_policy_can_make_it_blocking()
    {
        using var repo = Repo("DATABASE_URL=postgres://app@localhost/shop\n");
        AddKeyMigration(repo, "-- hotfix: allow HF4004 reason=\"orders is archived nightly; customers are never deleted\"\n" + AddKey);
        var waived = Assert.Single(Of(Check(repo)));
        Assert.NotNull(waived.Waiver);
        Assert.Equal(FindingSeverity.Info, waived.Severity);

        using var strict = Repo("DATABASE_URL=postgres://app@localhost/shop\n");
        AddKeyMigration(strict);
        var policy = new HotfixPolicy { Rules = new Dictionary<string, string> { [RuleIds.MissingForeignKeyIndex] = "error" } };
        var report = Check(strict, policy);
        Assert.Equal(FindingSeverity.Error, Assert.Single(Of(report)).Severity);
        Assert.True(report.IsBlocking);
    }

    [Fact]
    public void The_index_to_add_is_written_in_the_framework_s_own_syntax()
    {
        using var rails = Create(("config/database.yml", "production:\n  adapter: postgresql\n"));
        rails.Commit("Reference", ("db/migrate/20261102091500_add_customer_to_orders.rb",
            "class AddCustomerToOrders < ActiveRecord::Migration[7.1]\n  def change\n    add_column :orders, :buyer_id, :bigint\n    add_foreign_key :orders, :customers, column: :buyer_id\n  end\nend\n"));
        Assert.Contains("`add_index :orders, :buyer_id, algorithm: :concurrently` (in a migration with `disable_ddl_transaction!`)", Assert.Single(Of(Check(rails))).Message, StringComparison.Ordinal);

        using var ef = Create(("src/Shop.Data/Shop.Data.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Microsoft.EntityFrameworkCore.SqlServer\" Version=\"9.0.0\" /></ItemGroup></Project>\n"));
        ef.Commit("Key", ("src/Shop.Data/Migrations/20261102091500_OrderCustomer.cs", EfFixtures.Migration("OrderCustomer",
            "            migrationBuilder.AddForeignKey(name: \"FK_Orders_Customers_CustomerId\", table: \"Orders\", column: \"CustomerId\", principalTable: \"Customers\", principalColumn: \"Id\");",
            "            migrationBuilder.DropForeignKey(name: \"FK_Orders_Customers_CustomerId\", table: \"Orders\");")));
        var message = Assert.Single(Of(Check(ef))).Message;
        Assert.Contains("SQL Server does not create an index", message, StringComparison.Ordinal);
        Assert.Contains("migrationBuilder.CreateIndex(name: \"IX_Orders_CustomerId\", table: \"Orders\", column: \"CustomerId\").Annotation(\"SqlServer:Online\", true);", message, StringComparison.Ordinal);

        using var django = Create(("mysite/settings.py", "DATABASES = {\"default\": {\"ENGINE\": \"django.db.backends.postgresql\"}}\n"));
        django.Commit("Author", ("blog/migrations/0002_post_author.py",
            "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    operations = [\n        migrations.AddField(\n            model_name=\"post\",\n            name=\"author\",\n" +
            "            field=models.ForeignKey(db_index=False, null=True, on_delete=models.SET_NULL, to=\"auth.user\"),\n        ),\n    ]\n"));
        Assert.Contains("AddIndexConcurrently(model_name=\"post\", index=models.Index(fields=[\"author\"]", Assert.Single(Of(Check(django))).Message, StringComparison.Ordinal);
    }
}
