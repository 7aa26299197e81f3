using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Hotfix.Analyzers.Tests.Infrastructure;

/// <summary>
/// What code under test compiles against: the .NET and ASP.NET Core reference packs, EF Core (relational), Dapper and
/// Microsoft.Data.Sqlite — the compile references this test project itself resolved at build time, listed by the
/// project in analyzer-test-references.txt. Tests therefore never resolve or download a package at run time.
/// </summary>
internal static class TestReferences
{
    private static readonly string[] Packages =
    [
        "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref", "Microsoft.EntityFrameworkCore", "Dapper",
        "Microsoft.Data.Sqlite.Core", "SQLitePCLRaw.core",
    ];

    /// <summary>No package to resolve: the framework comes in <see cref="All"/> like every other reference.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "analyzer-test-references.txt");
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var line in File.ReadAllLines(manifest))
        {
            var separator = line.IndexOf('|');
            if (separator <= 0)
            {
                continue;
            }

            var package = line[..separator];
            if (Packages.Any(p => package.StartsWith(p, StringComparison.Ordinal)))
            {
                references.Add(MetadataReference.CreateFromFile(line[(separator + 1)..]));
            }
        }

        return references.ToImmutable();
    }
}
