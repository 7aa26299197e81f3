using System.Linq;
using System.Threading;
using Hotfix.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// EF Core's <c>Migration</c> base class and the database provider the project references, resolved once per
/// compilation for the migration rules (HF2002, HF2003). The migration's own code is read by the shared
/// <see cref="EfMigrationSyntax"/>, the same reader <c>hotfix check</c> uses, so both see the same operations.
/// </summary>
internal sealed class EfMigrationSymbols
{
    private readonly MigrationDatabase? referencedDatabase;

    private EfMigrationSymbols(Compilation compilation)
    {
        Migration = compilation.GetBestType("Microsoft.EntityFrameworkCore.Migrations.Migration");
        referencedDatabase = ProviderOf(compilation);
    }

    public INamedTypeSymbol? Migration { get; }

    public bool IsAvailable => Migration != null;

    public static EfMigrationSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>A concrete class deriving from <c>Migration</c>.</summary>
    public bool IsMigration(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class && !type.IsAbstract && !SymbolEqualityComparer.Default.Equals(type, Migration) && type.IsOrDerivesFrom(Migration);

    /// <summary>The source declaration of the type's own <c>Up</c> or <c>Down</c> override (in any partial part).</summary>
    public static MethodDeclarationSyntax? Declared(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers(name).OfType<IMethodSymbol>())
        {
            if (member.IsOverride && member.Parameters.Length == 1 && member.DeclaringSyntaxReferences.Length > 0 &&
                member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is MethodDeclarationSyntax method)
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>
    /// The database the risk table judges for: the one provider package the project references, else what the
    /// migration's annotations reveal (<c>"Npgsql:…"</c>), else unknown (PostgreSQL rules, stated as an assumption).
    /// </summary>
    public MigrationDatabase DatabaseOf(SyntaxNode migration) =>
        referencedDatabase ?? EfMigrationSyntax.Reveal(migration.ToString()) ?? MigrationDatabase.Unknown;

    private static MigrationDatabase? ProviderOf(Compilation compilation)
    {
        MigrationDatabase? found = null;
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            MigrationDatabase? database = assembly.Name switch
            {
                "Npgsql.EntityFrameworkCore.PostgreSQL" => MigrationDatabase.PostgreSql,
                "Microsoft.EntityFrameworkCore.SqlServer" => MigrationDatabase.SqlServer,
                "Microsoft.EntityFrameworkCore.Sqlite" => MigrationDatabase.Sqlite,
                "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" => MigrationDatabase.MySql,
                _ => null,
            };
            if (database == null)
            {
                continue;
            }

            if (found != null && found != database)
            {
                return null; // several providers: the migration's annotations must say which
            }

            found = database;
        }

        return found;
    }
}
