using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Knex's keys: <c>table.foreign('c').references('id').inTable('t')</c>, a column's chained <c>.references('t.id')</c>,
/// <c>table.index(['c'])</c>, and the chained modifiers <c>.index()</c>, <c>.unique()</c>, <c>.primary()</c>, whose column
/// is the one the statement defines.
/// </summary>
internal static partial class KnexKeys
{
    /// <summary>The call's own column list, or for a chained modifier (no arguments) the column the statement defines.</summary>
    public static IReadOnlyList<string>? Columns(CodeCall call, CodeText code)
    {
        if (call.Arguments.Count > 0)
        {
            return KeyColumnText.Positional(call, 0);
        }

        var statement = DslSupport.StatementBefore(code, call.Start);
        return DefinedColumn().Match(statement) is { Success: true } m ? [m.Groups["column"].Value] : null;
    }

    /// <summary>The table a chain references: <c>.inTable('t')</c>, else the table part of <c>.references('t.id')</c>; null without one.</summary>
    public static string? Referenced(string tail)
    {
        if (!tail.Contains(".references(", StringComparison.Ordinal))
        {
            return null;
        }

        if (InTable().Match(tail) is { Success: true } table)
        {
            return table.Groups["table"].Value;
        }

        return References().Match(tail) is { Success: true } qualified ? qualified.Groups["table"].Value : null;
    }

    /// <summary>The keys an operation inside a createTable callback adds to the table it creates.</summary>
    public static IEnumerable<MigrationOperation> AsInlineKeys(MigrationOperation operation)
    {
        if (operation.Kind is MigrationOperationKind.CreateIndex or MigrationOperationKind.AddConstraint)
        {
            yield return operation;
        }
        else if (operation.Kind == MigrationOperationKind.AddColumn && operation.ReferencedTable is not null && operation.Column is not null)
        {
            yield return new MigrationOperation(MigrationOperationKind.AddConstraint)
            {
                Table = operation.Table, Constraint = ConstraintKind.ForeignKey, KeyColumns = [operation.Column],
                ReferencedTable = operation.ReferencedTable, Line = operation.Line, Text = operation.Text,
            };
        }
    }

    [GeneratedRegex("""\.\w+\(\s*["'`](?<column>\w+)["'`]""")]
    private static partial Regex DefinedColumn();

    [GeneratedRegex("""\.inTable\(\s*["'`](?<table>[\w.]+)["'`]""")]
    private static partial Regex InTable();

    [GeneratedRegex("""\.references\(\s*["'`](?<table>[\w.]+)\.\w+["'`]""")]
    private static partial Regex References();
}
