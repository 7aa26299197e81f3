using System;
using System.Linq;

namespace Hotfix.Migrations;

/// <summary>
/// The index HF4004 asks for, written as SQL and as an EF Core <c>MigrationBuilder</c> call — the two forms both
/// <c>hotfix check</c> and the analyzer give. Where the database builds an index without blocking writes, the advice
/// uses that form, unless the table is new in the same hotfix (an empty table is indexed at once).
/// </summary>
internal static class ForeignKeyIndexSyntax
{
    /// <summary><c>ix_orders_customer_id</c> (EF's convention, <c>IX_Orders_CustomerId</c>, when <paramref name="efStyle"/>).</summary>
    public static string IndexName(DeclaredForeignKey key, bool efStyle = false)
    {
        var table = Last(key.Table);
        return (efStyle ? "IX_" : "ix_") + table + "_" + string.Join("_", key.Columns.Select(Last));
    }

    /// <summary>True when the database can build the index without blocking writes (PostgreSQL CONCURRENTLY, SQL Server ONLINE).</summary>
    public static bool HasNonBlockingForm(MigrationDatabase database) =>
        database == MigrationDatabase.PostgreSql || database == MigrationDatabase.Unknown || database == MigrationDatabase.SqlServer;

    /// <summary>The CREATE INDEX statement alone.</summary>
    public static string Statement(DeclaredForeignKey key, MigrationDatabase database, bool newTable)
    {
        var columns = string.Join(", ", key.Columns);
        var online = !newTable && HasNonBlockingForm(database);
        if (online && database == MigrationDatabase.SqlServer)
        {
            return "CREATE INDEX " + IndexName(key) + " ON " + key.Table + " (" + columns + ") WITH (ONLINE = ON);";
        }

        return "CREATE INDEX " + (online ? "CONCURRENTLY " : string.Empty) + IndexName(key) + " ON " + key.Table + " (" + columns + ");";
    }

    /// <summary>True when <see cref="Statement"/> uses CONCURRENTLY, which cannot run inside a transaction.</summary>
    public static bool Concurrent(MigrationDatabase database, bool newTable) =>
        !newTable && (database == MigrationDatabase.PostgreSql || database == MigrationDatabase.Unknown);

    /// <summary>The statement with what it needs to run.</summary>
    public static string Sql(DeclaredForeignKey key, MigrationDatabase database, bool newTable) =>
        Statement(key, database, newTable)
        + (Concurrent(database, newTable) ? " (CONCURRENTLY cannot run inside a transaction: give it a migration of its own that runs without one)" : string.Empty);

    public static string Ef(DeclaredForeignKey key, MigrationDatabase database, bool newTable)
    {
        var column = key.Columns.Count == 1
            ? "column: \"" + key.Columns[0] + "\""
            : "columns: new[] { " + string.Join(", ", key.Columns.Select(c => "\"" + c + "\"")) + " }";
        var call = "migrationBuilder.CreateIndex(name: \"" + IndexName(key, efStyle: true) + "\", table: \"" + Last(key.Table) + "\", " + column + ")";
        if (!newTable && (database == MigrationDatabase.PostgreSql || database == MigrationDatabase.Unknown))
        {
            return call + ".Annotation(\"Npgsql:CreatedConcurrently\", true); (in a migration of its own, with the transaction suppressed; on SQL Server, .Annotation(\"SqlServer:Online\", true))";
        }

        if (!newTable && database == MigrationDatabase.SqlServer)
        {
            return call + ".Annotation(\"SqlServer:Online\", true);";
        }

        return call + ";";
    }

    private static string Last(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }
}
