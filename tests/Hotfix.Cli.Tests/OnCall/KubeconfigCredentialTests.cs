using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>
/// Every user entry kubectl accepts works (anonymous, token, basic, client certificates, exec plugins), checked against
/// the test API server and with kubectl as referee; a kubeconfig that is really broken is named for what is wrong.
/// </summary>
public class KubeconfigCredentialTests
{
    public static TheoryData<string, string> Accepted => new()
    {
        { "empty user entry", "users:\n- name: u\n  user: {}\n" },
        { "no user entry at all", "users: []\n" },
        { "token", "users:\n- name: u\n  user:\n    token: abc\n" },
        { "basic auth", "users:\n- name: u\n  user:\n    username: admin\n    password: secret\n" },
        { "exec plugin", "users:\n- name: u\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: sh\n      args: [\"EXEC\"]\n      interactiveMode: Never\n" },
        { "client certificate", "users:\n- name: u\n  user:\n    client-certificate-data: CERT\n    client-key-data: KEY\n" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_user_entry_kubectl_accepts_reads_the_history(string what, string users)
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var kubeconfig = Write(c, users, context: users.Contains("name: u", StringComparison.Ordinal) ? "u" : null);

        var result = await c.RunAsync("history", "deployment/web", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 0, what + "\n" + result);
        Assert.Contains("REVISION", result.Out);
        if (Kubectl.Path is not null)
        {
            // The referee: kubectl accepts the same kubeconfig against the same server.
            var kubectl = Kubectl.Run(kubeconfig, "rollout", "history", "deployment/web", "-n", "shop");
            Assert.True(kubectl.ExitCode == 0, what + ": kubectl refused it too\n" + kubectl);
        }
    }

    [Theory]
    [InlineData("tokenFile alone", "    tokenFile: token.txt\n", "Bearer from-file")]
    [InlineData("tokenFile beside a token", "    token: inline\n    tokenFile: token.txt\n", "Bearer from-file")]
    [InlineData("token alone", "    token: inline\n", "Bearer inline")]
    public async Task A_token_file_is_read_relative_to_the_kubeconfig_and_sent_as_kubectl_sends_it(string what, string user, string expected)
    {
        // HTTPS: kubectl sends a user's credentials only over TLS.
        await using var c = await ClusterFixture.StartHttpsAsync();
        c.Server.Cluster.ThreeRevisions();
        var kubeconfig = Write(c, "users:\n- name: u\n  user:\n" + user, context: "u");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(kubeconfig)!, "token.txt"), "from-file\n");

        var result = await c.RunAsync("history", "deployment/web", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 0, what + "\n" + result);
        Assert.All(c.Server.Requests, r => Assert.Equal(expected, r.Authorization));
        Assert.DoesNotContain("from-file", result.Out + result.Error);
        if (Kubectl.Path is not null)
        {
            // The referee: kubectl sends the same header for the same kubeconfig.
            c.Server.ClearRequests();
            var kubectl = Kubectl.Run(kubeconfig, "rollout", "history", "deployment/web", "-n", "shop");
            Assert.True(kubectl.ExitCode == 0, what + ": kubectl refused it\n" + kubectl);
            Assert.NotEmpty(c.Server.Requests);
            Assert.All(c.Server.Requests, r => Assert.Equal(expected, r.Authorization));
        }
    }

    [Theory]
    [InlineData("users: []\n", "ghost", "user 'ghost' was not found for context 'test'")]
    [InlineData("users:\n- name: u\n  user:\n    tokenFile: gone.txt\n", "u", "user 'u': tokenFile 'DIR/gone.txt' cannot be read")]
    public async Task A_user_entry_kubectl_refuses_is_named_before_any_request(string users, string context, string expected)
    {
        await using var c = await ClusterFixture.StartAsync();
        var kubeconfig = Write(c, users, context);

        var result = await c.RunAsync("history", "deployment/web", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected.Replace("DIR", Path.GetDirectoryName(kubeconfig), StringComparison.Ordinal), result.Error);
        Assert.DoesNotContain("cluster with a server", result.Error);
        Assert.Empty(c.Server.Requests);
        if (Kubectl.Path is not null)
        {
            Assert.NotEqual(0, Kubectl.Run(kubeconfig, "rollout", "history", "deployment/web", "-n", "shop").ExitCode);
        }
    }

    /// <summary>A token file holding only white space would send no credentials: named as bad input before any request.</summary>
    [Fact]
    public async Task An_empty_token_file_is_named_before_any_request()
    {
        await using var c = await ClusterFixture.StartHttpsAsync();
        var kubeconfig = Write(c, "users:\n- name: u\n  user:\n    tokenFile: token.txt\n", context: "u");
        var tokenFile = Path.Combine(Path.GetDirectoryName(kubeconfig)!, "token.txt");
        File.WriteAllText(tokenFile, " \n\t\n");

        var result = await c.RunAsync("history", "deployment/web", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"user 'u': tokenFile '{tokenFile}' is empty; expected a file holding a bearer token", result.Error);
        Assert.Empty(c.Server.Requests);
    }

    [Fact]
    public async Task A_cluster_without_a_server_is_named()
    {
        await using var c = await ClusterFixture.StartAsync();
        var kubeconfig = c.Dir.Combine("noserver");
        File.WriteAllText(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: k\n  cluster: {}\nusers: []\ncontexts:\n- name: test\n  context:\n    cluster: k\n    namespace: shop\ncurrent-context: test\n");

        var result = await c.RunAsync("history", "deployment/web", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("cluster 'k' (context 'test') has no server", result.Error);
    }

    [Fact]
    public async Task A_context_naming_an_unknown_cluster_is_named()
    {
        await using var c = await ClusterFixture.StartAsync();
        var kubeconfig = c.Dir.Combine("nocluster");
        File.WriteAllText(kubeconfig, "apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts:\n- name: test\n  context:\n    cluster: gone\ncurrent-context: test\n");

        var result = await c.RunAsync("history", "deployment/web", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("cluster 'gone' was not found for context 'test'", result.Error);
        if (Kubectl.Path is not null)
        {
            Assert.NotEqual(0, Kubectl.Run(kubeconfig, "rollout", "history", "deployment/web", "-n", "shop").ExitCode);
        }
    }

    private static string Write(ClusterFixture c, string users, string? context)
    {
        if (users.Contains("CERT", StringComparison.Ordinal))
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=alice", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            users = users.Replace("CERT", Base64(cert.ExportCertificatePem()), StringComparison.Ordinal)
                .Replace("KEY", Base64(key.ExportRSAPrivateKeyPem()), StringComparison.Ordinal);
        }

        if (users.Contains("EXEC", StringComparison.Ordinal))
        {
            // A credential plugin as cloud CLIs ship them: a program that prints an ExecCredential.
            var plugin = c.Dir.Combine("credential-plugin.sh");
            File.WriteAllText(plugin, "cat <<'JSON'\n{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"from-exec\"}}\nJSON\n");
            users = users.Replace("EXEC", plugin, StringComparison.Ordinal);
        }

        var path = c.Dir.Combine("kubeconfig-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: k
              cluster:
                server: {c.Server.Uri.ToString().TrimEnd('/')}
            {(c.Server.Uri.Scheme == "https" ? "    insecure-skip-tls-verify: true" : string.Empty)}
            contexts:
            - name: test
              context:
                cluster: k
                namespace: shop
            {(context is null ? string.Empty : "    user: " + context)}
            current-context: test

            """ + users);
        return path;
    }

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));
}
