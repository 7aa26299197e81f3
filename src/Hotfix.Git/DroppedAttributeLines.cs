namespace Hotfix.Git;

/// <summary>
/// Lines of a .gitattributes file that git ignores whole but libgit2 reads in part: git drops a line with one invalid
/// attribute name ("is not a valid attribute name"), libgit2 keeps its valid assignments — so
/// <c>f.txt merge=union "</c> is no attribute for git and <c>merge=union</c> for libgit2 (tested with both).
/// </summary>
internal static class DroppedAttributeLines
{
    /// <summary>
    /// The 1-based numbers of the lines git drops for an invalid attribute name and that could change a path's merge
    /// attribute in libgit2: a <c>merge</c> token, or a bare name, which may be a macro such as <c>binary</c>.
    /// </summary>
    public static List<int> ThatCouldSetMerge(TextReader reader)
    {
        var found = new List<int>();
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            var tokens = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            // A quoted pattern is git's C-quoting, which both read alike; a comment or a bare pattern sets nothing.
            if (tokens.Length < 2 || tokens[0].StartsWith('#') || tokens[0].StartsWith('"'))
            {
                continue;
            }

            var names = tokens.Skip(1).Select(NameOf).ToList();
            var macro = tokens[0].StartsWith("[attr]", StringComparison.Ordinal);
            if ((names.TrueForAll(n => Valid(n.Name)) && (!macro || Valid(tokens[0]["[attr]".Length..])))
                || !names.Exists(n => n.Name == "merge" || (n.Bare && Valid(n.Name))))
            {
                continue;
            }

            found.Add(number);
        }

        return found;
    }

    private static (string Name, bool Bare) NameOf(string token)
    {
        var negated = token[0] is '-' or '!';
        var name = negated ? token[1..] : token;
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (name, !negated) : (name[..equals], false);
    }

    /// <summary>git's attr_name_valid: [-A-Za-z0-9_.], not starting with '-'.</summary>
    private static bool Valid(string name) =>
        name.Length > 0 && name[0] != '-' && name.All(c => c is '-' or '.' or '_' || char.IsAsciiLetterOrDigit(c));
}
