using Hotfix.Policy.Changes.Dependencies;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Reporting;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.Scope;

public class DependencyRuleTests
{
    private static readonly ToolInfo Tool = new("hotfix", "test");

    private static List<string> Diff(string path, string before, string after) =>
        DependencyFormats.Diff(Modified(path, before, after), out _)!.Select(c => c.Describe()).ToList();

    [Fact]
    public void A_pip_compile_line_continuation_is_not_part_of_the_version()
    {
        static string Compiled(string version) => Lines(
            $"cryptography=={version} \\",
            "    --hash=sha256:0a1b2c \\",
            "    --hash=sha256:3d4e5f",
            "    # via -r requirements.in",
            "requests==2.31.0",
            "    # via -r requirements.in");
        Assert.Equal(["cryptography ==42.0.4 → ==42.0.5"], Diff("requirements.txt", Compiled("42.0.4"), Compiled("42.0.5")));
    }

    [Fact]
    public void The_projects_own_package_in_a_cargo_or_uv_lock_is_not_a_dependency()
    {
        static string Cargo(string own, string serde) => Lines(
            "version = 3", "",
            "[[package]]", "name = \"ledger\"", $"version = \"{own}\"", "dependencies = [", " \"serde\",", "]", "",
            "[[package]]", "name = \"serde\"", $"version = \"{serde}\"", "source = \"registry+https://github.com/rust-lang/crates.io-index\"", "checksum = \"abc\"");
        Assert.Equal(["serde 1.0.196 → 1.0.197"], Diff("Cargo.lock", Cargo("0.9.3", "1.0.196"), Cargo("0.9.4", "1.0.197")));

        static string Uv(string own, string httpx) => Lines(
            "version = 1", "requires-python = \">=3.12\"", "",
            "[[package]]", "name = \"httpx\"", $"version = \"{httpx}\"", "source = { registry = \"https://pypi.org/simple\" }", "",
            "[[package]]", "name = \"notifier\"", $"version = \"{own}\"", "source = { editable = \".\" }", "dependencies = [", "    { name = \"httpx\" },", "]");
        Assert.Equal(["httpx 0.27.0 → 0.27.2"], Diff("uv.lock", Uv("1.4.0", "0.27.0"), Uv("1.4.1", "0.27.2")));

        // Poetry's lock file has no root package and no source lines: every package still counts.
        var poetry = Lines("[[package]]", "name = \"httpx\"", "version = \"0.27.0\"", "description = \"\"");
        Assert.Equal(["httpx 0.27.0 → 0.27.2"], Diff("poetry.lock", poetry, poetry.Replace("0.27.0", "0.27.2", StringComparison.Ordinal)));
    }

    [Fact]
    public void HF1103_points_at_the_package_not_at_the_projects_own_version()
    {
        static string Lock(string own, string lodash) => $$"""
            {
              "name": "web",
              "version": "{{own}}",
              "lockfileVersion": 3,
              "packages": {
                "": {
                  "name": "web",
                  "version": "{{own}}"
                },
                "node_modules/lodash": {
                  "version": "{{lodash}}",
                  "integrity": "sha512-x"
                }
              }
            }

            """;
        var change = Modified("package-lock.json", Lock("2.3.0", "4.17.20"), Lock("2.3.1", "4.17.21"));
        var finding = Assert.Single(CheckRunner.Run(Context([change]), CheckModules.Core, Tool).Findings, f => f.RuleId == "HF1103");
        Assert.Contains("lodash 4.17.20 → 4.17.21", finding.Message);
        Assert.Equal(11, finding.Line);

        var pyproject = Lines("[project]", "name = \"notifier\"", "version = \"1.4.0\"", "dependencies = [", "    \"httpx>=0.27.0\",", "]");
        var bumped = pyproject.Replace("1.4.0", "1.4.1", StringComparison.Ordinal).Replace(">=0.27.0", ">=0.27.2", StringComparison.Ordinal);
        var manifest = Assert.Single(CheckRunner.Run(Context([Modified("pyproject.toml", pyproject, bumped)]), CheckModules.Core, Tool).Findings, f => f.RuleId == "HF1103");
        Assert.Equal(5, manifest.Line);
    }

    [Fact]
    public void A_requirements_folder_holds_pip_requirements()
    {
        var before = Lines("Django==4.2.10", "gunicorn==21.2.0");
        var after = Lines("Django==4.2.11", "gunicorn==21.2.0");
        Assert.Equal(["django ==4.2.10 → ==4.2.11"], Diff("requirements/base.txt", before, after));
        Assert.Equal(["django ==4.2.10 → ==4.2.11"], Diff("services/api/requirements/production.txt", before, after));
        Assert.Null(DependencyFormats.Diff(Modified("docs/base.txt", before, after), out _));
    }

