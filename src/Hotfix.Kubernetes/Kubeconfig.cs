using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace Hotfix.Kubernetes;

/// <summary>
/// Finds the cluster the way kubectl does: <c>--kubeconfig FILE</c>; else every file in <c>KUBECONFIG</c> (path-list,
/// merged with "first file wins" for every name and for current-context; missing files are skipped as kubectl skips
/// them, but a list naming no existing file is an input error); else <c>~/.kube/config</c>; else the in-cluster service account. <c>--context</c> picks another context.
/// </summary>
internal static class Kubeconfig
{
    public const string Variable = "KUBECONFIG";

    /// <summary>Where the files would be looked for, for the "no cluster configured" message.</summary>
    public static string SearchDescription => "--kubeconfig, KUBECONFIG, ~/.kube/config, or an in-cluster service account";

    /// <summary>The configured cluster, or null when nothing is configured (then commands plan only).</summary>
    /// <exception cref="HotfixInputException">A kubeconfig exists but is unusable (unknown context, no server, bad file).</exception>
    public static ClusterConnection? Load(Func<string, string?> getVariable, string? kubeconfigOption, string? contextOption)
    {
        var files = Files(getVariable, kubeconfigOption);
        if (files.Count > 0)
        {
            return FromFiles(files, contextOption);
        }

        if (!string.IsNullOrEmpty(getVariable("KUBERNETES_SERVICE_HOST")) && KubernetesClientConfiguration.IsInCluster())
        {
            if (contextOption is not null)
            {
                throw new HotfixInputException($"--context '{contextOption}': no kubeconfig file was found ({SearchDescription}); in a cluster there are no contexts. Expected a kubeconfig with that context.");
            }

            var config = KubernetesClientConfiguration.InClusterConfig();
            return new ClusterConnection(config, null, "in-cluster service account", config.Namespace);
        }

        if (contextOption is not null)
        {
            throw new HotfixInputException($"--context '{contextOption}': no kubeconfig file was found ({SearchDescription}); expected a kubeconfig that defines this context.");
        }

        return null;
    }

    /// <summary>The kubeconfig files kubectl would read, in precedence order (existing files only).</summary>
    public static IReadOnlyList<string> Files(Func<string, string?> getVariable, string? kubeconfigOption)
    {
        if (kubeconfigOption is not null)
        {
            return File.Exists(kubeconfigOption)
                ? [Path.GetFullPath(kubeconfigOption)]
                : throw new HotfixInputException($"--kubeconfig '{kubeconfigOption}': no such file; expected the path of a kubeconfig file.");
        }

        if (getVariable(Variable) is { Length: > 0 } list)
        {
            var named = list.Split(Path.PathSeparator)
                .Select(p => p.Trim())
                .Where(p => p.Length > 0)
                .Select(p => Path.GetFullPath(p))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var existing = named.Where(File.Exists).ToList();

            // kubectl skips a missing file in the list, but a list with none left is a typo, not "no cluster": planning
            // a dry run and exiting 0 there would read as a rollback that happened.
            return existing.Count > 0 || named.Count == 0
                ? existing
                : throw new HotfixInputException($"{Variable}='{list}': names no file that exists; expected {Variable} to list the path of at least one kubeconfig file (or unset it to use ~/.kube/config).");
        }

        var home = getVariable("HOME") ?? getVariable("USERPROFILE");
        var defaultFile = home is null ? null : Path.Combine(home, ".kube", "config");
        return defaultFile is not null && File.Exists(defaultFile) ? [defaultFile] : [];
    }

    private static ClusterConnection FromFiles(IReadOnlyList<string> files, string? contextOption)
    {
        var source = string.Join(Path.PathSeparator, files);
        try
        {
            var configs = files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(f), useRelativePaths: true)).ToList();
            var merged = Merge(configs);
            var context = contextOption ?? merged.CurrentContext;
            if (string.IsNullOrEmpty(context))
            {
                throw new HotfixInputException($"kubeconfig {source}: no current-context is set; expected --context NAME (one of: {string.Join(", ", merged.Contexts?.Select(c => c.Name) ?? [])}) or 'kubectl config use-context NAME'.");
            }

