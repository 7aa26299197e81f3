using System.Reflection;
using System.Xml.Linq;

namespace Hotfix.Cli.Tests;

/// <summary>
/// The rules of the libraries' public surface, checked on the built assemblies: public types live only in the
/// namespaces that make the contract (never in implementation namespaces such as Formats, Sql, Workflow or Text), and
/// every exported type and member has documentation in the XML file that ships beside the assembly.
/// </summary>
public class PublicApiRulesTests
{
    private static readonly string[] Libraries = ["Hotfix.Policy", "Hotfix.Migrations", "Hotfix.Git", "Hotfix.Kubernetes", "Hotfix.Records"];

    /// <summary>The namespaces a host may see; everything else is implementation.</summary>
    private static readonly HashSet<string> ContractNamespaces =
    [
        "Hotfix",
        "Hotfix.Policy.Branching",
        "Hotfix.Policy.Checklists",
        "Hotfix.Policy.Checks",
        "Hotfix.Policy.Decisions",
        "Hotfix.Policy.Findings",
        "Hotfix.Policy.Policies",
        "Hotfix.Policy.Ports",
        "Hotfix.Policy.Records",
        "Hotfix.Policy.Reporting",
        "Hotfix.Policy.Reviews",
        "Hotfix.Policy.Rules",
        "Hotfix.Policy.Verification",
        "Hotfix.Policy.Workloads",
        "Hotfix.Records",
    ];

    public static TheoryData<string> LibraryNames() => [.. Libraries];

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Public_types_live_only_in_contract_namespaces(string library)
    {
        var misplaced = Load(library).GetExportedTypes()
            .Where(t => !ContractNamespaces.Contains(t.Namespace ?? string.Empty))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(misplaced);
    }

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Every_exported_type_is_documented_in_the_shipped_xml(string library)
    {
        var assembly = Load(library);
        var xml = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(xml), $"{library}.xml does not ship beside {assembly.Location}");
        var documented = XDocument.Load(xml).Descendants("member")
            .Where(m => m.Element("summary") is { } s && s.Value.Trim().Length > 0 || m.Element("inheritdoc") is not null)
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
        var undocumented = assembly.GetExportedTypes()
            .Select(t => "T:" + t.FullName!.Replace('+', '.'))
            .Where(id => !documented.Contains(id))
            .ToList();
        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_adapter_packages_expose_only_their_builder_registrations()
    {
        Assert.Equal(["Hotfix.MigrationsRegistration"], Load("Hotfix.Migrations").GetExportedTypes().Select(t => t.FullName));
        Assert.Equal(["Hotfix.GitRegistration"], Load("Hotfix.Git").GetExportedTypes().Select(t => t.FullName));
        Assert.Equal(["Hotfix.KubernetesRegistration"], Load("Hotfix.Kubernetes").GetExportedTypes().Select(t => t.FullName));
    }
}
