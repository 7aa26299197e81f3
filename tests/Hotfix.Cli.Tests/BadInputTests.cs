using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>Every kind of bad input gets one clear line naming the input and the expected form, exit 2, no stack trace.</summary>
public class BadInputTests
{
    private static void AssertBadInput(CliResult result, params string[] expectedText)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("hotfix: error: ", result.Error);
        foreach (var text in expectedText)
        {
            Assert.Contains(text, result.Error);
        }

        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Not_a_git_repository()
    {
        using var dir = new TempDirectory();
        AssertBadInput(CliRun.Run(dir.Path, "check"), $"current directory '{dir.Path}' is not inside a git repository", "expected a folder of a git working tree");
        AssertBadInput(CliRun.Run("/", "check", "--repo", dir.Path), $"--repo '{dir.Path}' is not inside a git repository");
    }

    [Fact]
    public void A_repository_path_that_does_not_exist()
    {
        AssertBadInput(CliRun.Run("/", "check", "--repo", "/no/such/repo"), "--repo '/no/such/repo': no such folder");
    }

    [Fact]
    public void A_bare_repository()
    {
        using var dir = new TempDirectory();
        GitCli.Run(dir.Path, "init", "--quiet", "--bare", "svc.git");
        AssertBadInput(CliRun.Run(dir.Path, "check", "--repo", "svc.git"), "--repo 'svc.git' is a bare repository", "needs a working tree");
    }

    [Fact]
    public void An_unborn_head()
    {
        using var repo = TestRepository.Create(withInitialCommit: false);
        AssertBadInput(CliRun.Run(repo.Path, "check"), "HEAD is on 'main', which has no commits yet", "expected a branch with commits");
    }

    [Fact]
    public void A_detached_head()
    {
        using var repo = TestRepository.Create();
        repo.Git("checkout", "--quiet", "--detach");
        AssertBadInput(CliRun.Run(repo.Path, "check"), "HEAD is detached at " + repo.Head[..7], "--branch NAME", "GITHUB_HEAD_REF");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("checklist")]
    [InlineData("rollback-migration")]
    public void An_empty_branch_name_as_an_unset_CI_variable_gives_it(string command)
    {
        // README: `hotfix check --format github --branch "$GITHUB_HEAD_REF"`, run by a workflow on a push, not a pull request.
        using var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        foreach (var empty in new[] { "", " " })
        {
            AssertBadInput(CliRun.Run(repo.Path, command, "--branch", empty), $"--branch '{empty}': the value is empty; expected the name of an existing branch", "GITHUB_HEAD_REF");
        }

        // Its twin, a branch that does not exist, keeps its own message.
        AssertBadInput(CliRun.Run(repo.Path, command, "--branch", "hotfix/INC-2026-0042-gone"), "--branch 'hotfix/INC-2026-0042-gone': no local branch or origin/hotfix/INC-2026-0042-gone exists");
    }