            var found = merged.Contexts?.FirstOrDefault(c => c.Name == context);
            if (found is null)
            {
                throw new HotfixInputException($"{(contextOption is null ? "current-context" : "--context")} '{context}': no such context in kubeconfig {source}; expected one of: {string.Join(", ", merged.Contexts?.Select(c => c.Name) ?? [])}.");
            }

            ApplyTokenFile(merged, found, configs, source);
            KubeconfigEntries.Check(merged, found, source);
            var config = KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context);
            return new ClusterConnection(config, context, source, found.ContextDetails?.Namespace);
        }
        catch (KubeConfigException e)
        {
            throw new HotfixInputException($"kubeconfig {source}: {e.Message}; expected a kubeconfig kubectl can use (kubectl config view --minify shows the context in use).", e);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or IOException or UnauthorizedAccessException or FormatException)
        {
            throw new HotfixInputException($"kubeconfig {source}: cannot be read ({e.Message}); expected a valid kubeconfig file.", e);
        }
    }

    /// <summary>The context's user entry gets the token of its <c>tokenFile</c>, from the first file defining that user, as kubectl merges.</summary>
    private static void ApplyTokenFile(K8SConfiguration merged, Context context, IReadOnlyList<K8SConfiguration> configs, string source)
    {
        var userName = context.ContextDetails?.User;
        if (string.IsNullOrEmpty(userName) || merged.Users?.FirstOrDefault(u => u.Name == userName) is not { } user)
        {
            return;
        }

        var definedIn = configs.FirstOrDefault(c => c.Users?.Any(u => u.Name == userName) == true)?.FileName;
        if (definedIn is not null && KubeconfigTokenFiles.In(definedIn).TryGetValue(userName, out var tokenFile))
        {
            user.UserCredentials ??= new UserCredentials();
            user.UserCredentials.Token = KubeconfigTokenFiles.Read(tokenFile, userName, source);
        }
    }

    /// <summary>
    /// kubectl's KUBECONFIG merge: the first file to define a context, cluster or user name wins, and so does the first
    /// file that sets current-context. Relative certificate paths are resolved against the file that names them.
    /// </summary>
    internal static K8SConfiguration Merge(IReadOnlyList<K8SConfiguration> configs)
    {
        var merged = new K8SConfiguration { Contexts = [], Clusters = [], Users = [], FileName = configs[0].FileName };
        foreach (var config in configs)
        {
            var folder = config.FileName is null ? null : Path.GetDirectoryName(config.FileName);
            merged.CurrentContext = string.IsNullOrEmpty(merged.CurrentContext) ? config.CurrentContext : merged.CurrentContext;
            foreach (var context in config.Contexts ?? [])
            {
                if (merged.Contexts.All(c => c.Name != context.Name))
                {
                    merged.Contexts.Add(context);
                }
            }

            foreach (var cluster in config.Clusters ?? [])
            {
                if (merged.Clusters.All(c => c.Name != cluster.Name))
                {
                    if (cluster.ClusterEndpoint is { } endpoint)
                    {
                        endpoint.CertificateAuthority = Absolute(folder, endpoint.CertificateAuthority);
                    }

                    merged.Clusters.Add(cluster);
                }
            }

            foreach (var user in config.Users ?? [])
            {
                if (merged.Users.All(u => u.Name != user.Name))
                {
                    if (user.UserCredentials is { } credentials)
                    {
                        credentials.ClientCertificate = Absolute(folder, credentials.ClientCertificate);
                        credentials.ClientKey = Absolute(folder, credentials.ClientKey);
                    }

                    merged.Users.Add(user);
                }
            }
        }

        return merged;
    }

    private static string? Absolute(string? folder, string? path) =>
        string.IsNullOrEmpty(path) || folder is null || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));
}
