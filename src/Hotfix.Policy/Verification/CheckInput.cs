using System.Diagnostics.CodeAnalysis;

namespace Hotfix.Policy.Verification;

/// <summary>
/// One <c>--check</c>: <c>NAME=pass</c>, <c>NAME=fail:note</c> (what a person attests), or just <c>NAME</c> (measure it
/// through the metrics port).
/// </summary>
internal sealed record CheckInput(string CheckId, bool? Passed, string? Note)
{
    public const string ExpectedForm = "NAME=pass|fail[:note] (or NAME alone to measure it through a metrics source)";

    public static bool TryParse(string? text, [NotNullWhen(true)] out CheckInput? input)
    {
        input = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var id = (eq < 0 ? text : text[..eq]).Trim();
        if (id.Length == 0)
        {
            return false;
        }

        if (eq < 0)
        {
            input = new CheckInput(id, null, null);
            return true;
        }

        var value = text[(eq + 1)..];
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var result = (colon < 0 ? value : value[..colon]).Trim().ToLowerInvariant();
        var note = colon < 0 ? null : value[(colon + 1)..].Trim();
        bool? passed = result switch
        {
            StabilityEvents.Pass => true,
            StabilityEvents.Fail => false,
            _ => null,
        };
        if (passed is null)
        {
            return false;
        }

        input = new CheckInput(id, passed, string.IsNullOrEmpty(note) ? null : note);
        return true;
    }
}
