using System;
using System.Collections.Generic;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations;

/// <summary>
/// THE migration-operation risk table, written once for <c>hotfix check</c> and the Roslyn analyzers: each row says
/// which operation shape is destructive, backward-incompatible, locking or an unbounded data rewrite, under which rule,
/// why, and what to do instead. Rows are data; <see cref="Assess"/> returns every row that matched, so a report can say
/// which row decided (the explanation trace).
/// </summary>
/// <remarks>
/// The table judges one operation of the <b>up</b> direction. A down that reverses its own up is judged by the
/// inversion check (HF2007), not here. An analyzer that sees <c>migrationBuilder.DropColumn(…)</c> inside <c>Up</c>
/// builds the operation with <see cref="EfMigrationBuilderCalls"/> and asks <see cref="Assess"/>.
/// </remarks>
internal static class MigrationRiskTable
{
    private static readonly string[] VolatileFunctions =
    {
        "random(", "gen_random_uuid(", "uuid_generate_v1", "uuid_generate_v4(", "clock_timestamp(", "timeofday(",
        "nextval(", "txid_current(", "newid(", "newsequentialid(", "uuid()", "rand(",
    };

    /// <summary>The rows, in the order they are tried.</summary>
    public static IReadOnlyList<MigrationRiskRow> Rows { get; } = new[]
    {
        // --- destructive (HF2002) ---
        Row("drop-table", RuleIds.DestructiveMigration, MigrationRiskCategory.Destructive, MigrationRecipes.DropTable,
            (op, ctx) => op.Kind == MigrationOperationKind.DropTable && !ctx.NewToRunningVersion(op.Table) ? TableRebuild.DropReason(op, ctx) : null),
        Row("drop-column", RuleIds.DestructiveMigration, MigrationRiskCategory.Destructive, MigrationRecipes.DropColumn,
            (op, ctx) => op.Kind == MigrationOperationKind.DropColumn && !ctx.NewToRunningVersion(op.Table) && !ctx.AddedInThisMigration(op.Table, op.Column)
                ? "drops column " + op.Object + " and its data; the running version still reads and writes it" : null),
        Row("drop-schema", RuleIds.DestructiveMigration, MigrationRiskCategory.Destructive, MigrationRecipes.DropSchema,
            (op, ctx) => op.Kind == MigrationOperationKind.DropSchema
                || op.Kind == MigrationOperationKind.DropObject && string.Equals(op.ObjectType, "database", StringComparison.OrdinalIgnoreCase)
                ? "drops " + (op.Kind == MigrationOperationKind.DropSchema ? "schema " : string.Empty) + op.Object + " with everything in it" : null),
        Row("truncate", RuleIds.DestructiveMigration, MigrationRiskCategory.Destructive, MigrationRecipes.Truncate,
            (op, ctx) => op.Kind == MigrationOperationKind.Truncate
                ? "truncates " + op.Object + (op.Cascade ? " with CASCADE (every referencing table too)" : string.Empty) + ": every row is deleted" : null),
        Row("drop-type-cascade", RuleIds.DestructiveMigration, MigrationRiskCategory.Destructive, MigrationRecipes.DropColumn,
            (op, ctx) => op.Kind == MigrationOperationKind.DropObject && op.Cascade && string.Equals(op.ObjectType, "type", StringComparison.OrdinalIgnoreCase)
                ? "drops " + op.Object + " with CASCADE: every column of that type is dropped with its data" : null),
        Row("type-change-lossy", RuleIds.DestructiveMigration, MigrationRiskCategory.Destructive, MigrationRecipes.TypeChange,
            (op, ctx) =>
            {
                if (!IsTypeChange(op) || ctx.CreatedInThisMigration(op.Table) || ctx.AddedInThisMigration(op.Table, op.Column))
                {
                    return null;
                }

                var verdict = ColumnTypeChange.Classify(op.OldType, op.NewType, ctx.Database);
                return verdict.Effect == TypeChangeEffect.Narrowing || verdict.Effect == TypeChangeEffect.Unknown
                    ? "changes the type of " + op.Object + ": " + verdict.Reason : null;
            }),

        // --- backward-incompatible (HF2004) ---
        Row("rename-column", RuleIds.BackwardIncompatibleMigration, MigrationRiskCategory.BackwardIncompatible, MigrationRecipes.Rename,
            (op, ctx) => op.Kind == MigrationOperationKind.RenameColumn && !ctx.CreatedInThisMigration(op.Table)
                ? "renames column " + op.Object + ": the running version still uses the old name" : null),
        Row("rename-table", RuleIds.BackwardIncompatibleMigration, MigrationRiskCategory.BackwardIncompatible, MigrationRecipes.Rename,
            (op, ctx) => (op.Kind == MigrationOperationKind.RenameTable || op.Kind == MigrationOperationKind.RenameSchema) && !ctx.CreatedInThisMigration(op.Table)
                ? "renames " + (op.Kind == MigrationOperationKind.RenameSchema ? "schema " : "table ") + op.Object + ": the running version still uses the old name" : null),
        Row("rename-enum-label", RuleIds.BackwardIncompatibleMigration, MigrationRiskCategory.BackwardIncompatible, MigrationRecipes.Rename,
            (op, ctx) => op.Kind == MigrationOperationKind.AlterObject && op.RenamesEnumLabel && op.EnumLabels != null && op.EnumLabels.Count == 2
                ? "renames the label '" + op.EnumLabels[0] + "' of " + op.Object + " to '" + op.EnumLabels[1] + "': the running version still writes '" + op.EnumLabels[0] + "', and those writes fail" : null),
        Row("add-not-null-without-default", RuleIds.BackwardIncompatibleMigration, MigrationRiskCategory.BackwardIncompatible, MigrationRecipes.AddNotNullColumn,
            (op, ctx) => op.Kind == MigrationOperationKind.AddColumn && op.NewNullable == false && op.HasDefault != true && !op.GeneratedStored
                && !ctx.CreatedInThisMigration(op.Table)
                ? op.DefaultExpression is null
                    ? ctx.Database == MigrationDatabase.MySql
                        ? "adds NOT NULL column " + op.Object + " without a default: MySQL gives the rows there are the type's implicit default (0, ''), and in strict mode inserts from the running version (which does not set it) fail"
                        : "adds NOT NULL column " + op.Object + " without a default: it fails on a table with rows, and inserts from the running version (which does not set it) fail"
                    : "adds NOT NULL column " + op.Object + " whose default (" + op.DefaultExpression + ") fills the rows there are but is not kept in the database: inserts from the running version (which does not set it) fail"
                : null),
        Row("drop-not-null", RuleIds.BackwardIncompatibleMigration, MigrationRiskCategory.BackwardIncompatible, MigrationRecipes.DropNotNull,
            (op, ctx) => MakesNullable(op, true) && !ctx.CreatedInThisMigration(op.Table)
                ? "allows NULL in " + op.Object + ": code that relies on a value there (the running version, reports, integrations) gets NULLs" : null),

        // --- locking / rewrite (HF2005) ---
        Row("set-not-null", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.SetNotNull,
            (op, ctx) => MakesNullable(op, false)
                && ctx.IsPostgreSqlLike && !ctx.CreatedInThisMigration(op.Table) && !ctx.ProvenNotNull(op.Table, op.Column)
                ? "sets NOT NULL on " + op.Object + ": scans the whole table under an ACCESS EXCLUSIVE lock (and fails if a NULL exists)" + Assumed(ctx) : null),
        Row("type-change-rewrite", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.TypeRewrite,
            (op, ctx) =>
            {
                if (!IsTypeChange(op) || ctx.CreatedInThisMigration(op.Table) || ctx.Database == MigrationDatabase.Sqlite)
                {
                    return null;
                }

                var verdict = ColumnTypeChange.Classify(op.OldType, op.NewType, ctx.Database);
                return verdict.Effect == TypeChangeEffect.Rewrite ? "changes the type of " + op.Object + ": " + verdict.Reason + ", holding an exclusive lock" : null;
            }),
        Row("create-index-blocking", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.CreateIndexConcurrently,
            (op, ctx) =>
            {
                if (op.Kind != MigrationOperationKind.CreateIndex || ctx.CreatedInThisMigration(op.Table))
                {
                    return null;
                }

                if (ctx.IsPostgreSqlLike && !op.Concurrently)
                {
                    return "creates index " + op.Object + " without CONCURRENTLY: writes to the table are blocked while the index builds" + Assumed(ctx);
                }

                return ctx.Database == MigrationDatabase.SqlServer && !op.Online
                    ? "creates index " + op.Object + " without ONLINE = ON: the table is locked while the index builds" : null;
            }),
        Row("drop-index-blocking", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.DropIndexConcurrently,
            (op, ctx) => op.Kind == MigrationOperationKind.DropIndex && !op.Concurrently && ctx.IsPostgreSqlLike && !ctx.CreatedInThisMigration(op.Table)
                ? "drops index " + op.Object + " without CONCURRENTLY: takes an ACCESS EXCLUSIVE lock on the table" + Assumed(ctx) : null),
        Row("add-foreign-key-copying", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.MySqlForeignKey,
            (op, ctx) => op.Kind == MigrationOperationKind.AddConstraint && op.Constraint == ConstraintKind.ForeignKey && ctx.Database == MigrationDatabase.MySql
                && !ctx.CreatedInThisMigration(op.Table)
                ? "adds foreign key " + op.Object + ": with foreign_key_checks on, InnoDB copies the table to check every row, blocking writes until it is done" : null),
        Row("add-constraint-checking", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.SqlServerNoCheck,
            (op, ctx) => op.Kind == MigrationOperationKind.AddConstraint && (op.Constraint == ConstraintKind.ForeignKey || op.Constraint == ConstraintKind.Check)
                && ctx.Database == MigrationDatabase.SqlServer && !op.NotValid && !ctx.CreatedInThisMigration(op.Table)
                ? "adds " + MigrationNames.Of(op.Constraint) + " " + op.Object + " and checks every existing row inside the ALTER TABLE, whose schema-modification lock blocks reads and writes of the table until the check is done" : null),
        Row("add-constraint-validating", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.ConstraintNotValid,
            (op, ctx) => op.Kind == MigrationOperationKind.AddConstraint && (op.Constraint == ConstraintKind.ForeignKey && ctx.Database != MigrationDatabase.MySql || op.Constraint == ConstraintKind.Check)
                && !op.NotValid && !ctx.CreatedInThisMigration(op.Table) && ctx.Database != MigrationDatabase.Sqlite && ctx.Database != MigrationDatabase.SqlServer
                ? "adds " + MigrationNames.Of(op.Constraint) + " " + op.Object + " and validates every existing row while holding a lock that blocks writes" + (op.Constraint == ConstraintKind.ForeignKey ? " (on both tables)" : string.Empty) : null),
        Row("add-unique-or-primary-key", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.UniqueUsingIndex,
            (op, ctx) => op.Kind == MigrationOperationKind.AddConstraint && (op.Constraint == ConstraintKind.Unique || op.Constraint == ConstraintKind.PrimaryKey || op.Constraint == ConstraintKind.Exclusion)
                && !op.UsingIndex && ctx.IsPostgreSqlLike && !ctx.CreatedInThisMigration(op.Table)
                ? "adds " + MigrationNames.Of(op.Constraint) + " " + op.Object + ": builds its index under an ACCESS EXCLUSIVE lock (and fails on duplicates)" + Assumed(ctx) : null),
        Row("validate-in-same-migration", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.ValidateSeparately,
            (op, ctx) => op.Kind == MigrationOperationKind.ValidateConstraint && ctx.AddedNotValidInThisMigration(op.Name) && !ctx.CreatedInThisMigration(op.Table)
                ? "validates " + op.Object + " in the same migration (transaction) that added it NOT VALID, so the lock taken by the ADD is held during the full validation scan" : null),
        Row("add-column-rewrite", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.VolatileDefault,
            (op, ctx) => op.Kind == MigrationOperationKind.AddColumn && !ctx.CreatedInThisMigration(op.Table) && ctx.Database != MigrationDatabase.Sqlite
                && (op.GeneratedStored || op.HasDefault == true && IsVolatile(op.DefaultExpression))
                ? "adds column " + op.Object + (op.GeneratedStored ? " as a stored generated column" : " with the volatile default " + op.DefaultExpression) + ": every row is rewritten under an exclusive lock" : null),
        Row("reindex-blocking", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.ReindexConcurrently,
            (op, ctx) => op.Kind == MigrationOperationKind.Reindex && !op.Concurrently && ctx.IsPostgreSqlLike
                ? "reindexes " + op.Object + " without CONCURRENTLY: blocks writes (and reads through the index) until done" + Assumed(ctx) : null),
        Row("table-maintenance", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.Maintenance,
            (op, ctx) => op.Kind == MigrationOperationKind.Maintenance
                ? "runs " + (op.Text ?? "table maintenance") + ": rewrites the table under an ACCESS EXCLUSIVE lock" : null),
        Row("mysql-copy", RuleIds.LockingMigration, MigrationRiskCategory.Locking, MigrationRecipes.MySqlOnline,
            (op, ctx) => op.CopiesTable
                ? "asks MySQL to copy " + op.Object + " (ALGORITHM=COPY / LOCK=SHARED|EXCLUSIVE): writes are blocked for the whole copy" : null),

        // --- unbounded data rewrite (HF2008) ---
        Row("update-all-rows", RuleIds.UnboundedMigrationDataChange, MigrationRiskCategory.DataRewrite, MigrationRecipes.BatchedDataChange,
            (op, ctx) => op.Kind == MigrationOperationKind.UpdateData && op.HasWhere == false && !ctx.CreatedInThisMigration(op.Table)
                ? "updates every row of " + op.Object + " (no WHERE): one long transaction that locks every row, and the old values are gone" : null),
        Row("delete-all-rows", RuleIds.UnboundedMigrationDataChange, MigrationRiskCategory.DataRewrite, MigrationRecipes.BatchedDataChange,
            (op, ctx) => op.Kind == MigrationOperationKind.DeleteData && op.HasWhere == false && !ctx.CreatedInThisMigration(op.Table)
                ? "deletes every row of " + op.Object + " (no WHERE)" : null),
    };

