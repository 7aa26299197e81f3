using System.Text.RegularExpressions;

namespace Hotfix.Policy.Changes.Dependencies;

/// <summary>Formats read line by line. None of them can be malformed enough to be unreadable: unknown lines are skipped.</summary>
internal abstract class LineDependencyFormat : IDependencyFormat
{
    public abstract string Name { get; }

    public abstract bool Matches(string fileName);

    public IReadOnlyDictionary<string, string>? Parse(string text)
    {
        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        Read(text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'), packages);
        return packages;
    }

    protected abstract void Read(string[] lines, Dictionary<string, string> packages);

    /// <summary>Splits "name@version" at the last '@' that is not the first character (scoped npm packages start with '@').</summary>
    protected static (string Name, string Version)? SplitAt(string spec)
    {
        var at = spec.LastIndexOf('@');
        return at > 0 ? (spec[..at], spec[(at + 1)..]) : null;
    }
}

/// <summary>Yarn <c>yarn.lock</c> (classic and berry): each entry's header names the package, its "version" line the version.</summary>
internal sealed class YarnLockFormat : LineDependencyFormat
{
    public override string Name => "yarn.lock";

    public override bool Matches(string fileName) => fileName == "yarn.lock";

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        string? current = null;
        foreach (var line in lines)
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '#' && line.EndsWith(':'))
            {
                var firstSpec = line[..^1].Split(',')[0].Trim().Trim('"');
                current = SplitAt(firstSpec.Replace("@npm:", "@", StringComparison.Ordinal))?.Name;
            }
            else if (current is not null && line.TrimStart() is var trimmed && trimmed.StartsWith("version", StringComparison.Ordinal))
            {
                DependencyFormats.Add(packages, current, trimmed["version".Length..].TrimStart(':', ' ').Trim('"'));
                current = null;
            }
        }
    }
}

/// <summary>pnpm <c>pnpm-lock.yaml</c>: the keys of "packages:" (<c>/name@1.2.3:</c>, <c>name@1.2.3:</c> or v5's <c>/name/1.2.3:</c>).</summary>
internal sealed class PnpmLockFormat : LineDependencyFormat
{
    public override string Name => "pnpm-lock.yaml";

    public override bool Matches(string fileName) => fileName == "pnpm-lock.yaml";

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        var inPackages = false;
        foreach (var line in lines)
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inPackages = line.TrimEnd() == "packages:";
                continue;
            }

            if (!inPackages || !line.StartsWith("  ", StringComparison.Ordinal) || line.Length < 3 || char.IsWhiteSpace(line[2]) || !line.TrimEnd().EndsWith(':'))
            {
                continue;
            }

            var key = line.Trim().TrimEnd(':').Trim('\'', '"').TrimStart('/');
            var peer = key.IndexOf('(');
            key = peer > 0 ? key[..peer] : key;
            if (SplitAt(key) is { } split)
            {
                DependencyFormats.Add(packages, split.Name, split.Version);
            }
            else if (key.LastIndexOf('/') is var slash and > 0)
            {
                DependencyFormats.Add(packages, key[..slash], key[(slash + 1)..]);
            }
        }
    }
}

/// <summary>Go <c>go.mod</c>: require lines and blocks (<c>// indirect</c> kept off the version).</summary>
internal sealed partial class GoModFormat : LineDependencyFormat
{
    public override string Name => "go.mod";

    public override bool Matches(string fileName) => fileName == "go.mod";

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        var inRequire = false;
        foreach (var raw in lines)
        {
            var line = raw.Split("//")[0].Trim();
            if (line.StartsWith("require (", StringComparison.Ordinal))
            {
                inRequire = true;
                continue;
            }

            if (inRequire && line == ")")
            {
                inRequire = false;
                continue;
            }

            var spec = inRequire ? line : line.StartsWith("require ", StringComparison.Ordinal) ? line["require ".Length..].Trim() : null;
            if (spec is not null && Module().Match(spec) is { Success: true } match)
            {
                DependencyFormats.Add(packages, match.Groups[1].Value, match.Groups[2].Value);
            }
        }
    }

    [GeneratedRegex(@"^(\S+)\s+(v\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Module();
}

/// <summary>Go <c>go.sum</c>: module and version of every line (go.mod-only hashes fold into the same version).</summary>
internal sealed class GoSumFormat : LineDependencyFormat
{
    public override string Name => "go.sum";

    public override bool Matches(string fileName) => fileName == "go.sum";

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3)
            {
                DependencyFormats.Add(packages, parts[0], parts[1].Replace("/go.mod", string.Empty, StringComparison.Ordinal));
            }
        }
    }
}

/// <summary>
/// pip <c>requirements*.txt</c> and the <c>*.txt</c> of a <c>requirements/</c> folder (<c>requirements/base.txt</c>): one
/// requirement per line; the version is the specifier as written (==1.2, &gt;=2).
/// </summary>
internal sealed partial class RequirementsFormat : LineDependencyFormat
{
    public override string Name => "pip requirements";

    public override bool Matches(string fileName) =>
        fileName.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        foreach (var raw in lines)
        {
            if (Requirement.Parse(raw.Split(" #")[0]) is { } requirement)
            {
                DependencyFormats.Add(packages, requirement.Name, requirement.Version);
            }
        }
    }
}

