using System.Text.RegularExpressions;
using Hotfix.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hotfix.Cli.Tests;

/// <summary>
/// A platform engineer copies the C# of docs/embedding.md and of each package's PACKAGE.md into a project that
/// references the packages: every example must compile as written, with the usings it shows and nothing else.
/// </summary>
public partial class EmbeddingSamplesCompileTests
{
    public static TheoryData<string> Pages() =>
    [
        "docs/embedding.md",
        "src/Hotfix.Policy/PACKAGE.md",
        "src/Hotfix.Git/PACKAGE.md",
        "src/Hotfix.Migrations/PACKAGE.md",
        "src/Hotfix.Records/PACKAGE.md",
        "src/Hotfix.Kubernetes/PACKAGE.md",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_example_compiles_as_written(string page)
    {
        var examples = Examples(File.ReadAllText(SourceTree.PathOf(page.Split('/'))));
        Assert.NotEmpty(examples);
        var errors = new List<string>();
        for (var i = 0; i < examples.Count; i++)
        {
            // An example starts with its using lines; one that does not continues the example before it (the deploy).
            var code = !examples[i].StartsWith("using ", StringComparison.Ordinal) && i > 0 ? examples[i - 1] + examples[i] : examples[i];
            errors.AddRange(Compile(code).Select(e => $"{page} example {i + 1}: {e}"));
        }

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    private static List<string> Examples(string markdown) =>
        CSharpBlock().Matches(markdown).Select(m => m.Groups[1].Value).ToList();

    private static IEnumerable<string> Compile(string code)
    {
        // A console project's implicit usings, as `dotnet new console` gives the engineer.
        const string implicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        var trees = new[] { CSharpSyntaxTree.ParseText(implicitUsings), CSharpSyntaxTree.ParseText(code) };
        var kind = code.Contains("public static class", StringComparison.Ordinal) ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication;
        var compilation = CSharpCompilation.Create("Example", trees, References(), new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
    }

    private static IEnumerable<MetadataReference> References()
    {
        // The .NET runtime and the five packages the page asks for — not the test's own dependencies.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == runtime);
        var packages = new[] { typeof(HotfixEngine), typeof(GitRegistration), typeof(MigrationsRegistration), typeof(RecordsRegistration), typeof(KubernetesRegistration) }
            .Select(t => t.Assembly.Location);
        return platform.Concat(packages).Distinct().Select(p => MetadataReference.CreateFromFile(p));
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
