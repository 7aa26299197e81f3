using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;
using Xunit.Abstractions;

namespace Hotfix.Kubernetes.Tests;

public class Smoke(ITestOutputHelper output)
{
    [KubectlFact]
    public async Task Kubectl_history_and_undo_work_against_the_test_server()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        using var dir = new TempDirectory();
        var kubeconfig = server.WriteKubeconfig(dir.Combine("config"), "shop");
        var history = Kubectl.Run(kubeconfig, "rollout", "history", "deployment/web", "-n", "shop");
        output.WriteLine(history.ToString());
        var undo = Kubectl.Run(kubeconfig, "rollout", "undo", "deployment/web", "-n", "shop");
        output.WriteLine(undo.ToString());
        var status = Kubectl.Run(kubeconfig, "rollout", "status", "deployment/web", "-n", "shop", "--timeout=20s");
        output.WriteLine(status.ToString());
        var history2 = Kubectl.Run(kubeconfig, "rollout", "history", "deployment/web", "-n", "shop");
        output.WriteLine(history2.ToString());
        foreach (var r in server.Requests) output.WriteLine(r + " " + r.ContentType + " " + (r.Method == "PATCH" ? r.Body : ""));
        Assert.Equal(0, undo.ExitCode);
    }
}
