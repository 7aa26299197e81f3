using YamlDotNet.RepresentationModel;

namespace Hotfix.Kubernetes;

/// <summary>
/// <c>users[].user.tokenFile</c>, which the client library's kubeconfig model does not read. kubectl (client-go) reads
/// the file, relative to the kubeconfig that names it, and sends its trimmed contents as the bearer token — ahead of a
/// <c>token</c> in the same entry, because the file is what it keeps re-reading. We read it once per command.
/// </summary>
internal static class KubeconfigTokenFiles
{
    /// <summary>User name → absolute token file path, for the users this kubeconfig file defines with a tokenFile.</summary>
    public static IReadOnlyDictionary<string, string> In(string kubeconfigFile)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(kubeconfigFile))
        {
            yaml.Load(reader);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root || Child(root, "users") is not YamlSequenceNode users)
        {
            return found;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(kubeconfigFile))!;
        foreach (var entry in users.Children.OfType<YamlMappingNode>())
        {
            if (Child(entry, "name") is YamlScalarNode { Value: { Length: > 0 } name }
                && Child(entry, "user") is YamlMappingNode user
                && Child(user, "tokenFile") is YamlScalarNode { Value: { Length: > 0 } file })
            {
                found.TryAdd(name, Path.GetFullPath(Path.Combine(folder, file)));
            }
        }

        return found;
    }

    /// <summary>The token as kubectl sends it: the file's contents without surrounding white space.</summary>
    /// <exception cref="HotfixInputException">The file cannot be read, or holds no token.</exception>
    public static string Read(string path, string userName, string source)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HotfixInputException($"kubeconfig {source}: user '{userName}': tokenFile '{path}' cannot be read ({e.Message}); expected a readable file holding a bearer token.", e);
        }

        var token = text.Trim();
        return token.Length > 0
            ? token
            : throw new HotfixInputException($"kubeconfig {source}: user '{userName}': tokenFile '{path}' is empty; expected a file holding a bearer token.");
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
