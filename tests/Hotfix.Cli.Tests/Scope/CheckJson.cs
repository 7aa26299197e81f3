using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Scope;

/// <summary><c>hotfix check --format json</c> in-process, parsed; and small readers for the report's parts.</summary>
internal static class CheckJson
{
    public const string Branch = "hotfix/INC-2026-0042-fix-order-rounding";

    public static (int Exit, JsonElement Root) Run(TestRepository repo, params string[] args)
    {
        var result = CliRun.Run(repo.Path, ["check", "--format", "json", .. args]);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        return (result.ExitCode, JsonDocument.Parse(result.Out).RootElement.Clone());
    }

    public static List<JsonElement> Findings(JsonElement root, string ruleId) =>
        root.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == ruleId).ToList();

    public static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>A repository whose main has the given files, HEAD on a new hotfix branch.</summary>
    public static TestRepository RepoWith(params (string Path, string? Content)[] files)
    {
        var repo = TestRepository.Create();
        if (files.Length > 0)
        {
            repo.Commit("Service", files);
        }

        repo.Switch(Branch, create: true);
        return repo;
    }

    public static string Numbered(string prefix, int lines) => string.Concat(Enumerable.Range(1, lines).Select(i => $"{prefix} {i};\n"));
}
