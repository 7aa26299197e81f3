namespace Hotfix.TestSupport.Kubernetes;

/// <summary>A kubeconfig with one context pointing at a test server (token auth, the given namespace).</summary>
public static class TestKubeconfig
{
    public static string Write(string path, Uri server, string ns = "default", string context = "test")
    {
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: test-cluster
              cluster:
                server: {server.ToString().TrimEnd('/')}
            users:
            - name: test-user
              user:
                token: test-token
            contexts:
            - name: {context}
              context:
                cluster: test-cluster
                user: test-user
                namespace: {ns}
            current-context: {context}
            """);
        return path;
    }
}
