using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Hotfix.Migrations;

/// <summary>
/// The check constraints that prove a column NOT NULL — <c>CHECK (email IS NOT NULL)</c>, Django's
/// <c>Q(email__isnull=False)</c> — and whether each is validated. PostgreSQL 12+ skips the full-table scan of
/// <c>SET NOT NULL</c> when a valid one exists: the recipe strong_migrations and the PostgreSQL documentation give (add the
/// check <c>NOT VALID</c>, validate it in another migration, then set NOT NULL and drop the check). Followed in order
/// through validations and drops, over the earlier migrations (their history) and the steps of this one.
/// </summary>
internal sealed class NotNullChecks
{
    private readonly List<Check> checks = new List<Check>();

    /// <summary>A copy to go on from (the earlier migrations' checks, for one migration's steps).</summary>
    public NotNullChecks Copy()
    {
        var copy = new NotNullChecks();
        copy.checks.AddRange(checks.Select(c => new Check(c.Name, c.Table, c.Text) { Validated = c.Validated }));
        return copy;
    }

    public void Observe(MigrationOperation operation)
    {
        switch (operation.Kind)
        {
            case MigrationOperationKind.AddConstraint when operation.Constraint == ConstraintKind.Check && !string.IsNullOrEmpty(operation.Table):
                checks.Add(new Check(operation.Name, operation.Table!, operation.Text ?? string.Empty) { Validated = !operation.NotValid });
                break;
            case MigrationOperationKind.ValidateConstraint when !string.IsNullOrEmpty(operation.Name):
                foreach (var check in Named(operation.Name!, operation.Table))
                {
                    check.Validated = true;
                }

                break;
            case MigrationOperationKind.DropConstraint when !string.IsNullOrEmpty(operation.Name):
                checks.RemoveAll(c => Named(operation.Name!, operation.Table).Contains(c));
                break;
            case MigrationOperationKind.DropTable when operation.Table != null:
                checks.RemoveAll(c => MigrationOperation.SameTable(c.Table, operation.Table));
                break;
        }
    }

    /// <summary>True when a validated check on <paramref name="table"/> says <paramref name="column"/> IS NOT NULL.</summary>
    public bool ProveNotNull(string? table, string? column)
    {
        if (table == null || string.IsNullOrEmpty(column))
        {
            return false;
        }

        var name = Regex.Escape(MigrationOperation.NormalizeName(column));
        var says = new Regex(
            @"(?<![\w$])[""`\[]?" + name + @"[""`\]]?\s+IS\s+NOT\s+NULL\b|\b" + name + @"__isnull\s*=\s*False\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return checks.Any(c => c.Validated && MigrationOperation.SameTable(c.Table, table) && says.IsMatch(c.Text));
    }

    private List<Check> Named(string name, string? table)
    {
        var wanted = MigrationOperation.NormalizeName(name);
        return checks.Where(c => c.Name != null && MigrationOperation.NormalizeName(c.Name) == wanted &&
            (table == null || MigrationOperation.SameTable(c.Table, table))).ToList();
    }

    private sealed class Check
    {
        public Check(string? name, string table, string text)
        {
            Name = name;
            Table = table;
            Text = text;
        }

        public string? Name { get; }

        public string Table { get; }

        public string Text { get; }

        public bool Validated { get; set; }
    }
}
