namespace Hotfix.Migrations.Rollback;

/// <summary>
/// A step of a forward migration that a person must write (re-creating what the hotfix dropped, putting back rows it
/// changed) as a statement that fails. A comment in its place would let the migration "succeed" and be recorded as
/// applied without restoring anything; a failure stops it there until someone replaces the line.
/// </summary>
internal static class ByHandStatements
{
    /// <summary>The message every by-hand statement raises.</summary>
    public static string Message(string what) => "by hand: " + what;

    /// <summary>
    /// A SQL statement that raises <paramref name="what"/> on <paramref name="database"/>. Each is also a syntax or
    /// run-time error on the other databases, so a wrongly detected dialect still stops the migration.
    /// </summary>
    public static string Sql(string what, MigrationDatabase database)
    {
        var text = Message(what).Replace("'", "''", StringComparison.Ordinal);
        return database switch
        {
            MigrationDatabase.SqlServer => $"THROW 50000, N'{text}', 1;",
            MigrationDatabase.MySql => $"SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{text}';",
            MigrationDatabase.Sqlite => $"SELECT RAISE(ABORT, '{text}');",
            _ => $"DO $$ BEGIN RAISE EXCEPTION '{text.Replace("%", "%%", StringComparison.Ordinal)}'; END $$;",
        };
    }

    /// <summary>The line of the plan's header that says the by-hand statements fail (empty when there are none).</summary>
    public static string Note(bool any) =>
        any ? "-- Each \"by hand\" statement raises an error on purpose: the migration fails there until you replace it with what it describes.\n" : string.Empty;
}
