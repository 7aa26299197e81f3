using System.Globalization;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Infrastructure;

/// <summary>Parsing of the values commands share; every failure names the input and the form expected (exit 2).</summary>
internal static class Inputs
{
    public static IncidentId Incident(string? text, string name = "incident") =>
        IncidentId.TryParse(text, out var id)
            ? id
            : throw new HotfixInputException($"{name} '{Echo.Of(text)}': not an incident id; expected {IncidentId.ExpectedForm}");

    public static IncidentId? OptionalIncident(string? text, string name) => text is null ? null : Incident(text, name);

    public static IncidentSeverity Severity(string? text, string name = "--severity") =>
        IncidentSeverities.TryParse(text, out var severity)
            ? severity
            : throw new HotfixInputException(text is null
                ? $"{name}: missing; expected {IncidentSeverities.ExpectedForm}"
                : $"{name} '{Echo.Of(text)}': expected {IncidentSeverities.ExpectedForm}");

    /// <summary>Who is acting: --by, else $HOTFIX_USER, else the login name.</summary>
    public static string Actor(CliEnvironment environment, string? by)
    {
        var who = ActorOrNull(environment, by);
        return string.IsNullOrWhiteSpace(who)
            ? throw new HotfixInputException("--by: missing; expected who you are (a name), or set HOTFIX_USER")
            : who.Trim();
    }

    /// <summary>Who is acting, or null when nothing names anyone: --by, $HOTFIX_USER, $USER, $USERNAME, the login name.</summary>
    public static string? ActorOrNull(CliEnvironment environment, string? by) =>
        (by ?? environment.GetVariable("HOTFIX_USER") ?? environment.GetVariable("USER") ?? environment.GetVariable("USERNAME") ?? environment.LoginName()) is { } who
        && !string.IsNullOrWhiteSpace(who) ? who.Trim() : null;

    /// <summary>When it happened: --when (ISO 8601), else now; never in the future.</summary>
    public static DateTimeOffset When(CliEnvironment environment, string? when)
    {
        var now = environment.Time.GetLocalNow();
        if (when is null)
        {
            return now;
        }

        if (!DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var at))
        {
            throw new HotfixInputException($"--when '{Echo.Of(when)}': expected a time in ISO 8601, e.g. 2026-03-24T10:30:00+01:00");
        }

        return at > now.AddMinutes(1)
            ? throw new HotfixInputException($"--when '{Echo.Of(when)}': in the future; expected a time that has passed (it is {now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)})")
            : at;
    }

    public static DateOnly Date(string text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new HotfixInputException($"{name} '{Echo.Of(text)}': expected a date YYYY-MM-DD");

    public const string MinutesForm = "a whole number of minutes (0 or more), or a duration in whole minutes such as 90m or 1h30m";

    /// <summary>Minutes as a plain number (<c>20</c>) or in the duration forms <c>--timeout</c> takes (<c>20m</c>, <c>1h30m</c>).</summary>
    public static int? Minutes(string? text, string name) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : Durations.TryParseUnits(text, out var seconds) && seconds % 60 == 0 && seconds / 60 <= int.MaxValue ? (int)(seconds / 60)
        : throw new HotfixInputException($"{name} '{Echo.Of(text)}': expected {MinutesForm}");

    /// <summary>A non-negative whole number, or null when the option was not given.</summary>
    public static int? WholeNumber(string? text, string name, string expected) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw new HotfixInputException($"{name} '{Echo.Of(text)}': expected {expected}");

    /// <summary>One of <paramref name="values"/> (case-insensitive), returned as written in the list.</summary>
    public static string? Choice(string? text, string name, params string[] values)
    {
        if (text is null)
        {
            return null;
        }

        return values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new HotfixInputException($"{name} '{Echo.Of(text)}': expected {string.Join(" or ", values)}");
    }

    public static string RequiredChoice(string? text, string name, params string[] values) =>
        Choice(text, name, values) ?? throw new HotfixInputException($"{name}: missing; expected {string.Join(" or ", values)}");

    /// <summary>Comma-separated and repeated values: <c>--checked M1,M2 --checked M3</c>.</summary>
    public static IReadOnlyList<string> List(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