    /// <summary>Every risk of <paramref name="operation"/> (an up step) in <paramref name="context"/>; empty when none.</summary>
    public static IReadOnlyList<MigrationRisk> Assess(MigrationOperation operation, MigrationRiskContext context)
    {
        if (operation == null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        if (context == null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var risks = new List<MigrationRisk>();
        foreach (var row in Rows)
        {
            var reason = row.Match(operation, context);
            if (reason != null)
            {
                risks.Add(new MigrationRisk(row.Id, row.RuleId, row.Category, reason, row.Recipe));
            }
        }

        return risks;
    }

    /// <summary>Assesses the up operations of one migration in order, each with what the earlier ones created.</summary>
    public static IReadOnlyList<IReadOnlyList<MigrationRisk>> AssessAll(
        IReadOnlyList<MigrationOperation> operations, MigrationDatabase database, Func<string, IReadOnlyCollection<string>?>? previousColumns = null,
        NotNullChecks? checksBefore = null, Func<string, bool>? createdByHotfix = null)
    {
        var context = new MigrationRiskContext(database, previousColumns, operations, checksBefore, createdByHotfix);
        var result = new List<IReadOnlyList<MigrationRisk>>(operations.Count);
        foreach (var operation in operations)
        {
            result.Add(Assess(operation, context));
            context.Observe(operation);
        }

        return result;
    }

    /// <summary>True when the default expression is re-evaluated per row (PostgreSQL rewrites the table for it).</summary>
    public static bool IsVolatile(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        var lower = expression!.ToLowerInvariant().Replace(" ", string.Empty);
        foreach (var function in VolatileFunctions)
        {
            if (lower.IndexOf(function, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An alteration that makes a column allow NULL (or not): one that says so, unless the column already was — and one
    /// that restates the whole definition only against what the column is known to have been.
    /// </summary>
    private static bool MakesNullable(MigrationOperation op, bool allowsNull) =>
        op.Kind == MigrationOperationKind.AlterColumn && op.NewNullable == allowsNull &&
        (op.RestatesDefinition ? op.OldNullable == !allowsNull : op.OldNullable != allowsNull);

    private static bool IsTypeChange(MigrationOperation op) =>
        op.Kind == MigrationOperationKind.AlterColumn && !string.IsNullOrWhiteSpace(op.NewType)
        && !string.Equals(op.NewType, op.OldType, StringComparison.OrdinalIgnoreCase);

    private static string Assumed(MigrationRiskContext ctx) =>
        ctx.Database == MigrationDatabase.Unknown ? " (PostgreSQL assumed: the database was not detected)" : string.Empty;

    private static MigrationRiskRow Row(string id, string ruleId, MigrationRiskCategory category, MigrationRecipe recipe, Func<MigrationOperation, MigrationRiskContext, string?> match) =>
        new MigrationRiskRow(id, ruleId, category, recipe, match);
}

/// <summary>One row of <see cref="MigrationRiskTable"/>: returns the reason when the operation matches, else null.</summary>
internal sealed class MigrationRiskRow
{
    private readonly Func<MigrationOperation, MigrationRiskContext, string?> match;

    public MigrationRiskRow(string id, string ruleId, MigrationRiskCategory category, MigrationRecipe recipe, Func<MigrationOperation, MigrationRiskContext, string?> match)
    {
        Id = id;
        RuleId = ruleId;
        Category = category;
        Recipe = recipe;
        this.match = match;
    }

    public string Id { get; }

    public string RuleId { get; }

    public MigrationRiskCategory Category { get; }

    public MigrationRecipe Recipe { get; }

    public string? Match(MigrationOperation operation, MigrationRiskContext context) => match(operation, context);
}
