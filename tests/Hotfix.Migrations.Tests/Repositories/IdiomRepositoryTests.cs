using Hotfix.Migrations.Checks;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Rules;
using static Hotfix.Migrations.Tests.Repositories.MigrationRepository;

namespace Hotfix.Migrations.Tests.Repositories;

/// <summary>
/// The idioms of issue 13 on real repositories, through the LibGit2Sharp adapter: the earlier migrations the history
/// needs are files git lists at the head but the hotfix never touched, and generated files are real diffs.
/// </summary>
public class IdiomRepositoryTests
{
    private const string Config = "export default { dialect: \"sqlite\", schema: \"./src/schema.ts\", out: \"./drizzle\" };\n";

    private const string Accounts =
        "CREATE TABLE `accounts` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`handle` text NOT NULL,\n\t`email` text\n);\n";

    private static string Rebuild(params string[] carried) =>
        "CREATE TABLE `__new_accounts` (" + string.Join(", ", carried.Select(c => $"`{c}` text")) + ");\n--> statement-breakpoint\n" +
        $"INSERT INTO `__new_accounts`({string.Join(", ", carried.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", carried.Select(c => $"\"{c}\""))} FROM `accounts`;--> statement-breakpoint\n" +
        "DROP TABLE `accounts`;--> statement-breakpoint\nALTER TABLE `__new_accounts` RENAME TO `accounts`;\n";

    private static string Snapshot(int lines) =>
        "{\n" + string.Concat(Enumerable.Range(1, lines).Select(i => $"  \"k{i}\": {i},\n")) + "  \"end\": 0\n}\n";

    [Fact]
    public void A_drizzle_rebuild_is_judged_against_the_migration_on_main_that_created_the_table()
    {
        using var repo = Create(("drizzle.config.ts", Config), ("drizzle/0000_init.sql", Accounts));
        repo.Commit("Tidy email", ("drizzle/0001_tidy_email.sql", Rebuild("id", "handle", "email")));
        Assert.DoesNotContain(Check(repo).Findings, f => f.RuleId == RuleIds.DestructiveMigration);

        repo.Commit("Lose email", ("drizzle/0001_tidy_email.sql", Rebuild("id", "handle")));
        var finding = Assert.Single(Check(repo).Findings, f => f.RuleId == RuleIds.DestructiveMigration);
        Assert.Contains("without column email", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drizzle_snapshot_and_journal_beside_the_migration_never_count_toward_the_size_budget()
    {
        using var repo = Create(("drizzle.config.ts", Config), ("drizzle/0000_init.sql", Accounts));
        repo.Commit(
            "Add note",
            ("drizzle/0001_note.sql", "ALTER TABLE `accounts` ADD `note` text;\n"),
            ("drizzle/meta/0001_snapshot.json", Snapshot(2500)),
            ("drizzle/meta/_journal.json", Snapshot(40)));
        var report = Check(repo, options: new CheckOptions { Severity = IncidentSeverity.Sev1 }, modules: [.. CheckModules.Core, new MigrationsModule()]);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.ChangeTooLarge);
        var files = report.Section<ScopeSection>()!.Analysis.Files;
        Assert.Equal("scope.generated '**/meta/*_snapshot.json'", Assert.Single(files, f => f.Path == "drizzle/meta/0001_snapshot.json").RoleReason);
        Assert.Equal(FileRole.Reviewed, Assert.Single(files, f => f.Path == "drizzle/0001_note.sql").Role);
    }
}
