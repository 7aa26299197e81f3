using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

public class PolicyAndMetaCommandTests
{
    [Fact]
    public void Policy_show_prints_the_effective_policy_as_json()
    {
        using var repo = TestRepository.Create();
        File.WriteAllText(Path.Combine(repo.Path, "hotfix.json"), """{ "branches": { "main": "master" } }""");
        var result = CliRun.Run(repo.Path, "policy", "show");
        Assert.Equal(0, result.ExitCode);
        var policy = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("master", policy.GetProperty("branches").GetProperty("main").GetString());
        Assert.Equal("develop", policy.GetProperty("branches").GetProperty("backMergeTarget").GetString());
        Assert.Equal(15, policy.GetProperty("review").GetProperty("severities").GetProperty("SEV1").GetProperty("timeboxMinutes").GetInt32());
        Assert.Contains("hotfix.json", result.Error);
    }

    [Fact]
    public void Policy_show_works_outside_a_repository_with_the_runbook_defaults()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "policy", "show");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("main", JsonDocument.Parse(result.Out).RootElement.GetProperty("branches").GetProperty("main").GetString());
        Assert.Contains("built-in runbook defaults", result.Error);
    }

    [Fact]
    public void Policy_validate_accepts_the_sample_company_policy()
    {
        var result = CliRun.Run(SourceTree.Root, "policy", "validate", "samples/policies/hotfix.json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("samples/policies/hotfix.json: valid\n", result.Out.Replace("\r", string.Empty));
    }

    [Fact]
    public void Policy_validate_lists_every_problem_and_exits_2()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("p.json"), """{ "review": { "followUpDays": 10 }, "rules": { "HF9999": "off" } }""");
        var result = CliRun.Run(dir.Path, "policy", "validate", "p.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("p.json: $.review.followUpDays: found 10; expected 1 to 7 days", result.Error);
        Assert.Contains("p.json: $.rules.HF9999: found unknown rule id 'HF9999'", result.Error);
    }

    [Fact]
    public void A_component_without_paths_is_named_and_exits_2_not_as_a_bug()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("p.json"), """{ "components": [ { "name": "api" } ], "waivers": [ { "incident": "INC-2026-0001", "rule": "HF0101" } ] }""");
        var result = CliRun.Run(dir.Path, "policy", "validate", "p.json");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("p.json: $.components[0].paths: found no such key (it is required); expected at least one path glob", result.Error);
        Assert.Contains("p.json: $.waivers[0].reason: found no such key (it is required)", result.Error);
    }

    [Fact]
    public void Policy_validate_without_a_file_says_the_defaults_apply()
    {
        using var repo = TestRepository.Create();
        var result = CliRun.Run(repo.Path, "policy", "validate");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("built-in runbook defaults apply", result.Out);
    }

    [Fact]
    public void Version_prints_the_package_version()
    {
        var result = CliRun.Run("/", "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out.Trim());
    }

    [Theory]
    [InlineData("check")]
    [InlineData("policy")]
    [InlineData("start")]
    [InlineData("finish")]
    [InlineData("decide")]
    [InlineData("rollback")]
    [InlineData("audit")]
    public void Every_command_has_help(string command)
    {
        var result = CliRun.Run("/", command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out);
        Assert.Contains(command, result.Out);
    }
}
