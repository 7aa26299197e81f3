namespace Hotfix.Policy.Changes.Formatting;

/// <summary>How much of a line's whitespace a language reads, which decides what a whitespace-only edit can be.</summary>
internal enum WhitespaceSyntax
{
    /// <summary>Whitespace only separates tokens (C-family, JS/TS, Go, JSON, SQL, CSS): outside literals it is formatting.</summary>
    BetweenTokens,

    /// <summary>Indentation is syntax (Python, CoffeeScript, F#, Nim, Sass); other whitespace between tokens is formatting.</summary>
    Indentation,

    /// <summary>
    /// Whitespace is part of the text (YAML, Dockerfiles, Haml/Pug/Slim, .env and properties files, Markdown, HTML and
    /// every language not known to ignore it): <c>memory:1Gi</c> is a string where <c>memory: 1Gi</c> is a mapping. Only
    /// blank lines and line endings are formatting.
    /// </summary>
    Significant,

    /// <summary>
    /// Shell scripts and Makefiles: as <see cref="Significant"/>, and a carriage return is part of the command too
    /// (<c>$'\r': command not found</c>, <c>/bin/sh^M: bad interpreter</c>), so even CRLF ↔ LF is a real change.
    /// </summary>
    Verbatim,
}

internal static class WhitespaceSyntaxes
{
    /// <summary>The syntax of the file at <paramref name="path"/>; <paramref name="text"/> (either version) tells a script by its shebang.</summary>
    public static WhitespaceSyntax Of(string path, string? text = null)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var extension = System.IO.Path.GetExtension(name).ToLowerInvariant();
        if (extension is ".sh" or ".bash" or ".zsh" or ".ksh" or ".dash" or ".bats" or ".mk" || name is "Makefile" or "makefile" or "GNUmakefile"
            || (extension.Length == 0 && text is not null && text.StartsWith("#!", StringComparison.Ordinal)))
        {
            return WhitespaceSyntax.Verbatim;
        }

        return extension switch
        {
            ".py" or ".pyi" or ".pyw" or ".coffee" or ".nim" or ".fs" or ".fsx" or ".fsi" or ".sass" => WhitespaceSyntax.Indentation,
            ".cs" or ".csx" or ".java" or ".kt" or ".kts" or ".scala" or ".groovy" or ".gradle" or ".c" or ".h" or ".cc" or ".cpp"
                or ".cxx" or ".hpp" or ".hh" or ".hxx" or ".m" or ".mm" or ".swift" or ".dart" or ".rs" or ".go" or ".js" or ".jsx"
                or ".ts" or ".tsx" or ".mjs" or ".cjs" or ".mts" or ".cts" or ".php" or ".json" or ".jsonc" or ".json5" or ".sql"
                or ".css" or ".scss" or ".less" or ".proto" or ".graphql" or ".gql" or ".tf" or ".hcl" => WhitespaceSyntax.BetweenTokens,
            _ => WhitespaceSyntax.Significant,
        };
    }
}
