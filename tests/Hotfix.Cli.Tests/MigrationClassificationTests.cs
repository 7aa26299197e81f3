using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// A migration the path globs cannot see (a Liquibase XML changelog under a Spring Boot resources folder) still makes
/// the change a database change — through the migrations module — so the test plan requires migration-up-down.
/// </summary>
public class MigrationClassificationTests
{
    private const string Changelog = """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog
            xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
            <changeSet id="note-1" author="sandro">
                <addColumn tableName="orders">
                    <column name="note" type="varchar(200)"/>
                </addColumn>
            </changeSet>
        </databaseChangeLog>
        """;

    [Fact]
    public void A_liquibase_changelog_outside_the_usual_folders_requires_the_migration_up_down_test()
    {
        using var repo = TestRepository.Create();
        repo.Commit("Service", ("src/main/java/shop/Orders.java", "class Orders {}\n"));
        repo.Switch("hotfix/INC-2026-0042-order-note", create: true);
        repo.Commit("Add order note", ("src/main/resources/db/changelog/changes/002-order-note.xml", Changelog));

        var result = CliRun.Run(repo.Path, "check", "--format", "json");
        var root = JsonDocument.Parse(result.Out).RootElement;

        Assert.Contains("database", root.GetProperty("classification").EnumerateArray().Select(k => k.GetString()));
        var upDown = root.GetProperty("requiredTests").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "migration-up-down");
        Assert.Contains("Liquibase", upDown.GetProperty("reason").GetString());
        Assert.Contains("002-order-note.xml", upDown.GetProperty("reason").GetString());
        Assert.Equal("liquibase", root.GetProperty("migrations")[0].GetProperty("framework").GetString());
    }

    [Fact]
    public void Without_a_migration_there_is_no_database_signal_from_the_migrations_module()
    {
        using var repo = TestRepository.Create();
        repo.Commit("Service", ("src/main/java/shop/Orders.java", "class Orders {}\n"));
        repo.Switch("hotfix/INC-2026-0042-order-note", create: true);
        repo.Commit("Fix", ("src/main/java/shop/Orders.java", "class Orders { int x; }\n"));

        var root = JsonDocument.Parse(CliRun.Run(repo.Path, "check", "--format", "json").Out).RootElement;
        Assert.DoesNotContain("database", root.GetProperty("classification").EnumerateArray().Select(k => k.GetString()));
        Assert.DoesNotContain(root.GetProperty("requiredTests").EnumerateArray(), t => t.GetProperty("id").GetString() == "migration-up-down");
    }
}
