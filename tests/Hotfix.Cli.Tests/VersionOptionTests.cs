using System.Reflection;
using Hotfix.Cli.Infrastructure;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// <c>--version</c> prints the build's version constant instead of reading the assembly attribute back (start-up cost in
/// the native binary): the answer must stay the attribute's, and the option must keep refusing company.
/// </summary>
public class VersionOptionTests
{
    private static string AttributeVersion =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    [Fact]
    public void The_build_constant_is_the_informational_version_attribute()
    {
        Assert.Equal(BuildVersion.InformationalVersion, AttributeVersion);
        Assert.Equal(AttributeVersion, ToolIdentity.Current.Version);
    }

    [Fact]
    public void Version_prints_the_attribute_version_and_one_line_break()
    {
        var result = CliRun.Run("/", "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AttributeVersion + Environment.NewLine, result.Out);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Version_with_another_argument_is_still_a_parse_error()
    {
        var result = CliRun.Run("/", "--version", "check");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("--version option cannot be combined with other arguments", result.Error);
    }

    [NativeBinaryFact]
    public void The_native_binary_prints_the_attribute_version()
    {
        var result = NativeBinary.Run("/", "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AttributeVersion + "\n", result.StandardOutput);
    }
}
