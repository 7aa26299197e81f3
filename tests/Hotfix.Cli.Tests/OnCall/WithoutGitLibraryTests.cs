using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>
/// decide and status need no git history, so they never load libgit2: the working tree and its branch are found by
/// reading files (GitWorkingTrees), and no LibGit2Sharp type is on their path without --repo. Proven with the CLI's
/// own build copied without the native git library — as a native binary copied alone would be.
/// </summary>
public sealed class WithoutGitLibraryTests : IDisposable
{
    private readonly TempDirectory install = new();

    public WithoutGitLibraryTests()
    {
        // The CLI with its managed assemblies but no runtimes/*/native/libgit2-*.
        var build = Path.GetDirectoryName(typeof(CliApp).Assembly.Location)!;
        foreach (var file in Directory.EnumerateFiles(build).Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("hotfix.", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(install.Path, Path.GetFileName(file)));
        }
    }

    [Fact]
    public void Decide_works_inside_a_repository_without_the_git_library_while_check_says_what_is_missing()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Git("switch", "--quiet", "-c", "hotfix/INC-2026-0042-fix-rounding");

        var decide = Run(repo.Path, null, "decide", "--root-cause", "unknown", "--impact", "ongoing");
        Assert.True(decide.ExitCode == 0, decide.ToString());
        Assert.Contains("Decision: rollback", decide.StandardOutput);

        var check = Run(repo.Path, null, "check");
        Assert.True(check.ExitCode == 3, check.ToString());
        Assert.Contains("hotfix cannot load its git library", check.StandardError);
    }

    [Fact]
    public async Task Status_works_without_the_git_library()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        using var repo = HotfixRepositories.MainAndDevelop();

        var status = await Task.Run(() => Run(repo.Path, c.Kubeconfig, "status", "deployment/web", "-n", "shop"));

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("verdict: complete", status.StandardOutput);
    }

    [Fact]
    public async Task In_process_decide_and_status_work_outside_a_repository_with_policy_from_the_option()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        using var elsewhere = new TempDirectory();
        var policy = elsewhere.Combine("policy.json");
        File.WriteAllText(policy, """{ "deployment": { "rolloutTimeoutSeconds": 60 } }""");

        var decide = CliRun.Run(c.Dir.Path, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--policy", policy);
        var status = await c.RunAsync("status", "deployment/web", "-n", "shop", "--policy", policy);

        Assert.True(decide.ExitCode == 0, decide.ToString());
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("verdict: complete", status.Out);
    }

    public void Dispose() => install.Dispose();

    private ProcessResult Run(string workingDirectory, string? kubeconfig, params string[] args) =>
        ProcessRunner.Run(
            "dotnet",
            [Path.Combine(install.Path, "hotfix.dll"), .. args],
            workingDirectory,
            new Dictionary<string, string?> { ["KUBECONFIG"] = kubeconfig, ["HOME"] = install.Path, ["HOTFIX_USER"] = "alice" },
            TimeSpan.FromMinutes(2));
}
