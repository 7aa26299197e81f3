using System.Text.RegularExpressions;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations;

/// <summary>
/// How Flyway's PostgreSQL parser sorts a script's statements before it runs it: those it knows cannot run in a
/// transaction, and the rest. Flyway runs a script of only the first kind outside a transaction, wraps a script of only
/// the second kind in one, and refuses a script of both ("Detected both transactional and non-transactional statements
/// within the same migration") unless <c>mixed</c> is set. Its list is its own, not PostgreSQL's
/// (<see cref="NonTransactionalStatement"/>): it misses <c>REINDEX INDEX|TABLE … CONCURRENTLY</c>, which it then wraps
/// and PostgreSQL refuses, and has <c>DISCARD ALL</c>, tablespaces and subscriptions, which Hotfix does not judge.
/// </summary>
internal static partial class FlywayStatements
{
    /// <summary>The script's statements (comment-only leftovers dropped), each with whether Flyway runs it only outside a transaction.</summary>
    public static IReadOnlyList<(SqlStatement Statement, bool NonTransactional)> Of(string text, MigrationDatabase database) =>
        SqlStatementSplitter.Split(text, database)
            .Select(s => (Statement: s, Words: Simplified(s.Text, database)))
            .Where(s => s.Words.Length > 0)
            .Select(s => (s.Statement, FlywayNonTransactional().IsMatch(s.Words)))
            .ToList();

    /// <summary>The statement as Flyway matches it: its tokens upper-cased, one space apart, comments gone.</summary>
    private static string Simplified(string statement, MigrationDatabase database) =>
        string.Join(' ', SqlTokenizer.Tokenize(statement, database).Where(t => !t.IsSymbol(";")).Select(t => t.Kind == SqlTokenKind.Word ? t.Upper : t.Text));

    // ALTER TYPE … ADD VALUE is on Flyway's list only when the server is older than 12; Hotfix cannot know the server and
    // assumes a current one (docs/rules/HF2010.md), where Flyway treats it as transactional.
    [GeneratedRegex(@"^(?:(?:CREATE|DROP) (?:DATABASE|TABLESPACE|SUBSCRIPTION)|ALTER SYSTEM|(?:CREATE|DROP)(?: UNIQUE)? INDEX CONCURRENTLY|REINDEX(?: VERBOSE)? (?:SCHEMA|DATABASE|SYSTEM)|VACUUM|DISCARD ALL)\b")]
    private static partial Regex FlywayNonTransactional();
}
