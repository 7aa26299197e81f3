using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary>A test API server, a kubeconfig pointing at it, and a folder to run the CLI in (with its own HOME).</summary>
internal sealed class ClusterFixture : IAsyncDisposable
{
    private ClusterFixture(KubeApiServer server, TempDirectory dir)
    {
        Server = server;
        Dir = dir;
        Kubeconfig = server.WriteKubeconfig(dir.Combine("kubeconfig"), "shop");
        RecordDir = dir.Combine("records");
    }

    public KubeApiServer Server { get; }

    public TempDirectory Dir { get; }

    public string Kubeconfig { get; }

    public string RecordDir { get; }

    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["KUBECONFIG"] = Kubeconfig,
        ["HOME"] = Dir.Path,
        ["USER"] = "alice",
    };

    public static async Task<ClusterFixture> StartAsync() => new(await KubeApiServer.StartAsync(), FileRecords.Workspace());

    /// <summary>The same over HTTPS (self-signed; kubeconfigs must skip verification), for tests of credentials.</summary>
    public static async Task<ClusterFixture> StartHttpsAsync() => new(await KubeApiServer.StartAsync(https: true), FileRecords.Workspace());

    /// <summary>Runs the CLI in-process against the server (async commands run on the thread pool, as in the binary).</summary>
    public Task<CliResult> RunAsync(params string[] args) => Task.Run(() => CliRun.Run(Dir.Path, Variables, args));

    public IReadOnlyList<string> RecordLines(string file = "no-incident.jsonl")
    {
        var path = Path.Combine(RecordDir, file);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