    [Fact]
    public void An_msbuild_version_property_is_read_where_the_package_uses_it()
    {
        static string Props(string npgsql, string own) => $$"""
            <Project>
              <PropertyGroup>
                <Version>{{own}}</Version>
                <NpgsqlVersion>{{npgsql}}</NpgsqlVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Npgsql" Version="$(NpgsqlVersion)" />
                <PackageVersion Include="xunit" Version="2.7.0" />
              </ItemGroup>
            </Project>
            """;
        Assert.Equal(["Npgsql 8.0.2 → 8.0.3"], Diff("Directory.Packages.props", Props("8.0.2", "2.14.0"), Props("8.0.3", "2.14.0")));

        // The project's own version is a property too, but no package reads it.
        Assert.Empty(Diff("Directory.Packages.props", Props("8.0.2", "2.14.0"), Props("8.0.2", "2.14.1")));
    }

    [Fact]
    public void A_maven_parent_and_version_properties_are_package_changes()
    {
        static string Pom(string parent, string log4j, string resilience, string own) => $$"""
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
                <version>{{parent}}</version>
              </parent>
              <groupId>com.acme</groupId>
              <artifactId>payments-api</artifactId>
              <version>{{own}}</version>
              <properties>
                <log4j2.version>{{log4j}}</log4j2.version>
                <resilience4j.version>{{resilience}}</resilience4j.version>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>io.github.resilience4j</groupId>
                  <artifactId>resilience4j-spring-boot3</artifactId>
                  <version>${resilience4j.version}</version>
                </dependency>
              </dependencies>
            </project>
            """;
        var before = Pom("3.2.4", "2.21.1", "2.1.0", "3.8.0");
        Assert.Equal(
            ["${log4j2.version} 2.21.1 → 2.23.1", "org.springframework.boot:spring-boot-starter-parent 3.2.4 → 3.2.5"],
            Diff("pom.xml", before, Pom("3.2.5", "2.23.1", "2.1.0", "3.8.0")));
        Assert.Equal(["io.github.resilience4j:resilience4j-spring-boot3 2.1.0 → 2.2.0"], Diff("pom.xml", before, Pom("3.2.4", "2.21.1", "2.2.0", "3.8.0")));
        Assert.Empty(Diff("pom.xml", before, Pom("3.2.4", "2.21.1", "2.1.0", "3.8.1")));
    }

    [Fact]
    public void Gradle_catalogs_platforms_and_lock_files_name_their_packages()
    {
        static string Catalog(string netty) => Lines(
            "[versions]", $"netty = \"{netty}\"", "kotlin = \"1.9.23\"",
            "[libraries]", "netty-codec-http2 = { module = \"io.netty:netty-codec-http2\", version.ref = \"netty\" }",
            "jackson-kotlin = { module = \"com.fasterxml.jackson.module:jackson-module-kotlin\" }",
            "okhttp = \"com.squareup.okhttp3:okhttp:4.12.0\"",
            "[plugins]", "kotlin-jvm = { id = \"org.jetbrains.kotlin.jvm\", version.ref = \"kotlin\" }");
        Assert.Equal(["io.netty:netty-codec-http2 4.1.107.Final → 4.1.108.Final"], Diff("gradle/libs.versions.toml", Catalog("4.1.107.Final"), Catalog("4.1.108.Final")));
        Assert.Empty(Diff("gradle/libs.versions.toml", Catalog("4.1.107.Final"), Catalog("4.1.107.Final").Replace("[plugins]", "# plugins\n[plugins]", StringComparison.Ordinal)));

        var build = "dependencies {\n    implementation(platform(\"software.amazon.awssdk:bom:2.25.10\"))\n    implementation(\"software.amazon.awssdk:s3\")\n}\n";
        Assert.Equal(["software.amazon.awssdk:bom 2.25.10 → 2.25.11"], Diff("build.gradle.kts", build, build.Replace("2.25.10", "2.25.11", StringComparison.Ordinal)));

        var locked = Lines("# This is a Gradle generated file for dependency locking.", "io.netty:netty-codec-http2:4.1.107.Final=compileClasspath,runtimeClasspath", "empty=annotationProcessor");
        Assert.Equal(["io.netty:netty-codec-http2 4.1.107.Final → 4.1.108.Final"], Diff("gradle.lockfile", locked, locked.Replace("107", "108", StringComparison.Ordinal)));
    }
}
