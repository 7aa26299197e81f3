using System.Text.Json;
using System.Text.RegularExpressions;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix check</c> end to end on real repositories: git adapter → core rule → every report format.</summary>
public class CheckCommandTests
{
    private static TestRepository RepoOn(string branch)
    {
        var repo = TestRepository.Create();
        // Without a back-merge target HF0102 warns that it checked only part.
        repo.Git("branch", "develop");
        repo.Switch(branch, create: true);
        repo.Commit("Work", ("src/Orders/Order.cs", "class Order {}\n"));
        return repo;
    }

    [Fact]
    public void A_valid_hotfix_branch_passes()
    {
        using var repo = RepoOn("hotfix/INC-2026-0042-fix-rounding");
        var result = CliRun.Run(repo.Path, "check");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Result: 0 errors, 0 warnings, 0 info — no findings", result.Out);
        Assert.Contains("Incident: INC-2026-0042", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void A_wrong_branch_name_blocks_with_HF0101()
    {
        using var repo = RepoOn("feature/x");
        var result = CliRun.Run(repo.Path, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HF0101", result.Out);
        Assert.Contains("'feature/x' is not a valid hotfix branch name", result.Out);
    }

    [Fact]
    public void Sarif_for_a_feature_branch_is_a_valid_log_with_an_HF0101_result()
    {
        using var repo = RepoOn("feature/x");
        var result = CliRun.Run(repo.Path, "check", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        var log = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var run = log.GetProperty("runs")[0];
        Assert.Equal("hotfix", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var sarifResult = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("HF0101", sarifResult.GetProperty("ruleId").GetString());
        Assert.Equal("error", sarifResult.GetProperty("level").GetString());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[sarifResult.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("HF0101", rule.GetProperty("id").GetString());
        Assert.EndsWith("docs/rules/HF0101.md", rule.GetProperty("helpUri").GetString());
        Assert.Equal(new Uri(repo.Path + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());

        // GitHub code scanning rejects the whole upload when one result has no file ("expected artifact location"):
        // a finding about the branch is shown on the first file the hotfix changed, and says which branch it is about.
        AssertEveryResultOnAFileOf(repo, run);
        Assert.Equal("src/Orders/Order.cs", ArtifactUri(sarifResult));
        Assert.Equal("feature/x", sarifResult.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("name").GetString());
        Assert.EndsWith("(About branch 'feature/x' as a whole; shown on src/Orders/Order.cs.)", sarifResult.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Sarif_shows_findings_about_the_branch_on_its_policy_file_when_it_has_one()
    {
        using var repo = RepoOn("feature/x");
        repo.Commit("Policy", ("hotfix.json", """{ "scope": { "budgets": { "SEV1": { "files": 1, "lines": 1 }, "SEV2": { "files": 1, "lines": 1 }, "SEV3": { "files": 1, "lines": 1 }, "SEV4": { "files": 1, "lines": 1 } } } }"""), ("src/Orders/Big.cs", "class Big {}\nclass Bigger {}\n"));
        var result = CliRun.Run(repo.Path, "check", "--format", "sarif");

        var run = JsonDocument.Parse(result.Out).RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "HF1101");
        Assert.All(results.Where(r => r.GetProperty("ruleId").GetString() is "HF0101" or "HF1101"), r => Assert.Equal("hotfix.json", ArtifactUri(r)));
        AssertEveryResultOnAFileOf(repo, run);
    }

    /// <summary>A feature branch (HF0101 is about the branch) of a repository whose main has hotfix.json and ci/hotfix-policy.json.</summary>
    private static TestRepository RepoWithTwoPolicies()
    {
        var repo = TestRepository.Create();
        repo.Commit("Policies", ("hotfix.json", "{}\n"), ("ci/hotfix-policy.json", "{}\n"));
        repo.Git("branch", "develop");
        repo.Switch("feature/x", create: true);
        repo.Commit("Work", ("src/Orders/Order.cs", "class Order {}\n"));
        return repo;
    }

    [Theory]
    [InlineData("", "ci/hotfix-policy.json")]
    [InlineData("ci", "hotfix-policy.json")]
    public void Sarif_shows_findings_about_the_branch_on_the_policy_file_given_with_policy(string directory, string policyOption)
    {
        using var repo = RepoWithTwoPolicies();
        var result = CliRun.Run(Path.Combine(repo.Path, directory), "check", "--format", "sarif", "--policy", policyOption);

        var run = JsonDocument.Parse(result.Out).RootElement.GetProperty("runs")[0];
        var hf0101 = Assert.Single(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "HF0101");
        Assert.Equal("ci/hotfix-policy.json", ArtifactUri(hf0101));
        Assert.EndsWith("shown on ci/hotfix-policy.json.)", hf0101.GetProperty("message").GetProperty("text").GetString());
        AssertEveryResultOnAFileOf(repo, run);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sarif_shows_findings_about_the_branch_on_a_changed_file_when_the_policy_given_is_not_in_the_commit(bool insideTheWorkingTree)
    {
        // Outside the repository, or in its working tree but not committed: the commit's hotfix.json was not what the
        // check read, so it is not where the finding is shown either.
        using var repo = RepoWithTwoPolicies();
        using var outside = new TempDirectory();
        var policy = insideTheWorkingTree ? Path.Combine(repo.Path, "local-policy.json") : outside.Combine("policy.json");
        File.WriteAllText(policy, "{}\n");
        var result = CliRun.Run(repo.Path, "check", "--format", "sarif", "--policy", policy);

        var run = JsonDocument.Parse(result.Out).RootElement.GetProperty("runs")[0];
        var hf0101 = Assert.Single(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "HF0101");
        Assert.Equal("src/Orders/Order.cs", ArtifactUri(hf0101));
        AssertEveryResultOnAFileOf(repo, run);
    }

    /// <summary>What GitHub's SARIF ingestion requires of each result: a location with a relative artifact URI — here also one of the commit's files.</summary>
    private static void AssertEveryResultOnAFileOf(TestRepository repo, JsonElement run)
    {
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var uri = ArtifactUri(r);
            Assert.False(string.IsNullOrEmpty(uri), $"{r.GetProperty("ruleId").GetString()} has no physicalLocation.artifactLocation.uri");
            Assert.True(repo.TryGit("cat-file", "-e", "HEAD:" + Uri.UnescapeDataString(uri!)).ExitCode == 0, $"{uri} is not a file of HEAD");
            Assert.True(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }
    }

    private static string? ArtifactUri(JsonElement result) =>
        result.GetProperty("locations")[0].TryGetProperty("physicalLocation", out var physical)
            ? physical.GetProperty("artifactLocation").GetProperty("uri").GetString()
            : null;

    [Fact]
    public void Json_names_the_branch_and_its_commit()
    {
        using var repo = RepoOn("hotfix/INC-2026-0042-fix-rounding");
        var result = CliRun.Run(repo.Path, "check", "-f", "json");
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Empty(root.GetProperty("findings").EnumerateArray());
        var branch = root.GetProperty("branch");
        Assert.Equal("hotfix/INC-2026-0042-fix-rounding", branch.GetProperty("name").GetString());
        Assert.Equal("INC-2026-0042", branch.GetProperty("incidentId").GetString());
        Assert.Equal(repo.Git("rev-parse", "HEAD"), branch.GetProperty("headCommit").GetString());
    }

    [Fact]
    public void Github_format_writes_annotations_and_the_step_summary()
    {
        using var repo = RepoOn("feature/x");
        var summary = Path.Combine(repo.Path, "..", "summary.md");
        var result = CliRun.Run(repo.Path, new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "check", "--format", "github");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(new Regex(@"^::error title=HF0101 Hotfix branch name::'feature/x' is not a valid hotfix branch name", RegexOptions.Multiline), result.Out);
        Assert.StartsWith("## ❌ Hotfix check: `feature/x`", File.ReadAllText(summary));
    }

    [Fact]
    public void Markdown_format_is_a_pr_comment()
    {
        using var repo = RepoOn("feature/x");
        var result = CliRun.Run(repo.Path, "check", "--format", "markdown");
        Assert.StartsWith("## ❌ Hotfix check", result.Out);
        Assert.Contains("| ❌ error | [HF0101](", result.Out);
    }

    [Fact]
    public void Markdown_locations_keep_pipes_and_backticks_of_file_names_in_their_cell()
    {
        using var repo = FlywayHotfix(("db/migration/V2__a|b.sql", "DROP TABLE t;\n"), ("db/migration/V3__x`y.sql", "ALTER TABLE t DROP COLUMN c;\n"));
        var result = CliRun.Run(repo.Path, "check", "--format", "markdown");

        var rows = result.Out.Split('\n').Where(l => l.StartsWith("| ❌", StringComparison.Ordinal) || l.StartsWith("| ⚠️", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);

        // GFM splits a row on every | not escaped as \|, code spans included: four columns means five such pipes.
        Assert.All(rows, row => Assert.Equal(5, Regex.Matches(row, @"(?<!\\)\|").Count));
        Assert.Contains(rows, row => row.Contains(" | `db/migration/V2__a\\|b.sql:1` | ", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains(" | `` db/migration/V3__x`y.sql:1 `` | ", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_of_sixty_destructive_migrations_fits_in_a_pull_request_comment()
    {
        using var repo = FlywayHotfix(Enumerable.Range(2, 60).Select(i => ($"db/migration/V{i}__drop_t{i}.sql", (string?)$"DROP TABLE t{i};\n")).ToArray());
        var markdown = CliRun.Run(repo.Path, "check", "--format", "markdown").Out;
        var findings = JsonDocument.Parse(CliRun.Run(repo.Path, "check", "--format", "json").Out).RootElement.GetProperty("findings").GetArrayLength();

        Assert.True(markdown.Length < 65_536, $"the comment is {markdown.Length} characters; GitHub refuses more than 65,536");
        var rows = markdown.Split('\n').Where(l => Regex.IsMatch(l, "^\\| (❌|⚠️|ℹ️) ")).ToList();
        var left = Regex.Match(markdown, @"\| … \| \| \| (\d+) more findings \(\d+ errors?, \d+ warnings?, \d+ info\) — the full list: --format json or sarif \|");
        Assert.True(left.Success, markdown);
        Assert.Equal(findings, rows.Count + int.Parse(left.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        // Errors first: no shown row is less severe than one after it.
        var ranks = rows.Select(r => r.StartsWith("| ❌", StringComparison.Ordinal) ? 2 : r.StartsWith("| ⚠️", StringComparison.Ordinal) ? 1 : 0).ToList();
        Assert.Equal(ranks.OrderByDescending(r => r), ranks);
        Assert.Equal(2, ranks[0]);
        Assert.Contains("<sub>hotfix", markdown, StringComparison.Ordinal);
    }

    /// <summary>A Flyway project whose hotfix branch adds <paramref name="migrations"/> (the auditor's mkrepo4/mkrepo6 shape).</summary>
    private static TestRepository FlywayHotfix(params (string Path, string? Content)[] migrations)
    {
        var repo = TestRepository.Create();
        repo.Commit("Schema", ("db/migration/V1__init.sql", "CREATE TABLE t (id int, c int);\n"));
        repo.Git("branch", "develop");
        repo.Switch("hotfix/INC-2026-0044-pipes", create: true);
        repo.Commit("Migrations", migrations);
        return repo;
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        using var repo = RepoOn("feature/x");
        var result = CliRun.Run(repo.Path, "check", "--format", "sarif", "--output-file", "../hotfix.sarif");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sarif report written to ../hotfix.sarif", result.Out);
        var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo.Path, "..", "hotfix.sarif"))).RootElement;
        Assert.Equal("HF0101", log.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public void Branch_option_checks_another_branch_from_a_detached_head()
    {
        using var repo = RepoOn("hotfix/INC-2026-0042-fix-rounding");
        repo.Git("checkout", "--quiet", "--detach");
        var result = CliRun.Run(repo.Path, "check", "--branch", "hotfix/INC-2026-0042-fix-rounding");
        Assert.True(result.ExitCode == 0, result.ToString());

        var missing = CliRun.Run(repo.Path, "check", "--branch", "hotfix/INC-2026-0043-nope");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--branch 'hotfix/INC-2026-0043-nope': no local branch or origin/hotfix/INC-2026-0043-nope exists", missing.Error);
    }

    [Fact]
    public void The_repository_policy_applies()
    {
        using var repo = RepoOn("feature/x");
        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), """{ "rules": { "HF0101": "warning" } }""");
        var result = CliRun.Run(repo.Path, "check");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning HF0101", result.Out);
    }

    [Fact]
    public void Repo_option_points_at_another_folder()
    {
        using var repo = RepoOn("feature/x");
        var result = CliRun.Run("/", "check", "--repo", repo.Path);
        Assert.Equal(1, result.ExitCode);
    }
}
