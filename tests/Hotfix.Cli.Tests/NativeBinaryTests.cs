using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>The same contract, run through the published native AOT binary.</summary>
public class NativeBinaryTests
{
    [NativeBinaryFact]
    public void Version_runs()
    {
        var result = NativeBinary.Run("/", "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput.Trim());
    }

    [NativeBinaryFact]
    public void A_binary_copied_without_its_git_library_says_so_and_exits_3()
    {
        using var repo = TestRepository.Create();
        var alone = Directory.CreateTempSubdirectory("hotfix-alone-");
        try
        {
            var copy = Path.Combine(alone.FullName, "hotfix");
            File.Copy(NativeBinary.Path!, copy);
            var environment = new Dictionary<string, string?>(GitCli.Environment) { ["NO_COLOR"] = "1" };
            var result = ProcessRunner.Run(copy, ["check", "--repo", repo.Path], repo.Path, environment);
            Assert.True(result.ExitCode == 3, result.ToString());
            Assert.Contains("cannot load its git library", result.StandardError);
            Assert.Contains("copy the whole publish folder", result.StandardError);
        }
        finally
        {
            alone.Delete(recursive: true);
        }
    }

    [NativeBinaryFact]
    public void Check_finds_HF0101_from_a_subfolder_and_writes_sarif()
    {
        using var repo = TestRepository.Create();
        repo.Switch("feature/x", create: true);
        repo.Commit("Work", ("src/Orders/Order.cs", "class Order {}\n"));
        var result = NativeBinary.Run(Path.Combine(repo.Path, "src", "Orders"), "check", "--format", "sarif");
        Assert.True(result.ExitCode == 1, result.ToString());
        var log = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal("HF0101", log.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
    }

    [NativeBinaryFact]
    public void Check_passes_a_valid_hotfix_branch_in_json()
    {
        using var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        var result = NativeBinary.Run(repo.Path, "check", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("INC-2026-0042", JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("branch").GetProperty("incidentId").GetString());
    }

    [NativeBinaryFact]
    public void Policy_validation_messages_survive_trimming()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("hotfix.json"), """{ "branches": { "mian": "x" }, "review": { "followUpDays": 9 } }""");
        var result = NativeBinary.Run(dir.Path, "policy", "validate", "hotfix.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.branches.mian: found unknown key 'mian'", result.StandardError);
        Assert.Contains("(did you mean 'main'?)", result.StandardError);
        Assert.Contains("$.review.followUpDays: found 9", result.StandardError); // every problem at once, meaning checks too
    }

    [NativeBinaryFact]
    public void Bad_input_exits_2_with_one_line()
    {
        using var dir = new TempDirectory();
        var result = NativeBinary.Run(dir.Path, "check");
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }
}
