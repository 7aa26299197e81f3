using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotfix;

/// <summary>An incident id as the runbook writes it: <c>INC-YYYY-NNNN</c> (year, then a four-digit sequence number).</summary>
public readonly partial record struct IncidentId : IComparable<IncidentId>
{
    /// <summary>The expected form, for messages.</summary>
    public const string ExpectedForm = "INC-YYYY-NNNN (for example INC-2026-0042)";

    private IncidentId(int year, int number)
    {
        Year = year;
        Number = number;
    }

    /// <summary>The four-digit year of the id (1000–9999).</summary>
    public int Year { get; }

    /// <summary>The sequence number within the year (1–9999).</summary>
    public int Number { get; }

    /// <summary>The id for a year and a sequence number, e.g. (2026, 42) for INC-2026-0042.</summary>
    /// <param name="year">Four digits: 1000–9999.</param>
    /// <param name="number">1–9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year or the number is out of range.</exception>
    public static IncidentId Create(int year, int number)
    {
        if (year is < 1000 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year has four digits.");
        }

        if (number is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "The incident number is 0001 to 9999.");
        }

        return new IncidentId(year, number);
    }

    /// <summary>Parses exactly <c>INC-YYYY-NNNN</c> (upper case, as the runbook writes it).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IncidentId id)
    {
        id = default;
        if (text is null)
        {
            return false;
        }

        var match = ExactPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["number"].ValueSpan, CultureInfo.InvariantCulture);

        // The same range Create accepts: INC-0000-0001 is a typo, not an incident, and must not reach date arithmetic.
        if (number == 0 || year < 1000)
        {
            return false;
        }

        id = new IncidentId(year, number);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with a message that names the expected form.</summary>
    public static IncidentId Parse(string text) =>
        TryParse(text, out var id)
            ? id
            : throw new FormatException($"'{text}' is not an incident id: expected {ExpectedForm}.");

    /// <summary>
    /// Every incident id mentioned in free text (commit messages, PR titles), in order of appearance, without duplicates.
    /// Squash and rebase merges keep the id only in the message, so history scans need this.
    /// </summary>
    public static IReadOnlyList<IncidentId> FindAll(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<IncidentId>();
        foreach (Match match in EmbeddedPattern().Matches(text))
        {
            if (TryParse(match.Value, out var id) && !found.Contains(id))
            {
                found.Add(id);
            }
        }

        return found;
    }

    /// <summary>Orders by year, then by number: older incidents first.</summary>
    public int CompareTo(IncidentId other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    /// <summary>The runbook form, <c>INC-YYYY-NNNN</c> (e.g. INC-2026-0042).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"INC-{Year:D4}-{Number:D4}");

    [GeneratedRegex(@"^INC-(?<year>[0-9]{4})-(?<number>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex ExactPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])INC-[0-9]{4}-[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedPattern();
}
