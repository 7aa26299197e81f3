namespace Hotfix.Migrations.Sql;

/// <summary>
/// Turns a SQL script of one dialect into migration operations. No maintained multi-dialect SQL parser is available as
/// a package here, so PostgreSQL, MySQL and SQLite go through the tolerant splitter and recogniser, and T-SQL through
/// Microsoft's ScriptDom; a real parser (libpg_query, sqlparser-rs ports) can replace one dialect behind this interface.
/// Implementations never throw on bad input: what they cannot read stays raw SQL.
/// </summary>
internal interface ISqlDialectParser
{
    MigrationDatabase Database { get; }

    IReadOnlyList<SqlStatement> Split(string sql, int firstLine = 1);

    IReadOnlyList<MigrationOperation> Parse(string sql, int firstLine = 1);
}

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

/// <summary>PostgreSQL, MySQL, SQLite (and unknown) scripts: <see cref="SqlStatementSplitter"/> + <see cref="SqlStatementRecognizer"/>.</summary>
internal sealed class TolerantSqlParser(MigrationDatabase database) : ISqlDialectParser
{
    public MigrationDatabase Database { get; } = database;

    public IReadOnlyList<SqlStatement> Split(string sql, int firstLine = 1) => SqlStatementSplitter.Split(sql, Database, firstLine);

    public IReadOnlyList<MigrationOperation> Parse(string sql, int firstLine = 1)
    {
        var operations = new List<MigrationOperation>();
        foreach (var statement in Split(sql, firstLine))
        {
            operations.AddRange(SqlStatementRecognizer.Recognize(statement, Database));
        }

        return operations;
    }
}

/// <summary>Guesses a script's dialect from tell-tale syntax, for frameworks whose database was not detected.</summary>
internal static class SqlDialectGuess
{
    public static MigrationDatabase FromText(string sql)
    {
        if (sql.Contains("\nGO", StringComparison.OrdinalIgnoreCase) && HasGoLine(sql) || sql.Contains("[dbo]", StringComparison.OrdinalIgnoreCase)
            || sql.Contains("NVARCHAR", StringComparison.OrdinalIgnoreCase) || sql.Contains("IDENTITY(1", StringComparison.OrdinalIgnoreCase)
            || sql.Contains("sp_rename", StringComparison.OrdinalIgnoreCase))
        {
            return MigrationDatabase.SqlServer;
        }

        if (sql.Contains('`') || sql.Contains("ENGINE=", StringComparison.OrdinalIgnoreCase) || sql.Contains("AUTO_INCREMENT", StringComparison.OrdinalIgnoreCase))
        {
            return MigrationDatabase.MySql;
        }

        if (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) || sql.Contains("PRAGMA ", StringComparison.OrdinalIgnoreCase))
        {
            return MigrationDatabase.Sqlite;
        }

        return MigrationDatabase.Unknown;
    }

    private static bool HasGoLine(string sql)
    {
        foreach (var line in sql.Split('\n'))
        {
            if (line.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
