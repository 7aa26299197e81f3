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
}
