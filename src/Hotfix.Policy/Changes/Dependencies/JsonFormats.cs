using System.Text.Json;

namespace Hotfix.Policy.Changes.Dependencies;

/// <summary>Formats stored as JSON; parse errors make the file unreadable rather than crash the check.</summary>
internal abstract class JsonDependencyFormat : IDependencyFormat
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public abstract string Name { get; }

    public abstract bool Matches(string fileName);

    public IReadOnlyDictionary<string, string>? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var packages = new Dictionary<string, string>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                Read(document.RootElement, packages);
            }

            return packages;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    protected abstract void Read(JsonElement root, Dictionary<string, string> packages);

    protected static IEnumerable<JsonProperty> Properties(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : [];

    protected static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>npm <c>package.json</c>: dependencies as declared; dev, peer and optional ones are marked.</summary>
internal sealed class PackageJsonFormat : JsonDependencyFormat
{
    public override string Name => "package.json";

    public override bool Matches(string fileName) => fileName == "package.json";

    protected override void Read(JsonElement root, Dictionary<string, string> packages)
    {
        foreach (var section in new[] { "dependencies", "devDependencies", "peerDependencies", "optionalDependencies" })
        {
            foreach (var dependency in Properties(root, section))
            {
                var name = section == "dependencies" ? dependency.Name : $"{dependency.Name} ({section})";
                DependencyFormats.Add(packages, name, dependency.Value.ValueKind == JsonValueKind.String ? dependency.Value.GetString() : dependency.Value.GetRawText());
            }
        }
    }
}

/// <summary>npm <c>package-lock.json</c> / <c>npm-shrinkwrap.json</c>: lockfile v2/v3 "packages", else v1 "dependencies".</summary>
internal sealed class PackageLockFormat : JsonDependencyFormat
{
    public override string Name => "npm lock file";

    public override bool Matches(string fileName) => fileName is "package-lock.json" or "npm-shrinkwrap.json";

    protected override void Read(JsonElement root, Dictionary<string, string> packages)
    {
        var any = false;
        foreach (var entry in Properties(root, "packages"))
        {
            var at = entry.Name.LastIndexOf("node_modules/", StringComparison.Ordinal);
            if (at >= 0)
            {
                DependencyFormats.Add(packages, entry.Name[(at + "node_modules/".Length)..], Text(entry.Value, "version"));
                any = true;
            }
        }

        if (!any)
        {
            foreach (var entry in Properties(root, "dependencies"))
            {
                DependencyFormats.Add(packages, entry.Name, Text(entry.Value, "version"));
            }
        }
    }
}

/// <summary>NuGet <c>packages.lock.json</c>: every target framework's resolved versions.</summary>
internal sealed class NuGetLockFormat : JsonDependencyFormat
{
    public override string Name => "NuGet lock file";

    public override bool Matches(string fileName) => fileName == "packages.lock.json";

    protected override void Read(JsonElement root, Dictionary<string, string> packages)
    {
        foreach (var framework in Properties(root, "dependencies"))
        {
            if (framework.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var package in framework.Value.EnumerateObject())
            {
                DependencyFormats.Add(packages, package.Name, Text(package.Value, "resolved"));
            }
        }
    }
}

/// <summary>Pipenv <c>Pipfile.lock</c>: "default" and "develop" packages with their pinned versions.</summary>
internal sealed class PipfileLockFormat : JsonDependencyFormat
{
    public override string Name => "Pipfile.lock";

    public override bool Matches(string fileName) => fileName == "Pipfile.lock";

    protected override void Read(JsonElement root, Dictionary<string, string> packages)
    {
        foreach (var section in new[] { "default", "develop" })
        {
            foreach (var package in Properties(root, section))
            {
                DependencyFormats.Add(packages, package.Name, Text(package.Value, "version")?.TrimStart('='));
            }
        }
    }
}

/// <summary>Composer <c>composer.lock</c>: "packages" and "packages-dev".</summary>
internal sealed class ComposerLockFormat : JsonDependencyFormat
{
    public override string Name => "composer.lock";

    public override bool Matches(string fileName) => fileName == "composer.lock";

    protected override void Read(JsonElement root, Dictionary<string, string> packages)
    {
        foreach (var section in new[] { "packages", "packages-dev" })
        {
            if (root.TryGetProperty(section, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var package in list.EnumerateArray())
                {
                    if (Text(package, "name") is { } name)
                    {
                        DependencyFormats.Add(packages, name, Text(package, "version"));
                    }
                }
            }
        }
    }
}
