using Hotfix.Migrations.Detection;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Decisions;
using Hotfix.Policy.Ports;

namespace Hotfix.Migrations.Rollback;

/// <summary>
/// The runbook's "rollback database migration" for the hotfix's migrations — the same migrations HF2001–HF2008 judge,
/// from the change set — newest first: what the framework's rollback would drop, and the forward migration the runbook
/// prefers. Never touches a database.
/// </summary>
internal sealed class MigrationRollbackPlanner : IMigrationRollbackPlanner
{
    public static readonly IReadOnlyList<string> RunbookLines =
    [
        "TOOL: rollback database migration — RUN: npx drizzle-kit drop (CAUTION: verify what will be dropped)",
        "NOTE: prefer forward migration that undoes the change over destructive rollback",
        "IF: rollback would cause data loss THEN: forward-fix (never lose data)",
        "IF: rollback would break data migrations already applied THEN: forward-fix with migration fix",
    ];

    public MigrationRollbackPlan Plan(CheckContext context)
    {
        var fact = MigrationFact.Of(context);
        var newestFirst = fact.Migrations
            .OrderByDescending(m => m.Path, StringComparer.Ordinal)
            .ThenByDescending(m => m.Line)
            .ToList();
        var numbers = NextMigrationNumbers.Assign(newestFirst, (context.Time ?? TimeProvider.System).GetUtcNow());
        var migrations = newestFirst.Select((m, i) => Entry(m, numbers[i])).ToList();
        return new MigrationRollbackPlan(context.Subject.BranchName, migrations, RunbookLines, fact.UnavailableReason);
    }

    /// <summary>The plan for one migration; <paramref name="next"/> numbers its forward migration (computed alone when null).</summary>
    internal static MigrationRollbackEntry Entry(DetectedMigration migration, MigrationName? next = null)
    {
        next ??= NextMigrationNumbers.Assign([migration], TimeProvider.System.GetUtcNow())[0];
        var forwardSteps = ForwardSteps.Undo(migration.Up, migration.Database, migration.Down.Operations, DefaultIndexNames.Of(migration.Framework));
        return new MigrationRollbackEntry(
            migration.Framework.Id(),
            migration.DisplayName,
            migration.Change.ToString().ToLowerInvariant(),
            Rollback(migration, forwardSteps),
            ForwardMigrationFormats.Forward(migration, forwardSteps, next));
    }

    /// <summary>The framework's rollback; where its command names the migration before this one, the summary says where that name came from.</summary>
    private static MigrationRollbackAction Rollback(DetectedMigration migration, IReadOnlyList<MigrationPlanStep> forwardSteps)
    {
        var previous = PreviousMigrations.Of(migration);
        var action = Rollback(migration, forwardSteps, ForwardMigrationFormats.RollbackCommand(migration.Framework, migration.Path, previous?.Value));
        return previous is null ? action : action with { Summary = $"{action.Summary} {previous.Note}" };
    }

    private static MigrationRollbackAction Rollback(DetectedMigration migration, IReadOnlyList<MigrationPlanStep> forwardSteps, string command)
    {
        var down = migration.Down;
        switch (down.Status)
        {
            case DownStatus.NotSupported when migration.Framework == MigrationFramework.DrizzleKit:
                return new(command, DrizzleDropRemoves(migration.Path),
                    "drizzle-kit drop deletes the migration's file and its journal entry from the repository — nothing else. It runs no SQL: "
                    + "a database that already ran the migration keeps every change it made (and its row in __drizzle_migrations), and the "
                    + "next deploy no longer knows the migration exists. To undo the change in a database, apply the forward migration.",
                    []);
            case DownStatus.NotSupported or DownStatus.Repeatable:
                return new(command, [],
                    $"{migration.Framework.DisplayName()} has no down for it: removing the file undoes nothing in a database that already ran it; the forward migration is the way back.",
                    []);
            case DownStatus.Missing or DownStatus.Empty or DownStatus.Irreversible:
                return new(command, [],
                    $"its down is {down.Status.Name()} ({down.Detail}): the rollback fails or leaves the database as it is; the forward migration is the way back.",
                    []);
        }

        // A down that runs: its steps are what it drops. A derived down (Rails change, Django) undoes the up step by step.
        var steps = down.Operations.Count > 0
            ? down.Operations.Select(op => new MigrationPlanStep(op.ToString(), op.Text, ForwardSteps.LossOf(op))).ToList()
            : forwardSteps.ToList();
        var loses = steps.Where(s => s.DataLoss is not null).ToList();
        var summary = $"runs the down ({down.Status.Name()}{(down.Path is null || down.Path == migration.Path ? string.Empty : ", " + down.Path)}) against the database: "
            + (loses.Count == 0 ? "no step loses data." : $"{loses.Count} step(s) lose data — \"never lose data\": prefer the forward migration and keep what you can.");
        return new(command, [], summary, steps);
    }

    /// <summary>What <c>drizzle-kit drop</c> removes for a migration: the SQL file, its journal entry and its snapshot.</summary>
    private static IReadOnlyList<string> DrizzleDropRemoves(string path)
    {
        var directory = RepoPath.Directory(path);
        var file = RepoPath.FileName(path);
        if (file == "migration.sql")
        {
            // drizzle-kit v1 layout: one folder per migration with its snapshot.json.
            return [$"the folder {directory}/ (migration.sql and snapshot.json)"];
        }

        var tag = file.EndsWith(".sql", StringComparison.Ordinal) ? file[..^4] : file;
        var index = new string(tag.TakeWhile(char.IsAsciiDigit).ToArray());
        return
        [
            $"the file {path}",
            $"the entry \"tag\": \"{tag}\" of {RepoPath.Combine(directory, "meta/_journal.json")}",
            $"the snapshot {RepoPath.Combine(directory, $"meta/{index}_snapshot.json")}",
        ];
    }
}
