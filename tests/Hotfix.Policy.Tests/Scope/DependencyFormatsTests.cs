using Hotfix.Policy.Changes.Dependencies;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.Scope;

public class DependencyFormatsTests
{
    private static List<string> Diff(string path, string before, string after) =>
        DependencyFormats.Diff(Modified(path, before, after), out var unreadable)!.Select(c => c.Describe()).ToList() is var list && !unreadable
            ? list
            : throw new InvalidOperationException("unreadable");

    [Fact]
    public void Central_package_versions_and_project_references()
    {
        var props = """
            <Project>
              <ItemGroup>
                <PackageVersion Include="Npgsql" Version="8.0.11" />
                <PackageVersion Include="xunit" Version="2.9.3" />
              </ItemGroup>
            </Project>
            """;
        Assert.Equal(["Npgsql 8.0.11 → 8.0.12", "added Polly 8.4.0"], Diff("Directory.Packages.props", props, props.Replace("8.0.11", "8.0.12").Replace("<PackageVersion Include=\"xunit\"", "<PackageVersion Include=\"Polly\" Version=\"8.4.0\" />\n    <PackageVersion Include=\"xunit\"")));

        var project = """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Serilog"><Version>3.1.1</Version></PackageReference></ItemGroup></Project>""";
        Assert.Equal(["removed Serilog 3.1.1", "added Serilog.Sinks.Console (no version)"], Diff("src/App/App.csproj", project, project.Replace("<PackageReference Include=\"Serilog\"><Version>3.1.1</Version></PackageReference>", "<PackageReference Include=\"Serilog.Sinks.Console\" />")));
    }

    [Fact]
    public void A_project_change_without_package_change_names_nothing()
    {
        var project = """<Project><ItemGroup><PackageReference Include="A" Version="1.0.0" /></ItemGroup></Project>""";
        Assert.Empty(Diff("A.csproj", project, project.Replace("<ItemGroup>", "<ItemGroup><Compile Include=\"X.cs\" />")));
    }

    [Fact]
    public void Malformed_xml_is_unreadable_not_a_crash()
    {
        var changes = DependencyFormats.Diff(Modified("A.csproj", "<Project>", "<Project></Project>"), out var unreadable);
        Assert.True(unreadable);
        Assert.Empty(changes!);
    }

    [Fact]
    public void Npm_manifest_and_lock_files()
    {
        Assert.Equal(
            ["react 18.3.1 → 18.3.2", "added vitest (devDependencies) 2.1.8"],
            Diff("web/package.json", """{ "dependencies": { "react": "18.3.1" } }""", """{ "dependencies": { "react": "18.3.2" }, "devDependencies": { "vitest": "2.1.8" } }"""));
        Assert.Equal(
            ["@scope/x 1.0.0 → 1.0.1"],
            Diff("package-lock.json", """{ "packages": { "": {}, "node_modules/@scope/x": { "version": "1.0.0" } } }""", """{ "packages": { "": {}, "node_modules/@scope/x": { "version": "1.0.1" } } }"""));
        Assert.Equal(
            ["lodash 4.17.20 → 4.17.21"],
            Diff("yarn.lock", "lodash@^4.17.0:\n  version \"4.17.20\"\n", "lodash@^4.17.0:\n  version \"4.17.21\"\n"));
        Assert.Equal(
            ["left-pad 1.3.0 → 1.3.1"],
            Diff("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  left-pad@1.3.0:\n    resolution: {}\n", "lockfileVersion: '9.0'\npackages:\n  left-pad@1.3.1:\n    resolution: {}\n"));
    }

    [Fact]
    public void Go_python_jvm_and_other_ecosystems()
    {
        Assert.Equal(["github.com/lib/pq v1.10.8 → v1.10.9"], Diff("go.mod", "module x\n\nrequire (\n\tgithub.com/lib/pq v1.10.8\n)\n", "module x\n\nrequire (\n\tgithub.com/lib/pq v1.10.9 // indirect\n)\n"));
        Assert.Equal(["github.com/lib/pq v1.10.8 → v1.10.9"], Diff("go.sum", "github.com/lib/pq v1.10.8 h1:x=\n", "github.com/lib/pq v1.10.9 h1:y=\n"));
        Assert.Equal(["django ==4.2.1 → ==4.2.2", "added requests >=2.31"], Diff("requirements-prod.txt", "Django==4.2.1  # web\n", "Django==4.2.2\nrequests>=2.31\n"));
        Assert.Equal(["httpx >=0.25 → >=0.27"], Diff("pyproject.toml", "[project]\ndependencies = [\n  \"httpx>=0.25\",\n]\n", "[project]\ndependencies = [\n  \"httpx>=0.27\",\n]\n"));
        Assert.Equal(["org.postgresql:postgresql 42.7.1 → 42.7.2"], Diff("pom.xml", Pom("42.7.1"), Pom("42.7.2")));
        Assert.Equal(["com.squareup.okhttp3:okhttp 4.12.0 → 5.0.0"], Diff("build.gradle.kts", "implementation(\"com.squareup.okhttp3:okhttp:4.12.0\")\n", "implementation(\"com.squareup.okhttp3:okhttp:5.0.0\")\n"));
        Assert.Equal(["serde 1.0.1 → 1.0.2"], Diff("Cargo.lock", "[[package]]\nname = \"serde\"\nversion = \"1.0.1\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n", "[[package]]\nname = \"serde\"\nversion = \"1.0.2\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n"));
        Assert.Equal(["rack 3.0.8 → 3.0.9"], Diff("Gemfile.lock", "GEM\n  specs:\n    rack (3.0.8)\n", "GEM\n  specs:\n    rack (3.0.9)\n"));
        Assert.Equal(["Newtonsoft.Json 13.0.1 → 13.0.3"], Diff("packages.lock.json", NuGetLock("13.0.1"), NuGetLock("13.0.3")));
    }

    [Fact]
    public void Other_files_are_not_manifests()
    {
        Assert.Null(DependencyFormats.Diff(Modified("src/App.cs", "a\n", "b\n"), out _));
        Assert.Null(DependencyFormats.For("docs/package.md"));
    }

    private static string Pom(string version) =>
        $"<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>{version}</version></dependency></dependencies></project>";

    private static string NuGetLock(string version) =>
        $$"""{ "version": 1, "dependencies": { "net8.0": { "Newtonsoft.Json": { "type": "Direct", "resolved": "{{version}}" } } } }""";
}
