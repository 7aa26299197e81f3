using System.Text.Json;

namespace Hotfix.Policy.Policies;

/// <summary>JSON paths for messages, in the common <c>$.a.b[0]</c> form; keys that are not plain words are quoted.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Child(string parent, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? $"{parent}.{key}"
            : $"{parent}[{JsonSerializer.Serialize(key, PolicyProblemJsonContext.Default.String)}]";
}