/// <summary>One PEP 508 requirement string: name (normalised to lower case, '_' → '-') and the rest of the specifier.</summary>
internal static partial class Requirement
{
    public static (string Name, string Version)? Parse(string text)
    {
        // pip-compile --generate-hashes ends a requirement with a line continuation before its hashes.
        var line = text.Trim().TrimEnd('\\').TrimEnd();
        if (line.Length == 0 || line[0] is '#' or '-' || line.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var match = Pattern().Match(line);
        return match.Success
            ? (match.Groups[1].Value.ToLowerInvariant().Replace('_', '-'), match.Groups[2].Value.Split(';')[0].Replace(" ", string.Empty, StringComparison.Ordinal))
            : null;
    }

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>
/// <c>pyproject.toml</c>: requirement strings in <c>dependencies = [ … ]</c> arrays (PEP 621, optional groups) and
/// <c>name = "spec"</c> lines of <c>[tool.poetry.*dependencies]</c> tables.
/// </summary>
internal sealed partial class PyprojectFormat : LineDependencyFormat
{
    public override string Name => "pyproject.toml";

    public override bool Matches(string fileName) => fileName == "pyproject.toml";

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        var inArray = false;
        var inPoetryTable = false;
        var inGroupTable = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && !inArray)
            {
                inPoetryTable = line.StartsWith("[tool.poetry", StringComparison.Ordinal) && line.Contains("dependencies", StringComparison.Ordinal);
                inGroupTable = line is "[project.optional-dependencies]" or "[dependency-groups]";
                continue;
            }

            // "dependencies = [" anywhere, or any "group = [" inside an optional-dependencies / dependency-groups table.
            if (!inArray && ArrayStart().Match(line) is { Success: true } start && (inGroupTable || start.Groups[1].Value.EndsWith("dependencies", StringComparison.Ordinal)))
            {
                inArray = true;
            }

            if (inArray)
            {
                foreach (Match quoted in Quoted().Matches(line))
                {
                    if (Requirement.Parse(quoted.Groups[1].Value) is { } requirement)
                    {
                        DependencyFormats.Add(packages, requirement.Name, requirement.Version);
                    }
                }

                inArray = !line.Contains(']', StringComparison.Ordinal);
            }
            else if (inPoetryTable && PoetryLine().Match(line) is { Success: true } poetry && poetry.Groups[1].Value != "python")
            {
                DependencyFormats.Add(packages, poetry.Groups[1].Value.ToLowerInvariant(), poetry.Groups[2].Value.Trim().Trim('"'));
            }
        }
    }

    [GeneratedRegex(@"""([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^([\w.-]+)\s*=\s*\[", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayStart();

    [GeneratedRegex(@"^([A-Za-z0-9][\w.-]*)\s*=\s*(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PoetryLine();
}

/// <summary>
/// <c>poetry.lock</c>, <c>Cargo.lock</c> and <c>uv.lock</c>: <c>[[package]]</c> tables with name and version. The
/// project's own packages are left out — their version bump is the project's, not a dependency's: in a Cargo.lock the
/// root and workspace crates have no <c>source</c>, in a uv.lock theirs is <c>{ editable = … }</c> or <c>{ virtual = … }</c>.
/// </summary>
internal sealed partial class TomlPackageLockFormat(string fileName, Func<string?, bool> isProjectSource) : LineDependencyFormat
{
    public static TomlPackageLockFormat Poetry { get; } = new("poetry.lock", _ => false);

    public static TomlPackageLockFormat Cargo { get; } = new("Cargo.lock", source => source is null);

    public static TomlPackageLockFormat Uv { get; } = new("uv.lock", source => source is not null && LocalSource().IsMatch(source));

    public override string Name => "lock file";

    public override bool Matches(string name) => name == fileName;

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        (string? Name, string? Version, string? Source) package = default;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line == "[[package]]")
            {
                Add(package, packages);
                package = default;
            }
            else if (Pair().Match(line) is { Success: true } pair)
            {
                var value = pair.Groups[2].Value.Trim();
                package = pair.Groups[1].Value switch
                {
                    "name" when package.Name is null => package with { Name = value.Trim('"') },
                    "version" when package.Version is null => package with { Version = value.Trim('"') },
                    "source" when package.Source is null => package with { Source = value },
                    _ => package,
                };
            }
        }

        Add(package, packages);
    }

    private void Add((string? Name, string? Version, string? Source) package, Dictionary<string, string> packages)
    {
        if (package is { Name: { } name, Version: { } version } && !isProjectSource(package.Source))
        {
            DependencyFormats.Add(packages, name, version);
        }
    }

    [GeneratedRegex(@"^(name|version|source)\s*=\s*(""[^""]*""|\{.*\})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pair();

    [GeneratedRegex(@"^\{\s*(editable|virtual)\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex LocalSource();
}

/// <summary>Bundler <c>Gemfile.lock</c>: the <c>name (version)</c> lines of the specs lists.</summary>
internal sealed partial class GemfileLockFormat : LineDependencyFormat
{
    public override string Name => "Gemfile.lock";

    public override bool Matches(string fileName) => fileName == "Gemfile.lock";

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        foreach (var line in lines)
        {
            if (Spec().Match(line) is { Success: true } match)
            {
                DependencyFormats.Add(packages, match.Groups[1].Value, match.Groups[2].Value);
            }
        }
    }

    [GeneratedRegex(@"^    ([A-Za-z0-9][\w.-]*) \(([^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Spec();
}
