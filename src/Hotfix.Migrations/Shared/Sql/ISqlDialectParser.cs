namespace Hotfix.Migrations.Sql;

/// <summary>
/// Turns a SQL script of one dialect into migration operations. No maintained multi-dialect SQL parser is available as
/// a package here, so PostgreSQL, MySQL and SQLite go through the tolerant splitter and recogniser, and T-SQL through
/// Microsoft's ScriptDom (<c>SqlParsers</c>, in Hotfix.Migrations only); a real parser (libpg_query, sqlparser-rs ports) can replace one dialect behind this interface.
/// Implementations never throw on bad input: what they cannot read stays raw SQL.
/// </summary>
internal interface ISqlDialectParser
{
    MigrationDatabase Database { get; }

    IReadOnlyList<SqlStatement> Split(string sql, int firstLine = 1);

    IReadOnlyList<MigrationOperation> Parse(string sql, int firstLine = 1);
}
