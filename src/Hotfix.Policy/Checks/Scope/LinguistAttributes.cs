using Hotfix.Policy.Paths;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>
/// The <c>linguist-generated</c> and <c>linguist-vendored</c> attributes of the root <c>.gitattributes</c> — the
/// convention GitHub and prow's size plugin use to leave generated files out of diffs and sizes. As in git, the last
/// matching line wins; <c>-attr</c> and <c>attr=false</c> unset.
/// </summary>
internal sealed class LinguistAttributes
{
    private readonly List<(Glob Pattern, bool? Generated, bool? Vendored)> lines = [];

    public static LinguistAttributes Empty { get; } = new();

    public static LinguistAttributes Parse(string? text)
    {
        var attributes = new LinguistAttributes();
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var parts = raw.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0].StartsWith('#') || !Glob.TryParse(parts[0], out var glob, out _))
            {
                continue;
            }

            var generated = Value(parts, "linguist-generated");
            var vendored = Value(parts, "linguist-vendored");
            if (generated is not null || vendored is not null)
            {
                attributes.lines.Add((glob!, generated, vendored));
            }
        }

        return attributes;
    }

    public bool IsGenerated(string path) => Last(path, l => l.Generated) ?? false;

    /// <summary>Explicitly unset (<c>-linguist-generated</c>): a generator's header does not count it apart either, as on GitHub.</summary>
    public bool IsMarkedNotGenerated(string path) => Last(path, l => l.Generated) == false;

    public bool IsVendored(string path) => Last(path, l => l.Vendored) ?? false;

    private bool? Last(string path, Func<(Glob Pattern, bool? Generated, bool? Vendored), bool?> attribute)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (attribute(lines[i]) is { } value && lines[i].Pattern.IsMatch(path))
            {
                return value;
            }
        }

        return null;
    }

    private static bool? Value(string[] parts, string name)
    {
        foreach (var part in parts.Skip(1))
        {
            if (part == name || part == name + "=true")
            {
                return true;
            }

            if (part == "-" + name || part == "!" + name || part == name + "=false")
            {
                return false;
            }
        }

        return null;
    }
}
