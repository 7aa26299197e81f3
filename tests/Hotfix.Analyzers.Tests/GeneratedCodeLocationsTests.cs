using Hotfix.Analyzers.Infrastructure;
using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Hotfix.Analyzers.Tests;

/// <summary>
/// The compiler's rules for a finding in generated code, one by one, including the ones the compiler's driver never
/// lets a node-local rule reach (it skips such code before calling the rule) but that the test still answers as the
/// compiler would. <see cref="GeneratedCodeTests"/> compares whole rules with the compiler.
/// </summary>
public class GeneratedCodeLocationsTests
{
    private const string Attribute = "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]";

    [Theory]
    [InlineData("class C { int M() => HERE; const int HERE = 1; }", false)]
    [InlineData("class C { int M() => HERE; const int HERE = 1;\n#line hidden\n int N() => 2;\n#line default\n}", true)] // before the first #line of a file that hides something
    [InlineData("#line 1 \"a.cs\"\nclass C { int M() => HERE; const int HERE = 1;\n#line hidden\n int N() => 2;\n#line default\n}", false)]
    [InlineData("#line 1 \"a.cs\"\nclass C { int M() =>\n#line hidden\n HERE;\n#line default\n const int HERE = 1; }", true)]
    [InlineData("class C { int P { " + Attribute + " get => HERE; set { } } const int HERE = 1; }", true)]
    [InlineData("class C { int P { get => 0; " + Attribute + " set { _ = HERE; } } const int HERE = 1; }", true)]
    [InlineData("class C { int P { " + Attribute + " get => 0; set { _ = HERE; } } const int HERE = 1; }", false)]
    [InlineData("class C { " + Attribute + " static int F = HERE, G = 2; const int HERE = 1; }", true)]
    [InlineData("class C { [System.CodeDom.Compiler.Generated\\u0043ode(\"tool\", \"1.0\")] int M() => HERE; const int HERE = 1; }", true)]
    [InlineData("using Tool = System.CodeDom.Compiler.GeneratedCodeAttribute;\n[Tool(\"tool\", \"1.0\")] class C { int M() => HERE; const int HERE = 1; }", true)]
    [InlineData(Attribute + " partial class C { int M() => HERE; const int HERE = 1; } partial class C { }", false)] // declared in two places
    [InlineData("class C { int M() => HERE; const int HERE = 1; /* GeneratedCode */ string S = \"GeneratedCode\"; }", false)]
    [InlineData("class C { [System.Obsolete] int M() => HERE; const int HERE = 1; }", false)]
    public void A_location_is_generated_as_the_compiler_decides(string source, bool generated)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: "/repo/src/C.cs");
        var compilation = CSharpCompilation.Create("locations", [tree], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var location = Location.Create(tree, new TextSpan(source.IndexOf("HERE", StringComparison.Ordinal), 4));

        Assert.Equal(generated, GeneratedCodeLocations.For(compilation).Contains(location, CancellationToken.None));
    }

    [Fact]
    public void A_location_outside_source_is_not_generated()
    {
        var compilation = CSharpCompilation.Create("locations", [], TestReferences.All);
        Assert.False(GeneratedCodeLocations.For(compilation).Contains(Location.None, CancellationToken.None));
    }
}
