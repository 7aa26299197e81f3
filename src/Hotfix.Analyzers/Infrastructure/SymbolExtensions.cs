using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers.Infrastructure;

internal static class SymbolExtensions
{
    /// <summary>
    /// The type with this metadata name as the compilation sees it: its own declaration first, else the one accessible
    /// reference (<see cref="Compilation.GetTypeByMetadataName"/> returns null as soon as two assemblies declare it).
    /// </summary>
    public static INamedTypeSymbol? GetBestType(this Compilation compilation, string metadataName)
    {
        var candidates = compilation.GetTypesByMetadataName(metadataName);
        INamedTypeSymbol? best = null;
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            if (best == null && compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly))
            {
                best = candidate;
            }
        }

        return best;
    }

    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType == null)
        {
            return false;
        }

        for (var current = type; current != null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The same by name, for a type a rule recognises only where it meets one (a channel reader, an EF exception) and so
    /// does not look up at compilation start: <paramref name="name"/> in <paramref name="containingNamespace"/>.
    /// </summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, string name, string containingNamespace)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            if (current.Name == name && current.ContainingNamespace?.ToDisplayString() == containingNamespace)
            {
                return true;
            }
        }

        return false;
    }

    public static bool Implements(this ITypeSymbol? type, INamedTypeSymbol? interfaceType)
    {
        if (type == null || interfaceType == null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interfaceType))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsType(this ITypeSymbol? type, INamedTypeSymbol? other) =>
        type != null && other != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, other);

    /// <summary>The method's static or reduced-extension containing type equals <paramref name="type"/>.</summary>
    public static bool IsDeclaredIn(this IMethodSymbol method, INamedTypeSymbol? type) =>
        type != null && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType?.OriginalDefinition, type);
}
