using System.Collections.Generic;
using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Rules;

static partial class RuleIds
{
    /// <summary>HF2001: the hotfix changes the database (a migration or a schema file): the migration-up-down test is required.</summary>
    public const string MigrationPresent = "HF2001";

    /// <summary>HF2002: a migration step destroys data (drop table/column/schema, truncate, lossy type change).</summary>
    public const string DestructiveMigration = "HF2002";

    /// <summary>HF2003: a migration has no down, an empty one, or one that cannot run.</summary>
    public const string IrreversibleMigration = "HF2003";

    /// <summary>HF2004: a migration step breaks the application version that is still running.</summary>
    public const string BackwardIncompatibleMigration = "HF2004";

    /// <summary>HF2005: a migration step locks or rewrites a table that production is using.</summary>
    public const string LockingMigration = "HF2005";

    /// <summary>HF2006: the hotfix edits, renames or deletes a migration that already exists on main.</summary>
    public const string EditedAppliedMigration = "HF2006";

    /// <summary>HF2007: the down migration does not undo what the up migration does.</summary>
    public const string DownDoesNotInvertUp = "HF2007";

    /// <summary>HF2008: a migration updates or deletes every row of a table (no WHERE).</summary>
    public const string UnboundedMigrationDataChange = "HF2008";

    /// <summary>HF2009: a bulk DELETE/UPDATE with no WHERE (ExecuteDelete/ExecuteUpdate or raw SQL) writes every row.</summary>
    public const string UnboundedBulkWrite = "HF2009";

    /// <summary>HF2010: a migration statement that PostgreSQL refuses inside a transaction runs inside its framework's transaction.</summary>
    public const string StatementCannotRunInTransaction = "HF2010";
}

static partial class RuleCatalogue
{
    private const string DataIntegrityCheck = "- [ ] Does it affect data integrity? (migrations, writes, deletes)";

    static partial void AddDataIntegrity(List<RuleDescriptor> rules)
    {
        rules.Add(new RuleDescriptor(
            RuleIds.MigrationPresent,
            "Database change requires the migration up and down test",
            RuleCategory.DataIntegrity,
            FindingSeverity.Warning,
            "The hotfix adds a migration or changes a schema file, so it is a database change: the runbook requires testing the " +
            "migration up AND down and verifying data integrity before it ships.",
            "IF: database change THEN: test migration up AND down, verify data integrity"));
        rules.Add(new RuleDescriptor(
            RuleIds.DestructiveMigration,
            "Destructive migration",
            RuleCategory.DataIntegrity,
            FindingSeverity.Error,
            "A migration step destroys data: it drops a table, column or schema, truncates, or changes a column type in a way " +
            "that can lose values. Rolling back the code does not bring the data back.",
            "IF: rollback would cause data loss THEN: forward-fix (never lose data)"));
        rules.Add(new RuleDescriptor(
            RuleIds.IrreversibleMigration,
            "Migration without a working down",
            RuleCategory.DataIntegrity,
            FindingSeverity.Warning,
            "The migration has no down, an empty one, or one that raises: the migration cannot be tested down as the runbook " +
            "requires, and undoing it means writing a forward migration under pressure.",
            "NOTE: prefer forward migration that undoes the change over destructive rollback"));
        rules.Add(new RuleDescriptor(
            RuleIds.BackwardIncompatibleMigration,
            "Backward-incompatible migration",
            RuleCategory.DataIntegrity,
            FindingSeverity.Warning,
            "A migration step breaks the version of the application that is still running while it deploys (and the one a " +
            "rollback returns to): a rename, a NOT NULL column without a default, or a dropped NOT NULL.",
            "IF: rollback would break data migrations already applied THEN: forward-fix with migration fix"));
        rules.Add(new RuleDescriptor(
            RuleIds.LockingMigration,
            "Locking migration",
            RuleCategory.DataIntegrity,
            FindingSeverity.Warning,
            "A migration step locks or rewrites a production table while it runs: an index built without CONCURRENTLY, a " +
            "constraint validated in place, a NOT NULL scan or a rewriting type change. Tables created by the same migration are exempt.",
            DataIntegrityCheck));
        rules.Add(new RuleDescriptor(
            RuleIds.EditedAppliedMigration,
            "Edited migration that is already on main",
            RuleCategory.DataIntegrity,
            FindingSeverity.Error,
            "The hotfix edits, renames or deletes a migration that already exists on main, so it has already run somewhere: " +
            "the databases that ran it never see the edit. Never edit an applied migration; add a new one.",
            "IF: rollback would break data migrations already applied THEN: forward-fix with migration fix"));
        rules.Add(new RuleDescriptor(
            RuleIds.DownDoesNotInvertUp,
            "Down migration does not invert up",
            RuleCategory.DataIntegrity,
            FindingSeverity.Warning,
            "The down migration does not undo the up migration: it leaves something up created, or it drops or changes " +
            "something up never touched. Testing up and down would not return the database to where it was.",
            "IF: database change THEN: test migration up AND down, verify data integrity"));
        rules.Add(new RuleDescriptor(
            RuleIds.UnboundedMigrationDataChange,
            "Unbounded data change in a migration",
            RuleCategory.DataIntegrity,
            FindingSeverity.Warning,
            "A migration updates or deletes every row of a table (no WHERE): one long transaction that locks the table, and " +
            "the old values are gone with no way back.",
            DataIntegrityCheck));
        rules.Add(new RuleDescriptor(
            RuleIds.UnboundedBulkWrite,
            "Unbounded bulk write",
            RuleCategory.DataIntegrity,
            FindingSeverity.Error,
            "ExecuteDelete/ExecuteUpdate on a query with no Where, or a raw DELETE/UPDATE/TRUNCATE statement without " +
            "WHERE passed to a SQL API, changes every row of the table.",
            DataIntegrityCheck));
        rules.Add(new RuleDescriptor(
            RuleIds.StatementCannotRunInTransaction,
            "Migration statement cannot run inside its transaction",
            RuleCategory.DataIntegrity,
            FindingSeverity.Error,
            "A migration runs a statement PostgreSQL refuses inside a transaction block (CREATE/DROP INDEX CONCURRENTLY, " +
            "REINDEX CONCURRENTLY, CREATE/DROP DATABASE, VACUUM, ALTER SYSTEM) while its framework wraps the migration in " +
            "one, and the migration does not opt out: the deploy fails at that migration, mid-incident.",
            DataIntegrityCheck));
    }
}
