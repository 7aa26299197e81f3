using Hotfix.Migrations;
using Hotfix.Migrations.Detection;
using Hotfix.Migrations.Sql;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Checks;

/// <summary>
/// HF2010 — a new migration holds a PostgreSQL statement that cannot run inside a transaction block (CREATE INDEX
/// CONCURRENTLY, VACUUM…), and its framework runs it inside one: the deploy fails at that migration. Judged against
/// each framework's real boundary (<see cref="MigrationTransactions"/>) and the opt-out the migration writes.
/// </summary>
internal sealed class StatementOutsideTransactionRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.StatementCannotRunInTransaction);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var migration in MigrationFact.Of(context).Migrations)
        {
            if (migration.ExistedOnMain || migration.Change == FileChangeKind.Deleted || migration.Transaction.Model is not { } model)
            {
                continue;
            }

            var findings = new MigrationFindings(Rule, migration);
            var downApart = migration.Down.Path is { } downPath && downPath != migration.Path;
            var reported = new HashSet<(string, int?)>();
            foreach (var direction in downApart && migration.Down.Operations.Count > 0 ? [MigrationDirection.Up, MigrationDirection.Down] : new[] { MigrationDirection.Up })
            {
                var inOtherFile = direction == MigrationDirection.Down;
                var path = inOtherFile ? migration.Down.Path! : migration.Path;
                var statements = migration.Database is MigrationDatabase.PostgreSql or MigrationDatabase.Unknown ? migration.Transaction.RefusedAsMixed(direction, inOtherFile) : [];
                var transactional = statements.FirstOrDefault(s => !s.NonTransactional).Statement;
                foreach (var (statement, _) in statements.Where(s => s.NonTransactional))
                {
                    if (reported.Add((path, statement.Line)))
                    {
                        findings.Add(MixedMessage(migration, statement, transactional!, direction), path, statement.Line);
                    }
                }
            }

            foreach (var (operation, direction) in migration.Up.Select(o => (o, MigrationDirection.Up)).Concat(migration.Down.Operations.Select(o => (o, MigrationDirection.Down))))
            {
                var inOtherFile = direction == MigrationDirection.Down && downApart;
                var path = inOtherFile ? migration.Down.Path! : migration.Path;
                if (NonTransactionalStatement.Of(operation, migration.Database) is not { } statement
                    || !migration.Transaction.Wraps(operation, direction, inOtherFile)
                    || !reported.Add((path, operation.Line)))
                {
                    continue;
                }

                findings.Add(Message(migration, model, operation, statement, direction), path, operation.Line);
            }

            var judged = migration.Database is MigrationDatabase.PostgreSql or MigrationDatabase.Unknown;
            foreach (var (add, use, label) in judged ? NewEnumLabelUse.In(migration.Up, migration.Database) : [])
            {
                if (migration.Transaction.SharesTransaction(add, use) && reported.Add((migration.Path, use.Line)))
                {
                    findings.Add(EnumLabelMessage(migration, model, add, use, label), migration.Path, use.Line);
                }
            }

            foreach (var finding in findings.Build())
            {
                yield return finding;
            }
        }
    }

    private static string EnumLabelMessage(DetectedMigration migration, TransactionModel model, MigrationOperation add, MigrationOperation use, string label)
    {
        var name = migration.Framework.DisplayName();
        var where = migration.Id is null ? string.Empty : $" (changeset {migration.Id})";
        var database = migration.Database == MigrationDatabase.Unknown ? " (the database was not detected; PostgreSQL is assumed)" : string.Empty;
        return $"The {name} migration{where} adds the enum label '{label}' (`{add.Text}`, line {add.Line}) and uses it in `{use.Text}` inside {model.Transaction}: " +
            $"PostgreSQL does not let a transaction use an enum label it added before it commits (\"unsafe use of new value\"; before version 12 it refuses the " +
            $"ADD VALUE itself in a transaction block), so the deploy fails at this migration{database}. Move the ALTER TYPE … ADD VALUE to a migration of " +
            "its own that runs before this one, so that it commits first" +
            (model.Boundary == TransactionBoundary.Wrapped && model.OptOuts.Count > 0 ? $" (or, when nothing else in this one needs the transaction, add {model.Advice})." : ".");
    }

    private static string MixedMessage(DetectedMigration migration, SqlStatement statement, SqlStatement transactional, MigrationDirection direction)
    {
        var when = direction == MigrationDirection.Up ? "the deploy fails at this migration" : "undoing it fails";
        var database = migration.Database == MigrationDatabase.Unknown ? " (the database was not detected; PostgreSQL is assumed)" : string.Empty;
        var conf = RepoPath.FileName(direction == MigrationDirection.Up ? migration.Path : migration.Down.Path!) + ".conf";
        return $"The Flyway migration runs `{SqlStatementRecognizer.OneLine(statement.Text)}`, which Flyway runs only outside a transaction, together with statements " +
            $"that it runs in one (`{SqlStatementRecognizer.OneLine(transactional.Text)}`, line {transactional.Line}): Flyway refuses such a migration before it runs it " +
            $"(\"Detected both transactional and non-transactional statements within the same migration (even though mixed is false)\"), so {when}{database}. " +
            $"Move the statement to a migration of its own (one that holds only such statements runs outside a transaction with no setting), or add " +
            $"`executeInTransaction=false` in a `{conf}` beside it, which runs every statement of it without a transaction — keep nothing in it that relies on one.";
    }

    private static string Message(DetectedMigration migration, TransactionModel model, MigrationOperation operation, string statement, MigrationDirection direction)
    {
        var name = migration.Framework.DisplayName();
        var where = migration.Id is null ? string.Empty : $" (changeset {migration.Id})";
        var when = direction == MigrationDirection.Up ? "the deploy fails at this migration" : "migrating down fails";
        var database = migration.Database == MigrationDatabase.Unknown ? " (the database was not detected; PostgreSQL is assumed)" : string.Empty;
        var fix = model.Boundary == TransactionBoundary.OneQueryPerFile ? $"Move it to {model.Advice}"
            : model.Boundary == TransactionBoundary.InScriptBlock ? $"Move it {model.Advice}"
            : model.OptOuts.Count == 0 ? $"{name} has no way to take one migration out of it: {model.Advice}"
            : $"Add {model.Advice}, and keep nothing else in that migration that needs the transaction: one concurrent statement per non-transactional migration is the safe form, so a failure leaves nothing half-applied";
        return $"The {name} migration{where} runs `{operation.Text ?? statement}` inside {model.Transaction}; PostgreSQL refuses {statement} in a transaction block " +
            $"(\"{statement} cannot run inside a transaction block\"), so {when}{database}. {fix}.";
    }
}
