using System.Text.RegularExpressions;

namespace Hotfix.Policy.Changes.Formatting;

/// <summary>
/// Recognises import statements (C# using, Java/Kotlin import, Python import/from, JS/TS import/require, Go import
/// specs, Rust/PHP use, F# open) by file extension, so a change that only reorders them counts as formatting.
/// A C# <c>using (var x = …)</c> or <c>using var x = …;</c> is a statement, not an import, and is not matched; nor is
/// a JS/TS import without bindings (<c>import 'reflect-metadata'</c>), which is there for what it runs, in its place.
/// </summary>
internal static partial class ImportLines
{
    /// <summary>The matcher for this path, or null when the language has no imports we recognise.</summary>
    public static Func<string, bool>? For(string path)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".cs" => line => CSharp().IsMatch(line),
            ".java" or ".kt" or ".kts" or ".scala" or ".groovy" => line => Java().IsMatch(line),
            ".py" or ".pyi" => line => Python().IsMatch(line),
            ".js" or ".jsx" or ".ts" or ".tsx" or ".mjs" or ".cjs" or ".mts" or ".cts" or ".vue" or ".svelte" => line => JavaScript().IsMatch(line),
            ".go" => line => Go().IsMatch(line),
            ".rs" or ".php" => line => Use().IsMatch(line),
            ".fs" or ".fsx" => line => FSharp().IsMatch(line),
            _ => null,
        };
    }

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?[\w.]+(<[\w.,\s<>]*>)?\s*;\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CSharp();

    [GeneratedRegex(@"^\s*import\s+(static\s+)?[\w.]+(\.\*)?\s*;?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Java();

    [GeneratedRegex(@"^(import\s+[\w.]+(\s+as\s+\w+)?(\s*,\s*[\w.]+(\s+as\s+\w+)?)*|from\s+[\w.]+\s+import\s+[\w\s,*()]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Python();

    [GeneratedRegex(@"^\s*(import\s+(type\s+)?[\w*{}\s,$]+\s+from\s+['""][^'""]+['""]|(const|let|var)\s+[\w{}\s,$]+=\s*require\(\s*['""][^'""]+['""]\s*\))\s*;?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex JavaScript();

    [GeneratedRegex(@"^\s*(import\s+)?([\w.]+\s+)?""[^""]+""\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Go();

    [GeneratedRegex(@"^\s*(pub\s+)?use\s+[\w:\\{}\s,*]+\s*;\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Use();

    [GeneratedRegex(@"^\s*open\s+[\w.]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FSharp();
}
