using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Kubernetes.Tests;

/// <summary>
/// The adapter's own connection set-up (<see cref="KubernetesConnection"/>, the client library's without its typed
/// client) against a test API server over HTTPS: the kubeconfig's CA decides whom to trust, and credentials go along.
/// </summary>
public class ConnectionTests
{
    private static readonly WorkloadRef Web = new(WorkloadKind.Deployment, "web", "shop");

    [Fact]
    public async Task A_server_whose_certificate_the_configured_ca_vouches_for_is_trusted_and_gets_the_token()
    {
        await using var server = await KubeApiServer.StartAsync(https: true);
        server.Cluster.ThreeRevisions();
        using var controller = new KubernetesWorkloadController(Config(server, X509CertificateLoader.LoadCertificate(server.Certificate!.RawData)), "test");

        var history = await controller.GetHistoryAsync(Web, default);

        Assert.Equal(3, history.CurrentRevision);
        Assert.All(server.Requests, r => Assert.Equal("Bearer test-token", r.Authorization));
    }

    [Fact]
    public async Task A_server_whose_certificate_another_ca_would_have_to_vouch_for_is_not_trusted()
    {
        await using var server = await KubeApiServer.StartAsync(https: true);
        server.Cluster.ThreeRevisions();
        using var key = RSA.Create(2048);
        using var stranger = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var controller = new KubernetesWorkloadController(Config(server, X509CertificateLoader.LoadCertificate(stranger.RawData)), "test");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => controller.GetHistoryAsync(Web, default));

        Assert.Equal(ApiFailureKind.Unavailable, error.Kind);
        Assert.StartsWith("GET deployments/web: the API server cannot be reached (", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Every_request_names_the_kubeconfigs_tls_server_name_as_its_host_the_watch_included()
    {
        await using var server = await KubeApiServer.StartAsync();
        server.Cluster.ThreeRevisions();
        server.Cluster.Controller.Held = true;
        server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4", settle: false);
        using var controller = new KubernetesWorkloadController(
            new k8s.KubernetesClientConfiguration { Host = server.Uri.ToString(), TlsServerName = "kubernetes.shop.internal" },
            "test",
            new WatchOptions { PollInterval = TimeSpan.FromMilliseconds(50) });

        var waiting = controller.WaitForRolloutAsync(Web, TimeSpan.FromSeconds(30), wait: true, null, default);
        await server.WaitForRequestAsync(r => r.IsWatch);
        server.Cluster.Controller.Held = false;
        await waiting;
        await controller.GetHistoryAsync(Web, default);

        Assert.Contains(server.Requests, r => r.IsWatch);
        Assert.Contains(server.Requests, r => r.Path.EndsWith("/replicasets", StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.Equal("kubernetes.shop.internal", r.Host));
    }

    private static k8s.KubernetesClientConfiguration Config(KubeApiServer server, X509Certificate2 ca) =>
        new() { Host = server.Uri.ToString(), AccessToken = "test-token", SslCaCerts = [ca] };
}
