using System.CommandLine;
using System.Globalization;
using System.Resources;
using Hotfix.Cli.Infrastructure;

namespace Hotfix.Cli.Tests;

/// <summary>
/// System.CommandLine's resources are loaded only when a string other than the two option descriptions is needed: the
/// strings answered without loading them must be the library's own, and everything else must come from the library.
/// </summary>
public class DeferredCommandLineResourcesTests
{
    private static ResourceManager Library { get; } =
        new("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly);

    [Fact]
    public void The_strings_answered_without_loading_are_the_library_neutral_resources()
    {
        Assert.NotEmpty(DeferredCommandLineResources.Neutral);
        foreach (var (name, text) in DeferredCommandLineResources.Neutral)
        {
            Assert.Equal(Library.GetString(name, CultureInfo.InvariantCulture), text);
        }
    }

    [Fact]
    public void Answering_the_option_descriptions_loads_nothing()
    {
        var resources = new DeferredCommandLineResources();
        Assert.Equal("Show help and usage information", resources.GetString("HelpOptionDescription", CultureInfo.InvariantCulture));
        Assert.Equal("Show version information", resources.GetString("VersionOptionDescription", CultureInfo.InvariantCulture));
        Assert.False(resources.LibraryLoaded);
    }

    [Theory]
    [InlineData("HelpUsageTitle", "")]
    [InlineData("UnrecognizedCommandOrArgument", "")]
    [InlineData("HelpOptionDescription", "de-DE")]
    [InlineData("VersionOptionDescription", "fr-FR")]
    public void Other_strings_and_other_cultures_come_from_the_library(string name, string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName, predefinedOnly: false);
        var resources = new DeferredCommandLineResources();
        var text = resources.GetString(name, culture);
        Assert.True(resources.LibraryLoaded);
        Assert.NotNull(text);
        Assert.Equal(Library.GetString(name, culture), text);
    }

    [Fact]
    public void The_cli_puts_it_in_place_before_the_library_creates_its_own()
    {
        var result = CliRun.Run("/", "--version");
        Assert.Equal(0, result.ExitCode);
        // Found the library's field: a System.CommandLine update that renames it fails here rather than slowing down unseen.
        Assert.NotNull(DeferredCommandLineResources.Installed);
    }
}
