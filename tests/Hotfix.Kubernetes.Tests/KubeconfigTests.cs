using Hotfix.TestSupport;

namespace Hotfix.Kubernetes.Tests;

/// <summary>Finding the cluster like kubectl: KUBECONFIG with several files, ~/.kube/config, --context, nothing.</summary>
public class KubeconfigTests
{
    private static string Config(string server, string context, string? current, string ns = "default") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {context}-cluster
          cluster:
            server: {server}
        users:
        - name: {context}-user
          user:
            token: t
        contexts:
        - name: {context}
          context:
            cluster: {context}-cluster
            user: {context}-user
            namespace: {ns}
        {(current is null ? string.Empty : "current-context: " + current)}
        """;

    [Fact]
    public void Kubeconfig_files_merge_with_the_first_file_winning_and_missing_files_skipped()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("a"), Config("http://127.0.0.1:1111", "alpha", null, "team-a"));
        File.WriteAllText(dir.Combine("b"), Config("http://127.0.0.1:2222", "beta", "beta", "team-b"));
        File.WriteAllText(dir.Combine("c"), Config("http://127.0.0.1:3333", "beta", "alpha", "team-c"));
        var list = string.Join(Path.PathSeparator, dir.Combine("missing"), dir.Combine("a"), string.Empty, dir.Combine("b"), dir.Combine("c"));
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = list, ["HOME"] = dir.Path };

        var current = Kubeconfig.Load(n => env.GetValueOrDefault(n), null, null)!;
        Assert.Equal("beta", current.Context);
        Assert.Equal("http://127.0.0.1:2222/", new Uri(current.Configuration.Host).ToString());
        Assert.Equal("team-b", current.Namespace);

        var alpha = Kubeconfig.Load(n => env.GetValueOrDefault(n), null, "alpha")!;
        Assert.Equal("http://127.0.0.1:1111/", new Uri(alpha.Configuration.Host).ToString());
        Assert.Equal("team-a", alpha.Namespace);
    }

    [Fact]
    public void Home_kube_config_is_used_without_KUBECONFIG()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine(".kube"));
        File.WriteAllText(dir.Combine(".kube", "config"), Config("http://127.0.0.1:4444", "home", "home"));
        var connection = Kubeconfig.Load(n => n == "HOME" ? dir.Path : null, null, null)!;
        Assert.Equal("home", connection.Context);
    }

    [Fact]
    public void Nothing_configured_means_no_cluster()
    {
        using var dir = new TempDirectory();
        Assert.Null(Kubeconfig.Load(n => n == "HOME" ? dir.Path : null, null, null));
        Assert.Null(Kubeconfig.Load(n => n switch { "HOME" => dir.Path, "KUBECONFIG" => string.Empty, _ => null }, null, null));
    }

    [Fact]
    public void A_KUBECONFIG_that_names_no_existing_file_is_an_input_error_not_no_cluster()
    {
        using var dir = new TempDirectory();
        var typo = dir.Combine("kubeconfg");
        var error = Assert.Throws<HotfixInputException>(() => Kubeconfig.Load(n => n switch { "HOME" => dir.Path, "KUBECONFIG" => typo, _ => null }, null, null));
        Assert.Contains("KUBECONFIG='" + typo + "'", error.Message);
        Assert.Contains("expected KUBECONFIG to list the path of at least one kubeconfig file", error.Message);

        // One missing file next to one that exists is skipped, as kubectl skips it.
        File.WriteAllText(dir.Combine("a"), Config("http://127.0.0.1:1111", "alpha", "alpha"));
        var list = string.Join(Path.PathSeparator, typo, dir.Combine("a"));
        Assert.Equal("alpha", Kubeconfig.Load(n => n == "KUBECONFIG" ? list : null, null, null)!.Context);
    }

    [Fact]
    public void Unknown_context_and_missing_kubeconfig_file_are_input_errors()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("a"), Config("http://127.0.0.1:1111", "alpha", "alpha"));
        var error = Assert.Throws<HotfixInputException>(() => Kubeconfig.Load(n => n == "KUBECONFIG" ? dir.Combine("a") : null, null, "prod"));
        Assert.Contains("--context 'prod': no such context", error.Message);
        Assert.Contains("alpha", error.Message);
        Assert.Throws<HotfixInputException>(() => Kubeconfig.Load(_ => null, dir.Combine("nope"), null));
        Assert.Throws<HotfixInputException>(() => Kubeconfig.Load(n => n == "HOME" ? dir.Path : null, null, "prod"));
    }

    [Fact]
    public void A_kubeconfig_without_current_context_asks_for_one()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("a"), Config("http://127.0.0.1:1111", "alpha", null));
        var error = Assert.Throws<HotfixInputException>(() => Kubeconfig.Load(n => n == "KUBECONFIG" ? dir.Combine("a") : null, null, null));
        Assert.Contains("no current-context is set; expected --context NAME (one of: alpha)", error.Message);
    }
}
