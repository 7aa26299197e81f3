using Hotfix.Migrations;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Checks;

/// <summary>HF2001 — "IF: database change THEN: test migration up AND down, verify data integrity".</summary>
internal sealed class MigrationPresentRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.MigrationPresent);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var fact = MigrationFact.Of(context);
        if (fact.HostHasNoChangeSets)
        {
            yield break;
        }

        if (fact.UnavailableReason is { } reason)
        {
            yield return Rule.CreateFinding($"Migrations could not be looked for: {reason}. Check by hand whether the hotfix changes the database; if it does, the {Tests(context)} test is required.");
            yield break;
        }

        var tests = Tests(context);
        foreach (var migration in fact.Migrations)
        {
            var verb = migration.Change switch
            {
                FileChangeKind.Added => "adds",
                FileChangeKind.Deleted => "deletes",
                FileChangeKind.Renamed => "renames",
                _ => "edits",
            };
            var down = migration.Down.Status == DownStatus.NotSupported
                ? "apply it, then apply the forward migration that would undo it"
                : "migrate up, down and up again";
            var findings = new MigrationFindings(Rule, migration);
            findings.Add(
                $"The hotfix {verb} the {migration.Framework.DisplayName()} migration {migration.DisplayName} ({Summary(migration)}): a database change. " +
                $"Required test: {tests} — on a copy of production data, {down}, and verify data integrity.",
                migration.Path,
                migration.Line);
            foreach (var finding in findings.Build())
            {
                yield return finding;
            }
        }

        foreach (var schema in fact.SchemaChangesWithoutMigration)
        {
            yield return Rule.CreateFinding(
                $"The {schema.What} changed, but the hotfix has no {schema.Framework.DisplayName()} migration: the model and the database will disagree. " +
                $"Generate the migration (or revert the schema change); either way it is a database change and needs the {tests} test.",
                schema.Path);
        }
    }

    private static string Tests(CheckContext context) =>
        context.Policy.Tests.Conditional.TryGetValue("database", out var tests) && tests.Count > 0 ? string.Join(", ", tests) : "migration-up-down";

    private static string Summary(DetectedMigration migration)
    {
        if (migration.Up.Count == 0)
        {
            return "no operations";
        }

        var kinds = migration.Up.GroupBy(o => MigrationNames.Of(o.Kind)).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()}× {g.Key}");
        return string.Join(", ", kinds);
    }
}
