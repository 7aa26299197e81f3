using System.Globalization;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// Dates as the audit shows them: in UTC, the zone <c>--since DATE</c> is read in and the JSON report writes. A commit
/// made at 01:00 in Berlin on 1 March was made on 28 February in UTC; shown in its own zone, it would look like a
/// hotfix that <c>--since 2026-03-01</c> wrongly left out.
/// </summary>
internal static class AuditDates
{
    /// <summary>The UTC day, <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The start of the audit: the day when it is a UTC midnight (<c>--since 2026-03-01</c>), else the UTC time.</summary>
    public static string Start(DateTimeOffset time) =>
        time.UtcDateTime.TimeOfDay == TimeSpan.Zero
            ? Day(time)
            : time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
