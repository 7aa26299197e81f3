using System.Globalization;

namespace Hotfix.Policy.Text;

/// <summary>A duration as the messages and the kubectl commands we print write it: seconds, as kubectl takes them (<c>120s</c>).</summary>
internal static class DurationText
{
    public static string Seconds(TimeSpan duration) => $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
}
