using System.CommandLine;
using System.CommandLine.Invocation;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The <c>--version</c> action: prints what System.CommandLine's own action prints (the entry assembly's informational
/// version, one line), from the build's constant instead of reading the attribute back through reflection.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    // As the built-in action: --version wins over errors elsewhere on the line (its own validator still refuses company).
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(ToolIdentity.Current.Version);
        return 0;
    }

    /// <summary>Gives the root command's version option this action.</summary>
    public static void Apply(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }
    }
}
