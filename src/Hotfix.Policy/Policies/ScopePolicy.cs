namespace Hotfix.Policy.Policies;

/// <summary>
/// MUST_CHECK "Is the change scoped tightly to the incident? (no unrelated changes bundled)": how large a hotfix may be
/// per severity, and which files are counted apart because nobody reviews them line by line.
/// </summary>
public sealed class ScopePolicy
{
    /// <summary>
    /// Largest change per severity (SEV1 … SEV4): changed files and changed lines (added + deleted) of reviewed files.
    /// Sized for the review each severity gets: SEV1 is reviewed in 15 minutes, SEV2 in 30 (docs/policy.md explains).
    /// </summary>
    public IReadOnlyDictionary<string, ScopeBudget> Budgets { get; init; } = new Dictionary<string, ScopeBudget>
    {
        ["SEV1"] = new() { Files = 5, Lines = 100 },
        ["SEV2"] = new() { Files = 10, Lines = 200 },
        ["SEV3"] = new() { Files = 25, Lines = 500 },
        ["SEV4"] = new() { Files = 25, Lines = 500 },
    };

    /// <summary>
    /// Generated files: counted apart, never against the budget (also .gitattributes linguist-generated). Migration
    /// tools write a schema dump beside each migration (drizzle-kit's 1,000–3,500-line snapshots, Rails' schema.rb);
    /// the reviewer reads the migration, not the dump, so a hotfix with one migration must not fail its size budget.
    /// </summary>
    public IReadOnlyList<string> Generated { get; init; } =
    [
        "*.g.cs", "*.g.i.cs", "*.generated.cs", "*.Generated.cs", "*.Designer.cs", "*.designer.cs", "*ModelSnapshot.cs",
        "**/CompiledModels/**", "*.pb.go", "*_pb2.py", "*_pb2_grpc.py", "*_pb2.pyi", "*_pb2_grpc.pyi", "*.min.js", "*.min.css", "*.map", "*.snap", "dist/",
        "**/dist/**", "**/generated/**", "**/__generated__/**", "**/meta/*_snapshot.json", "**/meta/_journal.json",
        "**/db/schema.rb", "**/db/structure.sql", "zz_generated*.go", "*.pb.gw.go",
    ];

    /// <summary>Third-party code checked into the repository: counted apart (also .gitattributes linguist-vendored).</summary>
    public IReadOnlyList<string> Vendored { get; init; } =
    [
        "vendor/", "**/vendor/**", "third_party/", "**/third_party/**", "**/node_modules/**", "**/wwwroot/lib/**",
    ];

    /// <summary>
    /// Lock files written by package managers: counted apart; their package changes are named by HF1103. Gradle writes
    /// one <c>*.lockfile</c> per locked configuration set (<c>gradle.lockfile</c>, <c>buildscript-gradle.lockfile</c>) and
    /// its dependency verification checksums (<c>gradle/verification-metadata.xml</c>) on every version bump.
    /// </summary>
    public IReadOnlyList<string> LockFiles { get; init; } =
    [
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "packages.lock.json", "go.sum",
        "poetry.lock", "Pipfile.lock", "uv.lock", "Cargo.lock", "composer.lock", "Gemfile.lock", "paket.lock", "bun.lock", "bun.lockb",
        "pubspec.lock", "Podfile.lock", "mix.lock", "*.lockfile", "**/gradle/verification-metadata.xml", "Package.resolved", "flake.lock",
        ".terraform.lock.hcl", "deno.lock", "go.work.sum", "pdm.lock", "pixi.lock", "Cartfile.resolved",
    ];

    /// <summary>
    /// Tests: read by the reviewer but counted apart, so the regression test the runbook asks for never pushes a fix
    /// over its budget (a 30-line fix with its 120-line test is a 30-line hotfix). Test folders and the file-name
    /// conventions of each ecosystem; not <c>*Test.cs</c> or <c>*Test.java</c> alone, which production code uses too
    /// (<c>ABTest.cs</c>) — .NET and Maven tests live in test folders and projects, which are listed.
    /// </summary>
    public IReadOnlyList<string> Tests { get; init; } =
    [
        "**/{test,tests,Test,Tests,__tests__,spec,specs,testdata,e2e,cypress,playwright}/**", "**/*{.Tests,.Test,.UnitTests,.IntegrationTests,.FunctionalTests,.Specs}/**",
        "**/src/{androidTest,integrationTest,testFixtures}/**", "*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}", "*_test.go", "test_*.py",
        "*_test.py", "tests.py", "conftest.py", "*_{spec,test}.rb", "*_test.dart", "*Tests.cs",
    ];

    /// <summary>The budget for a severity; a severity the policy leaves out has no budget.</summary>
    public ScopeBudget? BudgetFor(IncidentSeverity severity) =>
        Budgets.TryGetValue(IncidentSeverities.Name(severity), out var budget) ? budget : null;
}

/// <summary>The size limit of one severity.</summary>
public sealed class ScopeBudget
{
    /// <summary>Most changed files that count against the budget.</summary>
    public int Files { get; init; }

    /// <summary>Most changed lines (added + deleted) in those files.</summary>
    public int Lines { get; init; }
}
