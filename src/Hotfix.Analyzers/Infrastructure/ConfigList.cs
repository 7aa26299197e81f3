using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>A comma-separated list of symbol names from .editorconfig, e.g. <c>hotfix.HF3001.sanitizer_methods = Sql.Identifier</c>.</summary>
internal static class ConfigList
{
    public static IReadOnlyList<string> Read(AnalyzerConfigOptions options, string key)
    {
        if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return Array.Empty<string>();
        }

        var items = new List<string>();
        foreach (var item in value.Split(','))
        {
            var trimmed = item.Trim();
            if (trimmed.Length > 0)
            {
                items.Add(trimmed.StartsWith("M:", StringComparison.Ordinal) ? trimmed.Substring(2) : trimmed);
            }
        }

        return items;
    }

    /// <summary>Whether <paramref name="method"/> is named by an entry: <c>Name</c>, <c>Type.Name</c> or <c>Namespace.Type.Name</c>.</summary>
    public static bool Matches(IReadOnlyList<string> entries, IMethodSymbol method)
    {
        if (entries.Count == 0)
        {
            return false;
        }

        var type = method.ContainingType;
        foreach (var entry in entries)
        {
            if (entry == method.Name || (type != null && (entry == type.Name + "." + method.Name ||
                entry == type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "." + method.Name)))
            {
                return true;
            }
        }

        return false;
    }
}
