using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Tests.Infrastructure;

/// <summary>.editorconfig or MSBuild values as the compiler hands them to analyzers, from a dictionary.</summary>
internal sealed class DictionaryConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    public static DictionaryConfigOptions Empty { get; } = new(new Dictionary<string, string>());

    public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
}

/// <summary>The same values for the whole build, every file and every additional file: MSBuild properties in a test.</summary>
internal sealed class DictionaryOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryConfigOptions options = new(values);

    public override AnalyzerConfigOptions GlobalOptions => options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
}
