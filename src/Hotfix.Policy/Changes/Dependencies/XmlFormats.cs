using System.Xml;
using System.Xml.Linq;

namespace Hotfix.Policy.Changes.Dependencies;

/// <summary>
/// MSBuild projects and props (<c>PackageReference</c>, <c>PackageVersion</c> of central package management,
/// <c>GlobalPackageReference</c>) and <c>packages.config</c>. The version is the <c>Version</c> (or
/// <c>VersionOverride</c>) attribute or child element; none under central management. A version written as a property
/// (<c>$(NpgsqlVersion)</c>) is that property's value in the same file, so bumping the property changes the package.
/// </summary>
internal sealed class MsBuildFormat : IDependencyFormat
{
    public string Name => "MSBuild project";

    public bool Matches(string fileName) =>
        fileName.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".props", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".targets", StringComparison.OrdinalIgnoreCase) || fileName.Equals("packages.config", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string>? Parse(string text)
    {
        if (XmlText.Load(text) is not { } document)
        {
            return null;
        }

        var properties = XmlText.Properties(document, "PropertyGroup");
        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in document.Descendants())
        {
            switch (element.Name.LocalName)
            {
                case "PackageReference" or "PackageVersion" or "GlobalPackageReference":
                    var name = (string?)element.Attribute("Include") ?? (string?)element.Attribute("Update");
                    if (name is not null)
                    {
                        var version = XmlText.Value(element, "Version") ?? XmlText.Value(element, "VersionOverride");
                        DependencyFormats.Add(packages, name, XmlText.Expand(version, properties, "$(", ")"));
                    }

                    break;
                case "package" when (string?)element.Attribute("id") is { } id:
                    DependencyFormats.Add(packages, id, (string?)element.Attribute("version"));
                    break;
            }
        }

        return packages;
    }
}

/// <summary>
/// Maven <c>pom.xml</c>: every <c>dependency</c> and <c>plugin</c> as groupId:artifactId → version, a <c>${x.version}</c>
/// reference read from the POM's <c>properties</c>; the <c>parent</c> (a Spring Boot parent manages most versions);
/// and every <c>*.version</c> property no dependency here references — a parent reads those as version overrides
/// (<c>log4j2.version</c>), named <c>${log4j2.version}</c>.
/// </summary>
internal sealed class PomFormat : IDependencyFormat
{
    public string Name => "Maven POM";

    public bool Matches(string fileName) => fileName == "pom.xml";

    public IReadOnlyDictionary<string, string>? Parse(string text)
    {
        if (XmlText.Load(text) is not { } document)
        {
            return null;
        }

        var properties = XmlText.Properties(document, "properties");
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dependency in document.Descendants().Where(e => e.Name.LocalName is "dependency" or "plugin" or "parent"))
        {
            var group = XmlText.Value(dependency, "groupId");
            var artifact = XmlText.Value(dependency, "artifactId");
            if (artifact is not null)
            {
                var version = XmlText.Value(dependency, "version");
                if (version is not null && version.StartsWith("${", StringComparison.Ordinal) && version.EndsWith('}'))
                {
                    referenced.Add(version[2..^1]);
                }

                DependencyFormats.Add(packages, (group is null ? string.Empty : group + ":") + artifact, XmlText.Expand(version, properties, "${", "}"));
            }
        }

        foreach (var (name, value) in properties.Where(p => p.Key.EndsWith(".version", StringComparison.Ordinal) && !referenced.Contains(p.Key)))
        {
            DependencyFormats.Add(packages, "${" + name + "}", value);
        }

        return packages;
    }
}

internal static class XmlText
{
    /// <summary>The document, or null when the text is not well-formed XML. DTDs are refused (no entity expansion).</summary>
    public static XDocument? Load(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The children of every <paramref name="group"/> element (MSBuild PropertyGroup, Maven properties) by name; the last one wins.</summary>
    public static Dictionary<string, string> Properties(XDocument document, string group)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.Descendants().Where(e => e.Name.LocalName == group).SelectMany(e => e.Elements()))
        {
            properties[property.Name.LocalName] = property.Value.Trim();
        }

        return properties;
    }

    /// <summary>A version that is one property reference (<c>$(X)</c>, <c>${x}</c>) as the property's value, when this file defines it.</summary>
    public static string? Expand(string? version, IReadOnlyDictionary<string, string> properties, string open, string close) =>
        version is not null && version.StartsWith(open, StringComparison.Ordinal) && version.EndsWith(close, StringComparison.Ordinal)
            && properties.TryGetValue(version[open.Length..^close.Length], out var value)
            ? value
            : version;

    /// <summary>An attribute or a child element of that name (namespace-agnostic), trimmed.</summary>
    public static string? Value(XElement element, string name) =>
        ((string?)element.Attribute(name) ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value)?.Trim();
}
