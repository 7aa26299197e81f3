using System.Globalization;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// How wide text output may be: <c>COLUMNS</c> when set (as shells and <c>ls</c> honour it), else the terminal's width
/// when standard output is one, else 100 — a log or a pipe has no width, and 100 columns read well in CI logs and
/// pasted into tickets. Tables wrap their cells to it instead of padding rows to the longest note.
/// </summary>
internal static class OutputWidth
{
    public const int Default = 100;

    /// <summary>Narrower than this, wrapping would leave no room for text; the value is taken as this instead.</summary>
    public const int Minimum = 40;

    public static int Of(CliEnvironment environment)
    {
        if (environment.GetVariable("COLUMNS") is { } columns
            && int.TryParse(columns.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var fromVariable) && fromVariable > 0)
        {
            return Math.Max(fromVariable, Minimum);
        }

        return environment.OutputIsTerminal && environment.WindowWidth() is > 0 and var width ? Math.Max(width, Minimum) : Default;
    }

    /// <summary>The console's width; null when there is no console to ask (redirected, no terminal, a platform without one).</summary>
    public static int? ConsoleWindowWidth()
    {
        try
        {
            return Console.IsOutputRedirected ? null : Console.WindowWidth;
        }
        catch (IOException)
        {
            return null;
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
