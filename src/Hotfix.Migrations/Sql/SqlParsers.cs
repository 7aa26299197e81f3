namespace Hotfix.Migrations.Sql;

/// <summary>The parser for each database.</summary>
internal static class SqlParsers
{
    private static readonly TolerantSqlParser Unknown = new(MigrationDatabase.Unknown);
    private static readonly TolerantSqlParser PostgreSql = new(MigrationDatabase.PostgreSql);
    private static readonly TolerantSqlParser MySql = new(MigrationDatabase.MySql);
    private static readonly TolerantSqlParser Sqlite = new(MigrationDatabase.Sqlite);
    private static readonly TSqlScriptDomParser SqlServer = new();

    public static ISqlDialectParser For(MigrationDatabase database) => database switch
    {
        MigrationDatabase.PostgreSql => PostgreSql,
        MigrationDatabase.MySql => MySql,
        MigrationDatabase.Sqlite => Sqlite,
        MigrationDatabase.SqlServer => SqlServer,
        _ => Unknown,
    };

    /// <summary>Parses <paramref name="sql"/> with the parser of <paramref name="database"/>, or of the dialect the text shows when unknown.</summary>
    public static IReadOnlyList<MigrationOperation> Parse(string? sql, MigrationDatabase database, int firstLine = 1)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return [];
        }

        var dialect = database == MigrationDatabase.Unknown ? SqlDialectGuess.FromText(sql) : database;
        return For(dialect).Parse(sql, firstLine);
    }
}
