using System.Globalization;

namespace Hotfix.Migrations.Rollback;

/// <summary>
/// A timestamp-style migration version the way a framework's generator stamps it: its name in the plan, the current
/// UTC time written in it, and the step between two stamps (several undos planned at once get consecutive ones).
/// A version is taken for a stamp only when it reads as one, so sequence numbers of the same width stay numbers.
/// </summary>
internal sealed record VersionStamp(string Name, int Width, Func<DateTimeOffset, string> At, TimeSpan Step, Func<string, bool> Reads)
{
    /// <summary><c>yyyyMMddHHmmss</c>: Rails, Ecto, Knex, Sequelize, goose and golang-migrate's default.</summary>
    public static readonly VersionStamp Seconds = Clock("yyyyMMddHHmmss", TimeSpan.FromSeconds(1));

    public static readonly VersionStamp Minutes = Clock("yyyyMMddHHmm", TimeSpan.FromMinutes(1));

    /// <summary>Laravel's <c>Y_m_d_His</c>, compared as its 14 digits; the scheme puts the underscores back.</summary>
    public static readonly VersionStamp Laravel = Seconds with { Name = "yyyy_MM_dd_HHmmss" };

    /// <summary>TypeORM's <c>Date.now()</c>: milliseconds since 1970, 13 digits until the year 2286.</summary>
    public static readonly VersionStamp UnixMilliseconds = new(
        "milliseconds since 1970 (TypeORM's Date.now())", 13,
        t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(1),
        v => v.All(char.IsAsciiDigit));

    public bool Matches(string version) => version.Length == Width && Reads(version);

    private static VersionStamp Clock(string format, TimeSpan step) => new(
        format, format.Length, t => t.UtcDateTime.ToString(format, CultureInfo.InvariantCulture), step,
        v => DateTime.TryParseExact(v, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
}
