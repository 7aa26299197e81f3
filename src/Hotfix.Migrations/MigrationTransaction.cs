using System.Text.RegularExpressions;
using Hotfix.Migrations.Formats;
using Hotfix.Migrations.Sql;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Migrations;

/// <summary>
/// Whether one migration's statements run inside a transaction, read from the migration's own text where its framework
/// puts the opt-out (<see cref="MigrationTransactions"/>): the file header, the class, the block around the statement,
/// the call that issues it or a file beside it.
/// </summary>
internal sealed class MigrationTransaction
{
    private readonly string? upText;
    private readonly string? downText;
    private readonly int firstLine;
    private readonly int lastLine;
    private readonly Func<string, string?> readSibling;
    private readonly MigrationDatabase database;
    private readonly (string Up, string? Down) fileNames;
    private readonly ProjectTransactionSettings project;

    /// <summary>A migration Hotfix does not judge (unconfirmed framework, deleted, unreadable).</summary>
    public static MigrationTransaction Unknown { get; } = new(null, null, null, null, _ => null, MigrationDatabase.Unknown);

    /// <remarks>
    /// <c>fileNames</c>: the up's and the down's file names, for an opt-out file named after the migration's (Flyway's
    /// <c>.sql.conf</c>); <c>project</c>: what the project's configuration says for every migration (Flyway's <c>mixed</c>).
    /// </remarks>
    public MigrationTransaction(
        TransactionModel? model, string? upText, string? downText, (int First, int? Last)? lines, Func<string, string?> readSibling, MigrationDatabase database,
        (string Up, string? Down)? fileNames = null, ProjectTransactionSettings? project = null)
    {
        this.fileNames = fileNames ?? (string.Empty, null);
        this.project = project ?? ProjectTransactionSettings.None;
        Model = model;
        this.upText = upText;
        this.downText = downText;
        // A file of one migration is all of it (a Rails class says disable_ddl_transaction! before the method the
        // migration is said to start at); a file of several (Liquibase changesets) gives each its own lines, the last
        // one running to the end of the file, so one changeset's opt-out never covers another.
        firstLine = lines?.First ?? 1;
        lastLine = lines?.Last ?? int.MaxValue;
        this.readSibling = readSibling;
        this.database = database;
    }

    /// <summary>The framework's model, or null when its behaviour is not confirmed (then nothing is judged).</summary>
    public TransactionModel? Model { get; }

    /// <summary>
    /// Whether the statement of <paramref name="operation"/> runs inside a transaction. <paramref name="inOtherFile"/>: the
    /// operation belongs to a down kept in a file of its own (golang-migrate, sqlx), whose text is the down's.
    /// </summary>
    public bool Wraps(MigrationOperation operation, MigrationDirection direction, bool inOtherFile)
    {
        var text = inOtherFile ? downText : upText;
        if (Model is null || text is null)
        {
            return false;
        }

        if (Model.Boundary == TransactionBoundary.OneQueryPerFile)
        {
            return StatementCount(text) > 1;
        }

        if (Model.Boundary == TransactionBoundary.InScriptBlock)
        {
            return ScriptBlockAt(text, operation.Line) is not null;
        }

        if (OptedOut(direction, inOtherFile, text, operation.Line)
            || Model.RunsApart is { } apart && NonTransactionalStatement.Of(operation, database) is { } statement && apart.Contains(statement))
        {
            return false;
        }

        // Flyway leaves the migration out of its transaction once it recognises one statement (a mix it refuses, or
        // runs without a transaction when mixed is set): only a migration with none of them is wrapped.
        return Model.Boundary != TransactionBoundary.DetectedPerMigration || !FlywayStatements.Of(text, database).Any(s => s.NonTransactional);
    }

    /// <summary>
    /// Whether both statements of the up run inside one and the same transaction: both wrapped, and — where the script
    /// writes its own transactions (sqitch) — in the same <c>BEGIN</c> … <c>COMMIT</c> block, not one committed before the other.
    /// </summary>
    public bool SharesTransaction(MigrationOperation first, MigrationOperation second) =>
        Wraps(first, MigrationDirection.Up, false) && Wraps(second, MigrationDirection.Up, false)
        && (Model!.Boundary != TransactionBoundary.InScriptBlock || ScriptBlockAt(upText!, first.Line) == ScriptBlockAt(upText!, second.Line));

    /// <summary>
    /// The migration's statements as Flyway sorts them, when it mixes both kinds and nothing lets it (no <c>mixed</c>,
    /// no script configuration): Flyway refuses the whole migration. Empty otherwise.
    /// </summary>
    public IReadOnlyList<(SqlStatement Statement, bool NonTransactional)> RefusedAsMixed(MigrationDirection direction, bool inOtherFile)
    {
        var text = inOtherFile ? downText : upText;
        if (Model?.Boundary != TransactionBoundary.DetectedPerMigration || text is null || project.AllowsMixed || OptedOut(direction, inOtherFile, text, null))
        {
            return [];
        }

        var statements = FlywayStatements.Of(text, database);
        return statements.Any(s => s.NonTransactional) && statements.Any(s => !s.NonTransactional) ? statements : [];
    }

