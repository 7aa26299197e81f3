using System;
using System.Collections.Generic;
using System.Linq;

namespace Hotfix.Migrations;

/// <summary>
/// Judges a <c>DROP TABLE</c>. SQLite cannot alter most of a column, so drizzle-kit, Rails and EF rebuild the table:
/// create <c>__new_t</c>, <c>INSERT INTO __new_t (…) SELECT … FROM t</c>, drop <c>t</c>, rename <c>__new_t</c> to
/// <c>t</c>. That drop loses nothing as long as the copy reads every column <c>t</c> had; it loses exactly the
/// columns the copy leaves out. Without the copy, dropping a table is destructive as always.
/// </summary>
internal static class TableRebuild
{
    /// <summary>Why dropping the table loses data, or null when a rebuild carries every column over.</summary>
    public static string? DropReason(MigrationOperation drop, MigrationRiskContext context)
    {
        var copy = context.CopyOf(drop.Table);
        if (copy == null)
        {
            return "drops table " + drop.Object + " and every row in it; the running version still reads it";
        }

        var read = copy.SourceColumns ?? Array.Empty<string>();
        if (read.Contains("*"))
        {
            return null;
        }

        var before = context.ColumnsBefore(drop.Table);
        var rebuild = "rebuilds table " + drop.Object + " (its rows are copied into " + copy.Table + ", then it is dropped)";
        if (before == null)
        {
            return rebuild + ", but no earlier migration defines it, so Hotfix cannot tell whether every column is carried over: compare the copy with the table";
        }

        var carried = new HashSet<string>(read.Select(MigrationOperation.NormalizeName), StringComparer.Ordinal);
        var lost = before.Where(c => !carried.Contains(MigrationOperation.NormalizeName(c))).ToList();
        return lost.Count == 0 ? null : rebuild + " without column" + (lost.Count == 1 ? " " : "s ") + string.Join(", ", lost) + ": their data is lost";
    }
}
