namespace Hotfix.Policy.Paths;

/// <summary>An ordered set of globs, e.g. one policy key's: the first that matches a path is the one reports name.</summary>
internal sealed class GlobSet(IEnumerable<Glob> globs)
{
    // An array, not a list behind its interface: a check asks every set about every changed path, and enumerating
    // through IEnumerator cost two interface calls per glob (a third of FirstMatch's instructions).
    private readonly Glob[] globs = [.. globs];

    /// <summary>A set of patterns that are known to be valid (the policy validated them when it was loaded).</summary>
    public static GlobSet Of(IEnumerable<string> patterns) => new(patterns.Select(Glob.Parse));

    /// <summary>
    /// A component's paths, matched as CODEOWNERS and .gitignore match them: a pattern that names a folder also owns
    /// everything below it, with or without the trailing '/' (<c>packages/shared</c> = <c>packages/shared/</c>;
    /// <c>shared</c>, without '/', any folder of that name). Written without the '/', a folder matched no file at all.
    /// </summary>
    public static GlobSet OfOwnedPaths(IEnumerable<string> patterns) => Of(patterns.SelectMany(OwnedPatterns));

    public IReadOnlyList<Glob> Globs => globs;

    private static IEnumerable<string> OwnedPatterns(string pattern) =>
        pattern.EndsWith('/') || pattern.EndsWith("**", StringComparison.Ordinal)
            ? [pattern]
            : [pattern, (pattern.Contains('/', StringComparison.Ordinal) ? pattern : "**/" + pattern) + "/"];

    /// <summary>The first glob (in the set's order) that matches <paramref name="path"/>, or null.</summary>
    public Glob? FirstMatch(string path)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatch(path))
            {
                return glob;
            }
        }

        return null;
    }

    /// <summary>The first glob that matches any of <paramref name="paths"/> (a rename's new and old path), or null.</summary>
    public Glob? FirstMatch(IReadOnlyList<string> paths) => FirstMatch(paths as string[] ?? [.. paths]);

    // Over an array: enumerating the paths through their interface was four interface calls per glob — a third of a
    // check's glob matching (benchmarks/README.md, "Change analysis, seventh pass"). Most changes have one path.
    private Glob? FirstMatch(string[] paths)
    {
        if (paths.Length == 1)
        {
            return FirstMatch(paths[0]);
        }

        foreach (var glob in globs)
        {
            foreach (var path in paths)
            {
                if (glob.IsMatch(path))
                {
                    return glob;
                }
            }
        }

        return null;
    }
}