    // A transaction around every migration at once (MikroORM's allOrNothing) still holds a migration that opts out of its own.
    private bool OptedOut(MigrationDirection direction, bool inOtherFile, string text, int? line) =>
        project.NoTransaction || !project.OneTransactionForAll && Model!.OptOuts.Any(o => (o.Direction is null || o.Direction == direction) && OptsOut(o, text, line, inOtherFile));

    private bool OptsOut(TransactionOptOut optOut, string text, int? line, bool inOtherFile) => optOut.Scope switch
    {
        OptOutScope.Migration => optOut.Pattern.IsMatch(Lines(text, firstLine, lastLine)),
        OptOutScope.FirstLine => optOut.Pattern.IsMatch(text.Split('\n')[0].TrimEnd('\r')),
        OptOutScope.EnclosingBlock => line is { } l && InsideBlock(text, l, optOut.Pattern),
        OptOutScope.CSharpStatement => line is { } l && CSharpStatementAt(text, l) is { } statement && optOut.Pattern.IsMatch(statement),
        OptOutScope.SiblingFile => optOut.File is { } file && readSibling(file.Replace("{file}", (inOtherFile ? fileNames.Down : fileNames.Up) ?? string.Empty, StringComparison.Ordinal)) is { } sibling
            && optOut.Pattern.IsMatch(sibling),
        _ => false,
    };

    /// <summary>
    /// Which <c>BEGIN</c> (or <c>START TRANSACTION</c>) … <c>COMMIT</c> (<c>END</c>, <c>ROLLBACK</c>) block of the script
    /// holds the line, counted from 1; null outside every block, and for an unknown line.
    /// </summary>
    private int? ScriptBlockAt(string text, int? line)
    {
        if (line is not { } at)
        {
            return null;
        }

        var blocks = 0;
        var open = false;
        foreach (var statement in SqlStatementSplitter.Split(text, database))
        {
            if (statement.Line > at)
            {
                break;
            }

            var words = SqlTokenizer.Tokenize(statement.Text, database).Where(t => t.Kind == SqlTokenKind.Word).Select(t => t.Upper).Take(2).ToList();
            if (words is ["BEGIN", ..] or ["START", "TRANSACTION"])
            {
                open = true;
                blocks++;
            }
            else if (words is ["COMMIT" or "END" or "ROLLBACK", ..])
            {
                open = false;
            }
        }

        return open ? blocks : null;
    }

    /// <summary>The statements PostgreSQL would receive in one query: the file's, without comment-only leftovers.</summary>
    private int StatementCount(string text) =>
        SqlStatementSplitter.Split(text, database).Count(s => SqlTokenizer.Tokenize(s.Text, database).Any(t => !t.IsSymbol(";")));

    private static string Lines(string text, int from, int to)
    {
        var lines = text.Split('\n');
        var start = Math.Clamp(from - 1, 0, lines.Length);
        var end = Math.Clamp(to, start, lines.Length);
        return string.Join('\n', lines[start..end]);
    }

    /// <summary>An indented block whose header matches <paramref name="header"/> holds the line (Python's <c>with …:</c>).</summary>
    private static bool InsideBlock(string text, int line, Regex header)
    {
        var lines = text.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return false;
        }

        var indent = Indent(lines[line - 1]);
        for (var k = line - 2; k >= 0; k--)
        {
            if (lines[k].Trim().Length == 0)
            {
                continue;
            }

            var depth = Indent(lines[k]);
            if (depth < indent)
            {
                if (header.IsMatch(lines[k]))
                {
                    return true;
                }

                // An enclosing header of another kind (a nested `if`, `for`): the block that matters may be further out.
                indent = depth;
            }
        }

        return false;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    /// <summary>The text of the innermost C# statement on the line, read with Roslyn so strings and comments never fool it.</summary>
    private static string? CSharpStatementAt(string text, int line)
    {
        var tree = CSharpSyntaxTree.ParseText(text, CSharpCall.ParseOptions);
        return tree.GetRoot().DescendantNodes().OfType<ExpressionStatementSyntax>()
            .Where(s => s.GetLocation().GetLineSpan() is var span && span.StartLinePosition.Line + 1 <= line && span.EndLinePosition.Line + 1 >= line)
            .OrderBy(s => s.Span.Length)
            .Select(s => s.ToString())
            .FirstOrDefault();
    }
}
