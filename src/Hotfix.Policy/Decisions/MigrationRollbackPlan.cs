namespace Hotfix.Policy.Decisions;

/// <summary>
/// ROLLBACK_PROCEDURE "TOOL: rollback database migration — RUN: npx drizzle-kit drop (CAUTION: verify what will be
/// dropped)" and "NOTE: prefer forward migration that undoes the change over destructive rollback", for the hotfix's
/// migrations: what the framework's rollback would drop, and the forward migration that undoes the change instead.
/// Read-only: nothing here touches a database or a file.
/// </summary>
/// <param name="Branch">The hotfix branch whose migrations were planned.</param>
/// <param name="Migrations">The hotfix's migrations, newest first (the order a rollback undoes them).</param>
/// <param name="RunbookLines">The runbook lines the plan follows, verbatim.</param>
/// <param name="UnavailableReason">Why the migrations could not be read (no change set), else null.</param>
public sealed record MigrationRollbackPlan(
    string Branch,
    IReadOnlyList<MigrationRollbackEntry> Migrations,
    IReadOnlyList<string> RunbookLines,
    string? UnavailableReason);

/// <summary>One migration of the hotfix: its rollback and its forward migration.</summary>
/// <param name="Framework">The framework id (e.g. <c>drizzle-kit</c>, <c>rails</c>).</param>
/// <param name="Path">The migration's file (with <c>#id</c> for a Liquibase changeset).</param>
/// <param name="Change">How the hotfix changed it: added, modified, renamed, deleted.</param>
/// <param name="Rollback">What the framework's own rollback does.</param>
/// <param name="Forward">The forward migration that undoes the change (what the runbook prefers).</param>
public sealed record MigrationRollbackEntry(string Framework, string Path, string Change, MigrationRollbackAction Rollback, ForwardMigration Forward);

/// <summary>The framework's rollback of one migration.</summary>
/// <param name="Command">The command that rolls it back (e.g. <c>npx drizzle-kit drop</c>, <c>bin/rails db:rollback</c>).</param>
/// <param name="Removes">Files and entries the rollback removes from the repository (drizzle-kit drop), else empty.</param>
/// <param name="Summary">What it does and does not do to a database that already ran the migration.</param>
/// <param name="Steps">The steps it runs against the database (a down's operations), each with the data it loses.</param>
public sealed record MigrationRollbackAction(string Command, IReadOnlyList<string> Removes, string Summary, IReadOnlyList<MigrationPlanStep> Steps);

/// <summary>A new migration that undoes the hotfix's migration going forward, in the framework's own format.</summary>
/// <param name="SuggestedPath">Where the new migration goes (name it as your framework's generator would).</param>
/// <param name="HowToCreate">How to create it with the framework's tooling.</param>
/// <param name="Content">The migration's text.</param>
/// <param name="Steps">Its steps, each with the data it would lose.</param>
public sealed record ForwardMigration(string SuggestedPath, string HowToCreate, string Content, IReadOnlyList<MigrationPlanStep> Steps);

/// <summary>One step of a rollback or forward migration.</summary>
/// <param name="What">The step in words (e.g. <c>drop column orders.discount</c>).</param>
/// <param name="Sql">The SQL of the step; null when it cannot be written from the migration (then <paramref name="What"/> says why).</param>
/// <param name="DataLoss">The data the step would lose, in words; null when it loses none.</param>
public sealed record MigrationPlanStep(string What, string? Sql, string? DataLoss);
