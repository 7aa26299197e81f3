using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Durations as kubectl's <c>--timeout</c> takes them (<c>120s</c>, <c>2m</c>, <c>1m30s</c>), or plain seconds, between
/// zero and <see cref="Maximum"/>. The bound is checked on the number as written, before any <see cref="TimeSpan"/>
/// exists, so <c>99999999999999999999999s</c> is a message, not an overflow, and <c>999999h</c> is refused before a
/// timer that cannot hold it is armed after the first write.
/// </summary>
internal static partial class Durations
{
    /// <summary>A day: longer than any rollout the runbook waits for (120 s), short enough for every timer.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    public const string ExpectedForm = "a duration such as 120s, 2m or 1m30s (plain numbers are seconds), greater than zero and at most 24h";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        double seconds;
        if (PlainSeconds().IsMatch(text))
        {
            seconds = double.Parse(text, CultureInfo.InvariantCulture);
        }
        else if (!TryParseUnits(text, out seconds))
        {
            return false;
        }

        if (!(seconds > 0) || seconds > Maximum.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return duration > TimeSpan.Zero;
    }

    /// <summary>
    /// The seconds a duration with units spells (<c>90m</c>, <c>1h30m</c>, <c>500ms</c>); no bounds, so options that
    /// count in other units (decide's minutes) read the same forms as <c>--timeout</c>.
    /// </summary>
    public static bool TryParseUnits(string? text, out double seconds)
    {
        seconds = 0;
        var match = text is null || text.Length > 64 ? Match.Empty : GoDuration().Match(text);
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart("0123456789.".ToCharArray());
            var value = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            seconds += unit switch
            {
                "h" => value * 3600,
                "m" => value * 60,
                "s" => value,
                _ => value / 1000,
            };
        }

        return true;
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex PlainSeconds();

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|h|m|s))+$")]
    private static partial Regex GoDuration();
}
