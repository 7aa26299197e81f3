using System.Globalization;

namespace Hotfix.Policy.Text;

/// <summary>
/// A value from the user as an error message repeats it: inert (no control characters) and short. A 10 MB policy
/// value or a pasted log line is shown by its start and its length, so the message still fits a terminal and names
/// the input.
/// </summary>
internal static class Echo
{
    public const int DefaultLength = 80;

    public static string Of(string? value, int max = DefaultLength)
    {
        if (value is null)
        {
            return string.Empty;
        }

        // Never cut between the two halves of a surrogate pair: half a character is not text.
        var cut = value.Length > max && char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        var shown = value.Length > max ? value[..cut] : value;
        shown = ControlCharacters.Neutralise(shown);
        return value.Length > max
            ? $"{shown}… ({value.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)"
            : shown;
    }
}