    [Fact]
    public void A_malformed_policy_file()
    {
        using var repo = TestRepository.Create();
        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), "{ \"branches\": { \"main\": main } }");
        AssertBadInput(CliRun.Run(repo.Path, "check"), "hotfix.json' is not valid (1 problem", "line 1, column 25: found malformed JSON ('m' is an invalid start of a value)");
    }

    [Fact]
    public void An_unknown_key_and_a_wrong_type_in_the_policy()
    {
        using var repo = TestRepository.Create();
        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), """{ "branches": { "mian": "master", "maxLength": "long" } }""");
        AssertBadInput(
            CliRun.Run(repo.Path, "check"),
            "(2 problems",
            "$.branches.mian: found unknown key 'mian'; expected one of backMergeTarget, main, maxLength, prefix, remote (did you mean 'main'?)",
            "$.branches.maxLength: found \"long\"; expected a whole number");
    }

    [Fact]
    public void The_policy_documentation_example_reports_what_the_documentation_shows()
    {
        // docs/policy.md promises every problem at once and shows a file and its output: they must not drift apart.
        var doc = File.ReadAllLines(SourceTree.PathOf("docs", "policy.md"));
        var promise = Array.FindIndex(doc, l => l.StartsWith("- Every problem is reported at once", StringComparison.Ordinal));
        Assert.True(promise >= 0, "docs/policy.md no longer makes the promise this test checks");
        var fences = Enumerable.Range(promise, doc.Length - promise).Where(i => doc[i].Trim().StartsWith("```", StringComparison.Ordinal)).Take(4).ToArray();
        string Block(int open) => string.Concat(doc[(fences[open] + 1)..fences[open + 1]].Select(l => l.Trim() + "\n"));

        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("hotfix.json"), Block(0));
        var result = CliRun.Run(dir.Path, "policy", "validate", "hotfix.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(Block(2), string.Concat(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim() + "\n")));
    }

    [Fact]
    public void A_key_given_twice_and_a_wrong_type_after_it_are_reported_in_one_run()
    {
        using var repo = TestRepository.Create();
        File.WriteAllText(
            Path.Combine(repo.Path, "hotfix.json"),
            "{\n  \"review\": { \"followUpDays\": 5, \"followUpDays\": 3 },\n  \"branches\": { \"maxLength\": \"long\" }\n}\n");
        AssertBadInput(
            CliRun.Run(repo.Path, "check"),
            "(2 problems",
            "$.review.followUpDays (line 2): found the key a second time (first on line 2); expected each key once in an object (the other checks read its last value)",
            "$.branches.maxLength: found \"long\"");
    }

    [Fact]
    public void A_typo_and_values_out_of_range_are_all_reported()
    {
        using var repo = TestRepository.Create();
        File.WriteAllText(
            Path.Combine(repo.Path, "hotfix.json"),
            """{ "branches": { "mian": "main", "maxLength": 500 }, "review": { "followUpDays": 8, "approvers": [] }, "tests": { "mandatory": ["regression"] } }""");
        AssertBadInput(
            CliRun.Run(repo.Path, "check"),
            "(5 problems",
            "$.branches.mian: found unknown key 'mian'",
            "$.branches.maxLength: found 500",
            "$.review.followUpDays: found 8",
            "$.review.approvers: found []",
            "$.tests.mandatory: found [\"regression\"]");
    }

    [Fact]
    public void A_policy_option_naming_a_missing_file()
    {
        using var repo = TestRepository.Create();
        AssertBadInput(CliRun.Run(repo.Path, "check", "--policy", "nope.json"), "--policy 'nope.json': no such file");
    }

    [Fact]
    public void A_repository_path_that_is_a_file()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("afile.txt"), "x");
        AssertBadInput(CliRun.Run(dir.Path, "check", "--repo", "afile.txt"), "--repo 'afile.txt': is a file; expected the folder of a git working tree");
    }

    [Fact]
    public void An_empty_policy_option()
    {
        using var repo = TestRepository.Create();
        AssertBadInput(CliRun.Run(repo.Path, "check", "--policy", ""), "--policy '': the value is empty; expected the path of a policy file");
        AssertBadInput(CliRun.Run(repo.Path, "policy", "show", "--policy", ""), "--policy '': the value is empty");
    }

    [Fact]
    public void A_policy_file_argument_is_named_as_the_argument_not_as_the_option()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("pdir"));
        AssertBadInput(CliRun.Run(dir.Path, "policy", "validate", "pdir"), "hotfix: error: file 'pdir': is a directory; expected a policy file");
        AssertBadInput(CliRun.Run(dir.Path, "policy", "validate", "--policy", "pdir"), "hotfix: error: --policy 'pdir': is a directory");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_policy_file_saved_as_utf16_with_a_byte_order_mark_is_read(string encoding)
    {
        using var dir = new TempDirectory();
        var text = System.Text.Encoding.GetEncoding(encoding);
        File.WriteAllBytes(dir.Combine("hotfix.json"), [.. text.GetPreamble(), .. text.GetBytes("""{ "review": { "followUpDays": 3 } }""")]);

        var show = CliRun.Run(dir.Path, "policy", "show", "--policy", "hotfix.json");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("\"followUpDays\": 3", show.Out);
    }

    [Fact]
    public void An_unknown_format()
    {
        using var repo = TestRepository.Create();
        var result = CliRun.Run(repo.Path, "check", "--format", "xml");
        AssertBadInput(result, "--format 'xml': expected one of text, json, markdown, sarif, github.");
        Assert.Contains("Run 'hotfix check --help' for usage.", result.Error);
    }

    [Fact]
    public void An_invalid_severity()
    {
        using var repo = TestRepository.Create();
        AssertBadInput(CliRun.Run(repo.Path, "check", "--severity", "high"), "--severity 'high': expected one of SEV1, SEV2, SEV3, SEV4.");
    }

    [Fact]
    public void An_unknown_command()
    {
        var result = CliRun.Run("/", "deploy");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("hotfix: error:", result.Error);
    }

    [Fact]
    public void Verbose_adds_the_technical_details()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "check", "--verbose");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("HotfixInputException", result.Error);
    }
}
