using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Tests.Infrastructure;

/// <summary>.editorconfig or MSBuild values as the compiler hands them to analyzers, from a dictionary.</summary>
internal sealed class DictionaryConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    public static DictionaryConfigOptions Empty { get; } = new(new Dictionary<string, string>());

    public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
}
