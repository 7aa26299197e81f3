using System.CommandLine;
using System.Text.Json;
using Hotfix.Cli.Infrastructure;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary><c>-o</c> means the output format on every command, as in kubectl; the old <c>check -o FILE</c> still works for a release.</summary>
public class OutputOptionTests
{
    [Fact]
    public async Task History_status_and_rollback_dry_run_take_o_json_as_kubectl_users_type_it()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        foreach (var args in new[] { new[] { "history", "deployment/web", "-n", "shop", "-o", "json" }, ["status", "deployment/web", "-n", "shop", "-o", "json"], ["rollback", "deployment/web", "-n", "shop", "--dry-run", "--output=json"] })
        {
            var result = await c.RunAsync(args);

            Assert.True(result.ExitCode == 0, string.Join(' ', args) + "\n" + result);
            Assert.Equal("shop", JsonDocument.Parse(result.Out).RootElement.GetProperty("workload").GetProperty("namespace").GetString());
        }
    }

    [Fact]
    public void Decide_takes_o_json()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "decide", "--root-cause", "unknown", "--impact", "ongoing", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("rollback", JsonDocument.Parse(result.Out).RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public void Check_o_json_is_the_format_and_the_report_file_is_output_file()
    {
        using var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Commit("Work", ("src/Orders/Order.cs", "class Order {}\n"));

        var json = CliRun.Run(repo.Path, "check", "-o", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal("hotfix", JsonDocument.Parse(json.Out).RootElement.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(string.Empty, json.Error);

        var file = CliRun.Run(repo.Path, "check", "--format", "sarif", "--output-file", "../new.sarif");
        Assert.True(file.ExitCode == 0, file.ToString());
        Assert.Contains("sarif report written to ../new.sarif", file.Out);
        Assert.Equal(string.Empty, file.Error);
    }

    [Fact]
    public void The_old_o_FILE_on_check_still_writes_the_file_with_a_deprecation_note()
    {
        using var repo = TestRepository.Create();
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Commit("Work", ("src/Orders/Order.cs", "class Order {}\n"));

        var result = CliRun.Run(repo.Path, "check", "--format", "sarif", "-o", "../old.sarif");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("sarif report written to ../old.sarif", result.Out);
        Assert.Equal("hotfix: warning: '-o ../old.sarif' names the report file, which is deprecated: -o/--output is the output format on every command (as in kubectl: -o json); write '--output-file ../old.sarif'. The old spelling stops working in the next release.\n", result.Error);
        Assert.Equal("2.1.0", JsonDocument.Parse(File.ReadAllText(Path.Combine(repo.Path, "..", "old.sarif"))).RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Every_command_with_a_format_option_answers_to_o_and_output()
    {
        var environment = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, CurrentDirectory = "/" };
        var root = CliApp.BuildRoot(new CliOptions(), environment);
        CliConventions.Apply(root, environment);

        var withFormat = Commands(root).Where(c => c.Options.Any(o => o.Name == "--format")).ToList();
        Assert.Contains(withFormat, c => c.Name == "history");
        Assert.All(withFormat, c =>
        {
            var format = c.Options.Single(o => o.Name == "--format");
            Assert.True(format.Aliases.Contains("-o") && format.Aliases.Contains("--output"), c.Name);
        });
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);
}
