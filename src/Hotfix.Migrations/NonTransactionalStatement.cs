using System.Text.RegularExpressions;

namespace Hotfix.Migrations;

/// <summary>
/// The PostgreSQL statements that refuse to run inside a transaction block ("ERROR: … cannot run inside a transaction
/// block"): CREATE/DROP INDEX CONCURRENTLY, REINDEX … CONCURRENTLY, CREATE/DROP DATABASE, VACUUM and ALTER SYSTEM.
/// MySQL, SQL Server and SQLite have none of them (an online index build runs in a transaction there).
/// </summary>
internal static partial class NonTransactionalStatement
{
    /// <summary>The statement's name for messages, or null when it may run inside a transaction.</summary>
    public static string? Of(MigrationOperation operation, MigrationDatabase database)
    {
        if (database is not (MigrationDatabase.PostgreSql or MigrationDatabase.Unknown))
        {
            return null;
        }

        var text = operation.Text ?? string.Empty;
        return operation.Kind switch
        {
            // CREATE INDEX … ON ONLY a partitioned table is marked concurrent too (it blocks nothing), but runs in a transaction.
            MigrationOperationKind.CreateIndex when operation.Concurrently && !OnOnly().IsMatch(text) => "CREATE INDEX CONCURRENTLY",
            MigrationOperationKind.DropIndex when operation.Concurrently => "DROP INDEX CONCURRENTLY",
            MigrationOperationKind.Reindex when operation.Concurrently => "REINDEX CONCURRENTLY",
            MigrationOperationKind.CreateObject when IsDatabase(operation) => "CREATE DATABASE",
            MigrationOperationKind.DropObject when IsDatabase(operation) => "DROP DATABASE",
            MigrationOperationKind.RawSql when CreateDatabase().IsMatch(text) => "CREATE DATABASE",
            MigrationOperationKind.Maintenance or MigrationOperationKind.RawSql when Vacuum().IsMatch(text) => "VACUUM",
            MigrationOperationKind.RawSql or MigrationOperationKind.AlterObject when AlterSystem().IsMatch(text) => "ALTER SYSTEM",
            _ => null,
        };
    }

    private static bool IsDatabase(MigrationOperation operation) => string.Equals(operation.ObjectType, "database", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\bON\s+ONLY\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnOnly();

    [GeneratedRegex(@"^\s*CREATE\s+DATABASE\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreateDatabase();

    [GeneratedRegex(@"^\s*VACUUM\b", RegexOptions.IgnoreCase)]
    private static partial Regex Vacuum();

    [GeneratedRegex(@"^\s*ALTER\s+SYSTEM\b", RegexOptions.IgnoreCase)]
    private static partial Regex AlterSystem();
}
