using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Tests.Readers;

/// <summary>Each framework's facts come from its format, so no framework can fall through to another's name.</summary>
public class FrameworkFactsTests
{
    [Fact]
    public void Every_framework_is_read_by_exactly_one_format()
    {
        foreach (var framework in Enum.GetValues<MigrationFramework>())
        {
            Assert.Single(MigrationScanner.Formats, f => f.Framework == framework);
        }
    }

    [Fact]
    public void Report_ids_and_names_are_unique_and_say_which_framework()
    {
        var facts = Enum.GetValues<MigrationFramework>().Select(f => f.Facts()).ToList();
        Assert.Equal(facts.Count, facts.Select(f => f.Id).Distinct().Count());
        Assert.Equal(facts.Count, facts.Select(f => f.DisplayName).Distinct().Count());
        Assert.Equal("sqitch", MigrationFramework.Sqitch.Id());
        Assert.Equal("Prisma Migrate", MigrationFramework.Prisma.DisplayName());
    }

    [Fact]
    public void Frameworks_without_downs_say_how_to_undo_instead()
    {
        Assert.All(
            Enum.GetValues<MigrationFramework>().Where(f => f.Downs() != DownSupport.Expected),
            f => Assert.NotEqual("no down migration", f.NoDownAdvice()));
    }
}
