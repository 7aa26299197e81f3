using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace Hotfix.Policy.Branching;

/// <summary>A valid hotfix branch name: prefix, incident id, short description.</summary>
internal sealed partial record HotfixBranchName
{
    private HotfixBranchName(string prefix, IncidentId incident, string description)
    {
        Prefix = prefix;
        Incident = incident;
        Description = description;
    }

    public string Prefix { get; }

    public IncidentId Incident { get; }

    /// <summary>Lowercase words of letters and digits joined by single hyphens.</summary>
    public string Description { get; }

    public string FullName => $"{Prefix}{Incident}-{Description}";

    public override string ToString() => FullName;

    /// <summary>Builds the branch name for <c>hotfix start</c>, or explains what is wrong with the description.</summary>
    public static bool TryCreate(
        IncidentId incident,
        string? description,
        BranchNaming naming,
        [NotNullWhen(true)] out HotfixBranchName? name,
        out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        CheckDescription(description ?? string.Empty, naming, found);
        problems = found;
        name = found.Count == 0 ? new HotfixBranchName(naming.Prefix, incident, description!) : null;
        return name is not null;
    }

    /// <summary>Reads a branch name; when it is not a valid hotfix branch name, <paramref name="problems"/> says why.</summary>
    public static bool TryParse(
        string branchName,
        BranchNaming naming,
        [NotNullWhen(true)] out HotfixBranchName? name,
        out IReadOnlyList<string> problems)
    {
        name = null;
        var found = new List<string>();
        problems = found;

        if (!branchName.StartsWith(naming.Prefix, StringComparison.Ordinal))
        {
            found.Add($"it does not start with '{naming.Prefix}'");
            return false;
        }

        var rest = branchName[naming.Prefix.Length..];
        var idMatch = LeadingIncidentId().Match(rest);
        IncidentId incident = default;
        if (!idMatch.Success || !IncidentId.TryParse(idMatch.Groups["id"].Value, out incident))
        {
            found.Add($"the incident id after '{naming.Prefix}' is missing or malformed (expected {IncidentId.ExpectedForm})");
            CheckLength(branchName, naming, found);
            return false;
        }

        var description = idMatch.Groups["rest"].Value;
        if (!idMatch.Groups["sep"].Success && description.Length > 0 && char.IsAsciiDigit(description[0]))
        {
            // INC-2026-00421: a fifth digit is a malformed id, not a description without its hyphen.
            var digits = 4 + description.TakeWhile(char.IsAsciiDigit).Count();
            found.Add($"the incident id '{idMatch.Groups["id"].Value}{description[..(digits - 4)]}' has {digits} digits after the year; expected {IncidentId.ExpectedForm}, four digits");
        }
        else if (!idMatch.Groups["sep"].Success)
        {
            found.Add($"a short description must follow the incident id, separated by '-' (e.g. {naming.Prefix}{incident}-fix-checkout-timeout)");
        }
        else
        {
            CheckDescription(description, naming, found);
        }

        CheckLength(branchName, naming, found);
        if (found.Count > 0)
        {
            return false;
        }

        name = new HotfixBranchName(naming.Prefix, incident, description);
        return true;
    }

    /// <summary>
    /// A best-effort valid name for a person to copy: the incident id found anywhere in the input and its other words
    /// lowercased and hyphen-joined. Null when no incident id can be found.
    /// </summary>
    public static string? Suggest(string branchName, BranchNaming naming)
    {
        var ids = IncidentId.FindAll(branchName.ToUpperInvariant());
        if (ids.Count == 0)
        {
            return null;
        }

        var id = ids[0];
        var withoutId = branchName.Replace(id.ToString(), " ", StringComparison.OrdinalIgnoreCase);
        var slash = withoutId.LastIndexOf('/');
        var words = Slugify(slash >= 0 ? withoutId[(slash + 1)..] : withoutId, naming.MaxDescriptionLength);
        return words.Length == 0 ? null : $"{naming.Prefix}{id}-{words}";
    }

    /// <summary>Lowercase, hyphen-joined words of letters and digits, cut at a word boundary to <paramref name="maxLength"/>.</summary>
    public static string Slugify(string text, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (Match word in Word().Matches(text.ToLowerInvariant()))
        {
            var next = builder.Length == 0 ? word.Value.Length : builder.Length + 1 + word.Value.Length;
            if (next > maxLength)
            {
                break;
            }

            if (builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(word.Value);
        }

        return builder.ToString();
    }

    private static void CheckDescription(string description, BranchNaming naming, List<string> problems)
    {
        if (description.Length == 0)
        {
            problems.Add("the short description is empty");
            return;
        }

        if (!DescriptionPattern().IsMatch(description))
        {
            var reasons = new List<string>();
            if (description.Any(char.IsUpper))
            {
                reasons.Add("upper-case letters");
            }

            var odd = description.Where(c => !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' || char.IsUpper(c)))
                .Distinct().Select(Describe).ToList();
            if (odd.Count > 0)
            {
                reasons.Add("the characters " + string.Join(" ", odd));
            }

            if (description.StartsWith('-') || description.EndsWith('-') || description.Contains("--", StringComparison.Ordinal))
            {
                reasons.Add("a leading, trailing or doubled hyphen");
            }

            problems.Add($"the short description '{Printable(description)}' has {string.Join(", ", reasons)}; use lowercase words, digits and single hyphens");
        }

        if (description.Length > naming.MaxDescriptionLength)
        {
            problems.Add($"the short description has {description.Length} characters; at most {naming.MaxDescriptionLength} fit in a {naming.MaxLength}-character branch name");
        }
    }

    private static void CheckLength(string branchName, BranchNaming naming, List<string> problems)
    {
        if (branchName.Length > naming.MaxLength && !problems.Any(p => p.Contains("characters; at most", StringComparison.Ordinal)))
        {
            problems.Add($"it has {branchName.Length} characters; at most {naming.MaxLength} are allowed");
        }
    }

    private static string Describe(char c) => c switch
    {
        ' ' => "' ' (space)",
        '\t' => "'\\t' (tab)",
        _ when char.IsControl(c) => $"U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    /// <summary>
    /// A description as messages quote it: control characters must not reach a terminal raw, and a 300-character
    /// input is cut so the message stays readable (the length problem is reported separately).
    /// </summary>
    internal static string Printable(string text)
    {
        var cut = text.Length > 40 ? string.Concat(text.AsSpan(0, 37), "...") : text;
        return cut.Any(char.IsControl) ? new string(cut.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : cut;
    }

    [GeneratedRegex(@"^(?<id>INC-[0-9]{4}-[0-9]{4})(?<sep>-)?(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LeadingIncidentId();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionPattern();

    [GeneratedRegex(@"[a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
