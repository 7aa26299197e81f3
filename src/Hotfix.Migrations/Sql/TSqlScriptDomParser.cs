using System.Text;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hotfix.Migrations.Sql;

/// <summary>
/// T-SQL through Microsoft's ScriptDom parser: it finds statement boundaries that T-SQL does not mark (statements
/// without ';', GO batches, procedure bodies) exactly; each statement's text then goes through the same recogniser as
/// the other dialects, so every dialect maps to operations the same way. When ScriptDom reports syntax errors (a
/// fragment, a newer syntax), the tolerant splitter takes over instead of losing the script.
/// </summary>
internal sealed class TSqlScriptDomParser : ISqlDialectParser
{
    public MigrationDatabase Database => MigrationDatabase.SqlServer;

    public IReadOnlyList<SqlStatement> Split(string sql, int firstLine = 1)
    {
        TSqlFragment fragment;
        IList<ParseError> errors;
        try
        {
            var parser = new TSql170Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(sql);
            fragment = parser.Parse(reader, out errors);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return SqlStatementSplitter.Split(sql, Database, firstLine);
        }

        if (errors.Count > 0 || fragment is not TSqlScript script)
        {
            return SqlStatementSplitter.Split(sql, Database, firstLine);
        }

        var statements = new List<SqlStatement>();
        foreach (var batch in script.Batches)
        {
            foreach (var statement in batch.Statements)
            {
                Add(statement, statements, firstLine);
            }
        }

        return statements;
    }

    /// <summary>
    /// A statement, or the statements its control flow holds: idempotent T-SQL guards its DDL
    /// (<c>IF OBJECT_ID(…) IS NOT NULL DROP TABLE …</c>, <c>IF COL_LENGTH(…) IS NOT NULL BEGIN … END</c>,
    /// <c>BEGIN TRY … END TRY BEGIN CATCH … END CATCH</c>, <c>WHILE … BEGIN DELETE TOP (…) … END</c>). As for PostgreSQL's
    /// DO blocks, the flow is peeled off, not evaluated: a guarded drop is still a drop.
    /// </summary>
    private static void Add(TSqlStatement statement, List<SqlStatement> statements, int firstLine)
    {
        switch (statement)
        {
            case IfStatement guarded:
                Add(guarded.ThenStatement, statements, firstLine);
                if (guarded.ElseStatement is { } otherwise)
                {
                    Add(otherwise, statements, firstLine);
                }

                break;
            case BeginEndBlockStatement block:
                AddAll(block.StatementList, statements, firstLine);
                break;
            case TryCatchStatement attempt:
                AddAll(attempt.TryStatements, statements, firstLine);
                AddAll(attempt.CatchStatements, statements, firstLine);
                break;
            case WhileStatement loop:
                Add(loop.Statement, statements, firstLine);
                break;
            default:
                statements.Add(new SqlStatement(TextOf(statement), statement.StartLine + firstLine - 1));
                break;
        }
    }

    private static void AddAll(StatementList? list, List<SqlStatement> statements, int firstLine)
    {
        foreach (var statement in list?.Statements ?? [])
        {
            Add(statement, statements, firstLine);
        }
    }

    public IReadOnlyList<MigrationOperation> Parse(string sql, int firstLine = 1)
    {
        var operations = new List<MigrationOperation>();
        foreach (var statement in Split(sql, firstLine))
        {
            operations.AddRange(SqlStatementRecognizer.Recognize(statement, Database));
        }

        return operations;
    }

    private static string TextOf(TSqlFragment fragment)
    {
        var text = new StringBuilder();
        for (var k = fragment.FirstTokenIndex; k <= fragment.LastTokenIndex && k < fragment.ScriptTokenStream.Count; k++)
        {
            text.Append(fragment.ScriptTokenStream[k].Text);
        }

        return text.ToString();
    }
}
