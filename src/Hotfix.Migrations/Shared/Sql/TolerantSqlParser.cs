namespace Hotfix.Migrations.Sql;

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
