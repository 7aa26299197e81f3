using System.Xml;
using System.Xml.Linq;

namespace Hotfix.Policy.Changes.Dependencies;

/// <summary>
/// MSBuild projects and props (<c>PackageReference</c>, <c>PackageVersion</c> of central package management,
/// <c>GlobalPackageReference</c>) and <c>packages.config</c>. The version is the <c>Version</c> (or
/// <c>VersionOverride</c>) attribute or child element; none under central management.
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

        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in document.Descendants())
        {
            switch (element.Name.LocalName)
            {
                case "PackageReference" or "PackageVersion" or "GlobalPackageReference":
                    var name = (string?)element.Attribute("Include") ?? (string?)element.Attribute("Update");
                    if (name is not null)
                    {
                        DependencyFormats.Add(packages, name, XmlText.Value(element, "Version") ?? XmlText.Value(element, "VersionOverride"));
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

/// <summary>Maven <c>pom.xml</c>: every <c>dependency</c> as groupId:artifactId → version (a property reference stays as written).</summary>
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

        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dependency in document.Descendants().Where(e => e.Name.LocalName is "dependency" or "plugin"))
        {
            var group = XmlText.Value(dependency, "groupId");
            var artifact = XmlText.Value(dependency, "artifactId");
            if (artifact is not null)
            {
                DependencyFormats.Add(packages, (group is null ? string.Empty : group + ":") + artifact, XmlText.Value(dependency, "version"));
            }
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

    /// <summary>An attribute or a child element of that name (namespace-agnostic), trimmed.</summary>
    public static string? Value(XElement element, string name) =>
        ((string?)element.Attribute(name) ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value)?.Trim();
}
