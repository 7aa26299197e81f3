using Hotfix.Policy.Reporting;

namespace Hotfix.Cli.Infrastructure;

internal static class ToolIdentity
{
    // The build writes the version as a constant (Hotfix.Cli.csproj): reading AssemblyInformationalVersionAttribute back
    // costs the native binary its reflection start-up on every run that reports or prints the version.
    public static ToolInfo Current { get; } = new("hotfix", BuildVersion.InformationalVersion);
}
