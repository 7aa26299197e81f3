using System.Text.RegularExpressions;

namespace Hotfix.Policy.Changes.Dependencies;

/// <summary>
/// Gradle <c>build.gradle(.kts)</c>: <c>configuration("group:artifact:version")</c> declarations, a BOM's
/// <c>platform("group:bom:version")</c> included.
/// </summary>
internal sealed partial class GradleFormat : LineDependencyFormat
{
    public override string Name => "Gradle build";

    public override bool Matches(string fileName) => fileName is "build.gradle" or "build.gradle.kts";

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        foreach (var line in lines)
        {
            foreach (Match match in Declaration().Matches(line))
            {
                DependencyFormats.Add(packages, match.Groups[1].Value, match.Groups[2].Value);
            }
        }
    }

    [GeneratedRegex(@"\b(?:implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|annotationProcessor|kapt|ksp|classpath)\s*\(?\s*(?:(?:enforcedPlatform|platform)\s*\(\s*)?[""']([^:""'\s]+:[^:""'\s]+):([^""'\s]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();
}

/// <summary>Gradle dependency locking's <c>gradle.lockfile</c>: <c>group:artifact:version=configurations</c> lines.</summary>
internal sealed partial class GradleLockFormat : LineDependencyFormat
{
    public override string Name => "Gradle lock file";

    public override bool Matches(string fileName) => fileName.EndsWith(".lockfile", StringComparison.Ordinal);

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        foreach (var line in lines)
        {
            if (Locked().Match(line) is { Success: true } match)
            {
                DependencyFormats.Add(packages, match.Groups[1].Value, match.Groups[2].Value);
            }
        }
    }

    [GeneratedRegex(@"^([^\s:#=]+:[^\s:=]+):([^\s:=]+)=", RegexOptions.CultureInvariant)]
    private static partial Regex Locked();
}

/// <summary>
/// Gradle version catalog <c>libs.versions.toml</c>: each library (<c>module</c> or <c>group</c> and <c>name</c>, or a
/// <c>"group:artifact:version"</c> string) and plugin (<c>id</c>) with its version, a <c>version.ref</c> read from the
/// <c>[versions]</c> table — bumping <c>netty = "4.1.108.Final"</c> there changes every library that refers to it.
/// </summary>
internal sealed partial class GradleCatalogFormat : LineDependencyFormat
{
    public override string Name => "Gradle version catalog";

    public override bool Matches(string fileName) => fileName.EndsWith(".versions.toml", StringComparison.Ordinal);

    protected override void Read(string[] lines, Dictionary<string, string> packages)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<(string Table, string Value)>();
        var table = string.Empty;
        foreach (var raw in lines)
        {
            var line = raw.Split(" #")[0].Trim();
            if (line.StartsWith('['))
            {
                table = line.Trim('[', ']').Trim();
            }
            else if (Entry().Match(line) is { Success: true } entry)
            {
                if (table == "versions")
                {
                    versions[entry.Groups[1].Value] = Field(entry.Groups[2].Value, "strictly") ?? Field(entry.Groups[2].Value, "require") ?? entry.Groups[2].Value.Trim('"');
                }
                else if (table is "libraries" or "plugins")
                {
                    entries.Add((table, entry.Groups[2].Value));
                }
            }
        }

        foreach (var (kind, value) in entries)
        {
            if (value.StartsWith('"'))
            {
                var spec = value.Trim('"');
                var last = spec.LastIndexOf(':');
                if (kind == "libraries" && spec.Count(c => c == ':') == 2)
                {
                    DependencyFormats.Add(packages, spec[..last], spec[(last + 1)..]);
                }
                else if (kind == "plugins" && last > 0)
                {
                    DependencyFormats.Add(packages, spec[..last], spec[(last + 1)..]);
                }

                continue;
            }

            var name = kind == "plugins"
                ? Field(value, "id")
                : Field(value, "module") ?? (Field(value, "group") is { } group && Field(value, "name") is { } artifact ? group + ":" + artifact : null);
            if (name is not null)
            {
                var version = Field(value, "version") ?? (Field(value, "version.ref") is { } reference && versions.TryGetValue(reference, out var v) ? v : null);
                DependencyFormats.Add(packages, name, version);
            }
        }
    }

    /// <summary>A string field of an inline table (<c>{ module = "a:b", version.ref = "x" }</c>).</summary>
    private static string? Field(string table, string key) =>
        FieldPattern().Matches(table).FirstOrDefault(m => m.Groups[1].Value == key)?.Groups[2].Value;

    [GeneratedRegex(@"^([\w.-]+)\s*=\s*(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();

    [GeneratedRegex(@"([\w.-]+)\s*=\s*""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPattern();
}
