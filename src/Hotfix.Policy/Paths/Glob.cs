using System.Text;
using System.Text.RegularExpressions;

namespace Hotfix.Policy.Paths;

/// <summary>
/// A path glob as written in hotfix.json, matched against repository-relative paths with forward slashes.
/// <list type="bullet">
/// <item><c>*</c> matches within one path segment, <c>?</c> one character, <c>**</c> any number of segments (also none).</item>
/// <item><c>{a,b}</c> matches either alternative.</item>
/// <item>A pattern without '/' matches the file name at any depth (<c>*.csproj</c>), as in .gitignore.</item>
/// <item>A pattern ending in '/' matches everything below that folder (<c>admin-ui/</c> = <c>admin-ui/**</c>).</item>
/// </list>
/// Matching is case-sensitive, like git on Linux.
/// </summary>
internal sealed class Glob
{
    private readonly GlobPrefilter prefilter;
    private Regex? regex;

    private Glob(string pattern)
    {
        Pattern = pattern;
        prefilter = GlobPrefilter.Of(pattern);
    }

    public string Pattern { get; }


    public const string ExpectedForm = "a path glob such as 'src/Orders/**', '*.csproj' or 'admin-ui/' (* ? ** and {a,b} are supported)";

    public static bool TryParse(string? pattern, out Glob? glob, out string? problem)
    {
        glob = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            problem = "the pattern is empty";
            return false;
        }

        if (pattern.Contains('\\', StringComparison.Ordinal))
        {
            problem = "use '/' as the path separator";
            return false;
        }

        var braces = 0;
        foreach (var c in pattern)
        {
            braces += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (braces is < 0 or > 1)
            {
                problem = "braces are unbalanced or nested";
                return false;
            }
        }

        if (braces != 0)
        {
            problem = "a '{' is not closed";
            return false;
        }

        glob = new Glob(pattern);
        return true;
    }

    public static Glob Parse(string pattern) =>
        TryParse(pattern, out var glob, out var problem)
            ? glob!
            : throw new FormatException($"'{pattern}' is not a valid glob: {problem}; expected {ExpectedForm}.");

    /// <remarks>
    /// Most paths a check tests do not match most patterns; the text every match must contain (".g.cs", "Migrations",
    /// one of a brace group's alternatives) rules them out with substring searches before the regular expression runs
    /// (<see cref="GlobPrefilter"/>).
    /// </remarks>
    public bool IsMatch(string path) =>
        prefilter.MayMatch(path) && Compiled.IsMatch(path.TrimStart('/'));

    /// <summary>
    /// Built on the first path that passes the literal test: every command that loads a policy file validates its
    /// hundred-odd globs, and constructing their regular expressions was most of that (start and finish match none of
    /// them; a check only the few whose literal some changed path contains). The pattern is checked in
    /// <see cref="TryParse"/>; <see cref="ToRegex"/> escapes everything else, so building it later cannot fail.
    /// </summary>
    private Regex Compiled => LazyInitializer.EnsureInitialized(
        ref regex,
        () => new Regex(ToRegex(Pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));

    public override string ToString() => Pattern;

    private static string ToRegex(string pattern)
    {
        var p = pattern.TrimStart('/');
        if (p.EndsWith('/'))
        {
            p += "**";
        }

        // Like .gitignore, a bare file-name pattern matches at any depth; anything with a '/' is anchored at the root.
        var anyDepth = !pattern.Contains('/', StringComparison.Ordinal);
        var sb = new StringBuilder("^");
        if (anyDepth)
        {
            sb.Append("(?:.*/)?");
        }

        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            switch (c)
            {
                case '*' when i + 1 < p.Length && p[i + 1] == '*':
                    var slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                    sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '{':
                    sb.Append("(?:");
                    break;
                case '}':
                    sb.Append(')');
                    break;
                case ',':
                    sb.Append(p[..i].LastIndexOf('{') > p[..i].LastIndexOf('}') ? "|" : ",");
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        sb.Append('$');
        return sb.ToString();
    }
}
