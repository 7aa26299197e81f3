using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>The EF Core and LINQ types the data-access rules recognise, resolved once per compilation.</summary>
internal sealed class EfCoreSymbols
{
    private EfCoreSymbols(Compilation compilation)
    {
        DbContext = compilation.GetBestType("Microsoft.EntityFrameworkCore.DbContext");
        DbSet = compilation.GetBestType("Microsoft.EntityFrameworkCore.DbSet`1");
        QueryableExtensions = compilation.GetBestType("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        RelationalQueryableExtensions = compilation.GetBestType("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        RelationalDatabaseFacadeExtensions = compilation.GetBestType("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        DatabaseFacade = compilation.GetBestType("Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade");
        DbContextTransaction = compilation.GetBestType("Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction");
        NavigationEntry = compilation.GetBestType("Microsoft.EntityFrameworkCore.ChangeTracking.NavigationEntry");
        EntityEntry = compilation.GetBestType("Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry");
        DbUpdateException = compilation.GetBestType("Microsoft.EntityFrameworkCore.DbUpdateException");
        Queryable = compilation.GetBestType("System.Linq.Queryable");
        Enumerable = compilation.GetBestType("System.Linq.Enumerable");
        QueryableOfT = compilation.GetBestType("System.Linq.IQueryable`1");
    }

    public INamedTypeSymbol? DbContext { get; }

    public INamedTypeSymbol? DbSet { get; }

    public INamedTypeSymbol? QueryableExtensions { get; }

    public INamedTypeSymbol? RelationalQueryableExtensions { get; }

    public INamedTypeSymbol? RelationalDatabaseFacadeExtensions { get; }

    public INamedTypeSymbol? DatabaseFacade { get; }

    /// <summary>What <c>Database.BeginTransaction(Async)</c> returns: its Commit/Rollback have awaitable twins.</summary>
    public INamedTypeSymbol? DbContextTransaction { get; }

    public INamedTypeSymbol? NavigationEntry { get; }

    public INamedTypeSymbol? EntityEntry { get; }

    public INamedTypeSymbol? DbUpdateException { get; }

    public INamedTypeSymbol? Queryable { get; }

    public INamedTypeSymbol? Enumerable { get; }

    public INamedTypeSymbol? QueryableOfT { get; }

    /// <summary>False when the compilation does not reference EF Core: the EF rules then register nothing.</summary>
    public bool IsAvailable => DbContext != null && DbSet != null;

    public static EfCoreSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>A method of one of EF Core's query extension classes (EF 7/8 kept ExecuteDelete in the relational one).</summary>
    public bool IsEfQueryExtension(IMethodSymbol method) =>
        method.IsDeclaredIn(QueryableExtensions) || method.IsDeclaredIn(RelationalQueryableExtensions);

    public bool IsLinqQueryable(IMethodSymbol method) => method.IsDeclaredIn(Queryable);

    public bool IsDbContext(ITypeSymbol? type) => type.IsOrDerivesFrom(DbContext);

    public bool IsDbSet(ITypeSymbol? type) => type.IsOrDerivesFrom(DbSet);

    /// <summary>
    /// The type a SaveChanges call saves through: a DbContext, or an interface that exposes a context's sets — the
    /// <c>IApplicationDbContext</c> of layered applications, an interface with a <c>DbSet&lt;T&gt;</c> or
    /// <c>DatabaseFacade</c> property (its own or inherited).
    /// </summary>
    public bool IsContextOrItsInterface(ITypeSymbol? type)
    {
        if (IsDbContext(type))
        {
            return true;
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Interface } contract)
        {
            return false;
        }

        foreach (var candidate in contract.AllInterfaces.Add(contract))
        {
            foreach (var member in candidate.GetMembers())
            {
                if (member is IPropertySymbol property && (IsDbSet(property.Type) || property.Type.IsOrDerivesFrom(DatabaseFacade)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
