using System.Diagnostics.CodeAnalysis;
using Hotfix.Migrations;
using Hotfix.Migrations.Checks;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Tests.Readers;

public class MigrationFactTests
{
    /// <summary>A change-set port that cannot read the change set, as in a shallow CI clone.</summary>
    private sealed class ShallowClone : IChangeSetReader
    {
        public bool TryReadChangeSet(string baseBranch, string remote, string headCommit, [NotNullWhen(true)] out ChangeSet? changeSet, [NotNullWhen(false)] out string? unavailableReason)
        {
            changeSet = null;
            unavailableReason = "the clone is shallow (fetch with fetch-depth: 0)";
            return false;
        }

        public FileContent? ReadFile(string commit, string path) => null;

        public IReadOnlyList<string> ListFiles(string commit) => [];
    }

    private static CheckReport Run(PortSet ports) =>
        CheckRunner.Run(new CheckContext(HotfixPolicy.Runbook, new CheckSubject("hotfix/INC-2026-0042-x", new string('a', 40)), new CheckOptions(), ports), [new MigrationsModule()], new ToolInfo("hotfix", "test"));

    [Fact]
    public void An_unreadable_change_set_is_reported_not_taken_for_no_migrations()
    {
        var finding = Assert.Single(Run(new PortSet().Add<IChangeSetReader>(new ShallowClone())).Findings);
        Assert.Equal(RuleIds.MigrationPresent, finding.RuleId);
        Assert.Contains("the clone is shallow", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_without_the_change_set_port_gets_no_migration_findings()
    {
        var report = Run(new PortSet());
        Assert.Empty(report.Findings);
        Assert.Empty(report.Sections);
    }

    [Fact]
    public void A_change_set_read_elsewhere_is_scanned_without_a_repository()
    {
        var changes = new ChangeSet("main", "base", "head",
        [
            new FileChange(FileChangeKind.Added, "db/migrations/000001_a.up.sql", null, EntryMode.Missing, EntryMode.File, null, "x", () => null, () => FileContent.FromText("DROP TABLE a;\n")),
        ]);
        var fact = MigrationFact.From(changes, reader: null);
        var migration = Assert.Single(fact.Migrations);
        Assert.Equal(DownStatus.Missing, migration.Down.Status);
        Assert.Equal("drop-table", Assert.Single(Assert.Single(migration.Risks)).RowId);
    }
}
