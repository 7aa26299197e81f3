using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Checks;

/// <summary>
/// The index HF4004 asks for in the framework's own syntax, in the non-blocking form where the database has one
/// (PostgreSQL <c>CONCURRENTLY</c>, SQL Server <c>ONLINE</c>) unless the table is new in the hotfix.
/// </summary>
internal static partial class ForeignKeyIndexAdvice
{
    public static string For(MigrationFramework framework, MigrationDatabase database, DeclaredForeignKey key, bool newTable)
    {
        var postgres = !newTable && database is MigrationDatabase.PostgreSql or MigrationDatabase.Unknown;
        var table = key.Table;
        var name = ForeignKeyIndexSyntax.IndexName(key);
        var quoted = string.Join(", ", key.Columns.Select(c => "\"" + c + "\""));
        var statement = ForeignKeyIndexSyntax.Statement(key, database, newTable);
        return framework switch
        {
            MigrationFramework.EfCore => ForeignKeyIndexSyntax.Ef(key, database, newTable) + " — and HasIndex on the property in the model, so the snapshot keeps it",
            MigrationFramework.Rails => key.Operation.Kind == MigrationOperationKind.AddColumn || key.Operation.Text?.Contains("references", StringComparison.Ordinal) == true
                ? "drop `index: false` from the reference (Rails then indexes it)" + (postgres ? ", or add it separately with `add_index :" + table + ", :" + key.Columns[0] + ", algorithm: :concurrently` in a migration with `disable_ddl_transaction!`" : string.Empty)
                : postgres
                    ? "`add_index :" + table + ", " + RubyColumns(key) + ", algorithm: :concurrently` (in a migration with `disable_ddl_transaction!`)"
                    : "`add_index :" + table + ", " + RubyColumns(key) + "`",
            MigrationFramework.Django => postgres
                ? "remove `db_index=False` from the field, or add `AddIndexConcurrently(model_name=\"" + DjangoModel(key) + "\", index=models.Index(fields=[" + DjangoFields(key) + "], name=\"" + name + "\"))` (django.contrib.postgres.operations, in a migration with `atomic = False`)"
                : "remove `db_index=False` from the field, or add `migrations.AddIndex(model_name=\"" + DjangoModel(key) + "\", index=models.Index(fields=[" + DjangoFields(key) + "], name=\"" + name + "\"))`",
            MigrationFramework.Alembic => "`op.create_index(\"" + name + "\", \"" + table + "\", [" + quoted + "]" + (postgres ? ", postgresql_concurrently=True)` inside `with op.get_context().autocommit_block():`" : ")`"),
            MigrationFramework.Knex => postgres
                ? "`await knex.raw('" + statement + "')` in a migration with `exports.config = { transaction: false }` (or `table.index([" + quoted.Replace('"', '\'') + "])` where a short lock is acceptable)"
                : "`table.index([" + quoted.Replace('"', '\'') + "])`",
            MigrationFramework.TypeOrm => postgres
                ? "`await queryRunner.query(\"" + statement + "\")` in a migration with `transaction = false` (or `queryRunner.createIndex(\"" + table + "\", new TableIndex({ columnNames: [" + quoted + "] }))`)"
                : "`await queryRunner.createIndex(\"" + table + "\", new TableIndex({ name: \"" + name + "\", columnNames: [" + quoted + "] }))`",
            MigrationFramework.Prisma => "`@@index([" + string.Join(", ", key.Columns) + "])` on the model in schema.prisma, then `prisma migrate dev` (for a large table, edit the generated SQL to `" + statement + "`)",
            MigrationFramework.DrizzleKit => "`index(\"" + name + "\").on(table." + key.Columns[0] + ")` in the table's schema definition, then `drizzle-kit generate` (for a large table, run `" + statement + "` instead)",
            MigrationFramework.Liquibase => postgres
                ? "a changeset with runInTransaction=\"false\" and `<sql>" + statement + "</sql>`"
                : "`<createIndex tableName=\"" + table + "\" indexName=\"" + name + "\">" + string.Concat(key.Columns.Select(c => "<column name=\"" + c + "\"/>")) + "</createIndex>`",
            _ => "`" + statement + "`" + (ForeignKeyIndexSyntax.Concurrent(database, newTable) ? " in a migration of its own that runs outside a transaction (CONCURRENTLY cannot run inside one)" : string.Empty),
        };
    }

    private static string RubyColumns(DeclaredForeignKey key) =>
        key.Columns.Count == 1 ? ":" + key.Columns[0] : "[" + string.Join(", ", key.Columns.Select(c => ":" + c)) + "]";

    /// <summary>The model the key's operation names (Django steps carry the table, <c>shop_order</c>; an operation takes the model).</summary>
    private static string DjangoModel(DeclaredForeignKey key)
    {
        var text = key.Operation.Text ?? string.Empty;
        var model = DjangoModelName().Match(text);
        model = model.Success ? model : DjangoCreatedModel().Match(text);
        return model.Success ? model.Groups["model"].Value.ToLowerInvariant() : key.Table;
    }

    [GeneratedRegex("""\bmodel_name\s*=\s*["'](?<model>\w+)["']""")]
    private static partial Regex DjangoModelName();

    [GeneratedRegex("""\bname\s*=\s*["'](?<model>\w+)["']""")]
    private static partial Regex DjangoCreatedModel();

    private static string DjangoFields(DeclaredForeignKey key) =>
        string.Join(", ", key.Columns.Select(c => "\"" + (c.EndsWith("_id", StringComparison.Ordinal) ? c[..^3] : c) + "\""));
}
