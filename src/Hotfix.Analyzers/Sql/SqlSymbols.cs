using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers.Sql;

/// <summary>The raw-SQL APIs' types (EF Core, EF6, ADO.NET, Dapper), resolved once per compilation.</summary>
internal sealed class SqlSymbols
{
    private SqlSymbols(Compilation compilation)
    {
        EfRelationalQueryable = compilation.GetBestType("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        EfRelationalDatabase = compilation.GetBestType("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        Ef6Database = compilation.GetBestType("System.Data.Entity.Database");
        Ef6DbSet = compilation.GetBestType("System.Data.Entity.DbSet`1");
        Ef6DbSetNonGeneric = compilation.GetBestType("System.Data.Entity.DbSet");
        DbCommandInterface = compilation.GetBestType("System.Data.IDbCommand");
        DbCommand = compilation.GetBestType("System.Data.Common.DbCommand");
        DbBatchCommand = compilation.GetBestType("System.Data.Common.DbBatchCommand");
        DbDataSource = compilation.GetBestType("System.Data.Common.DbDataSource");
        DataAdapterInterface = compilation.GetBestType("System.Data.IDataAdapter");
        DapperSqlMapper = compilation.GetBestType("Dapper.SqlMapper");
        DapperCommandDefinition = compilation.GetBestType("Dapper.CommandDefinition");
        FormattableString = compilation.GetBestType("System.FormattableString");
        StringBuilder = compilation.GetBestType("System.Text.StringBuilder");
        Guid = compilation.GetBestType("System.Guid");
    }

    public INamedTypeSymbol? EfRelationalQueryable { get; }

    public INamedTypeSymbol? EfRelationalDatabase { get; }

    public INamedTypeSymbol? Ef6Database { get; }

    public INamedTypeSymbol? Ef6DbSet { get; }

    public INamedTypeSymbol? Ef6DbSetNonGeneric { get; }

    public INamedTypeSymbol? DbCommandInterface { get; }

    public INamedTypeSymbol? DbCommand { get; }

    public INamedTypeSymbol? DbBatchCommand { get; }

    /// <summary>.NET 7's data source (Npgsql 7+'s recommended entry): <c>CreateCommand(sql)</c> makes a command from text.</summary>
    public INamedTypeSymbol? DbDataSource { get; }

    public INamedTypeSymbol? DataAdapterInterface { get; }

    public INamedTypeSymbol? DapperSqlMapper { get; }

    public INamedTypeSymbol? DapperCommandDefinition { get; }

    public INamedTypeSymbol? FormattableString { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    public INamedTypeSymbol? Guid { get; }

    /// <summary>The read-only fields found to be allow-list tables, remembered for the compilation.</summary>
    public AllowListTables AllowLists { get; } = new();

    /// <summary>False when no raw-SQL API is referenced: the SQL rules then register nothing.</summary>
    public bool IsAvailable => EfRelationalQueryable != null || EfRelationalDatabase != null || Ef6Database != null ||
        DbCommandInterface != null || DapperSqlMapper != null;

    public static SqlSymbols Create(Compilation compilation) => new(compilation);

    public bool IsAdoCommand(ITypeSymbol? type) => type.Implements(DbCommandInterface) || type.IsOrDerivesFrom(DbCommand);

    public bool IsDataAdapter(ITypeSymbol? type) => type.Implements(DataAdapterInterface);
}
