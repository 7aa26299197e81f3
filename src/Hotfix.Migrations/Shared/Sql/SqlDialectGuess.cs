namespace Hotfix.Migrations.Sql;

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
