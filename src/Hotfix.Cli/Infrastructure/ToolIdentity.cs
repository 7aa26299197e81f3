using System.Reflection;
using Hotfix.Policy.Reporting;

namespace Hotfix.Cli.Infrastructure;

internal static class ToolIdentity
{
    public static ToolInfo Current { get; } = new(
        "hotfix",
        typeof(ToolIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");
}
