using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Hotfix.Analyzers.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>A call that goes to the database now: which API, whether it is already async, and its async twin.</summary>
internal readonly struct DatabaseCall
{
    public DatabaseCall(string api, bool isAsync, string? asyncTwin, bool isEf)
    {
        Api = api;
        IsAsync = isAsync;
        AsyncTwin = asyncTwin;
        IsEf = isEf;
    }

    public string Api { get; }

    public bool IsAsync { get; }

    /// <summary>The awaitable method to use instead, when this one is synchronous and one exists.</summary>
    public string? AsyncTwin { get; }

    /// <summary>EF Core (as opposed to Dapper / ADO.NET).</summary>
    public bool IsEf { get; }
}

/// <summary>
/// Recognises calls that execute a database round trip: EF Core materialisers and aggregates on provable EF queries,
/// EF's async operators, <c>Find</c>, explicit <c>Load</c>/<c>Reload</c>, <c>ExecuteDelete</c>/<c>ExecuteUpdate</c>, raw
/// <c>ExecuteSql*</c>, Dapper's <c>Query*</c>/<c>Execute*</c> and ADO.NET's <c>Execute*</c>. <c>Add</c>, <c>AddRange</c>,
/// <c>Attach</c>, <c>Remove</c> and <c>IDbContextFactory.CreateDbContext</c> only touch the change tracker — they are not
/// database calls, which is why the rules built on this list do not repeat MA0042/CA1849's false positives on them.
/// </summary>
internal sealed class DatabaseCalls
{
    private static readonly HashSet<string> EfDirectNames = new(StringComparer.Ordinal)
    {
        "Load", "LoadAsync", "ForEachAsync", "ExecuteDelete", "ExecuteDeleteAsync", "ExecuteUpdate", "ExecuteUpdateAsync",
    };

    private static readonly HashSet<string> EntityNames = new(StringComparer.Ordinal)
    {
        "Find", "FindAsync", "Load", "LoadAsync", "Reload", "ReloadAsync",
    };

    private static readonly HashSet<string> RawSqlNames = new(StringComparer.Ordinal)
    {
        "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSql", "ExecuteSqlAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync",
    };

    /// <summary>The …Async twins of the terminals and materialisers (ToListAsync, FirstOrDefaultAsync…), precomputed.</summary>
    private static readonly HashSet<string> AsyncTerminalNames = new(
        EfQueries.QueryableTerminals.Concat(EfQueries.EnumerableMaterialisers).Select(n => n + "Async"),
        StringComparer.Ordinal);

    private static readonly HashSet<string> AdoNames = new(StringComparer.Ordinal)
    {
        "ExecuteReader", "ExecuteReaderAsync", "ExecuteNonQuery", "ExecuteNonQueryAsync", "ExecuteScalar", "ExecuteScalarAsync",
    };

    /// <summary>
    /// The calls of linq2db, SqlKata's execution extensions, RepoDb, PetaPoco and NPoco that run a statement now (their
    /// SQL builders — SqlKata's <c>Query</c>, PetaPoco's <c>Sql</c> — and linq2db's deferred <c>FromSql</c> do not). Their write
    /// methods (<c>Insert</c>, <c>Update</c>, <c>Save</c>, <c>Delete</c>) are left out, as Dapper.Contrib's are.
    /// </summary>
    private static readonly HashSet<string> MicroOrmNames = new(StringComparer.Ordinal)
    {
        "Fetch", "FetchAsync", "Page", "PageAsync", "SkipTake", "SkipTakeAsync", "Single", "SingleAsync", "SingleOrDefault",
        "SingleOrDefaultAsync", "First", "FirstAsync", "FirstOrDefault", "FirstOrDefaultAsync", "Exists", "ExistsAsync",
        "Get", "GetAsync", "Paginate", "PaginateAsync", "Count", "CountAsync", "Statement", "StatementAsync",
    };

    private readonly EfCoreSymbols ef;
    private readonly SqlSymbols sql;

    /// <summary>
    /// The verdict on each method, decided once per compilation: a data-access layer calls the same few methods
    /// (SaveChanges, Find, ExecuteNonQuery…) thousands of times, and each call would otherwise repeat the same symbol tests.
    /// </summary>
    private readonly ConcurrentDictionary<IMethodSymbol, Verdict> verdicts = new(SymbolEqualityComparer.Default);

    public DatabaseCalls(EfCoreSymbols ef, SqlSymbols sql)
    {
        this.ef = ef;
        this.sql = sql;
    }

    public bool IsAvailable => ef.IsAvailable || sql.DapperSqlMapper != null || sql.DbCommandInterface != null;

    /// <summary>The cheap name test that comes before any symbol is looked at.</summary>
    public static bool IsCandidateName(string name) =>
        EfQueries.QueryableTerminals.Contains(name) || EfQueries.EnumerableMaterialisers.Contains(name) || EfDirectNames.Contains(name) ||
        EntityNames.Contains(name) || RawSqlNames.Contains(name) || AdoNames.Contains(name) ||
        name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal) ||
        AsyncTerminalNames.Contains(name) || MicroOrmNames.Contains(name);

    /// <summary>
    /// The cheap test before the call's IOperation is built: the bound method is one that reaches the database, and a
    /// LINQ terminal counts only when its written chain may start at EF Core (<see cref="EfQueries.MayBeEfQuery"/>), so
    /// in-memory LINQ is dismissed without building the member's operation tree.
    /// </summary>
    public bool IsDatabaseCall(InvocationExpressionSyntax call, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken) =>
        Classify(method, out var needsEfReceiver) != null &&
        (!needsEfReceiver || EfQueries.MayBeEfQuery(ReceiverSyntax(call, method), model, ef, cancellationToken));

    /// <summary>The receiver as written: <c>[x].M()</c>, or the first argument of a static call of an extension method.</summary>
    private static ExpressionSyntax? ReceiverSyntax(InvocationExpressionSyntax call, IMethodSymbol method) => call.Expression switch
    {
        MemberAccessExpressionSyntax member when method.ReducedFrom != null || !method.IsStatic => member.Expression,
        _ when method.IsExtensionMethod && method.ReducedFrom == null && call.ArgumentList.Arguments.Count > 0 => call.ArgumentList.Arguments[0].Expression,
        _ => null,
    };

    public bool TryClassify(IInvocationOperation invocation, CancellationToken cancellationToken, out DatabaseCall call)
    {
        call = default;
        var classified = Classify(invocation.TargetMethod, out var needsEfReceiver);
        if (classified == null || (needsEfReceiver && !EfQueries.IsEfQuery(invocation.ReceiverOf(), ef, cancellationToken)))
        {
            return false;
        }

        call = classified.Value;
        return true;
    }

    /// <summary>
    /// The cheap test of HF4003 before the call's IOperation is built: a synchronous EF Core call with an awaitable twin
    /// (the only database calls that rule can report besides SaveChanges and the DatabaseFacade operations), on a
    /// receiver that may be an EF query. Dapper and ADO.NET calls in async methods are dismissed here.
    /// </summary>
    public bool IsSyncEfCallWithTwin(InvocationExpressionSyntax call, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken) =>
        Classify(method, out var needsEfReceiver) is { IsEf: true, IsAsync: false, AsyncTwin: not null } &&
        (!needsEfReceiver || EfQueries.MayBeEfQuery(ReceiverSyntax(call, method), model, ef, cancellationToken));

    /// <summary>The call a method makes, or null; <paramref name="needsEfReceiver"/> when it is LINQ that only an EF query sends to the database.</summary>
    private DatabaseCall? Classify(IMethodSymbol method, out bool needsEfReceiver)
    {
        var verdict = verdicts.GetOrAdd(method, m => new Verdict(ClassifyUncached(m, out var needs), needs));
        needsEfReceiver = verdict.NeedsEfReceiver;
        return verdict.Call;
    }

    private DatabaseCall? ClassifyUncached(IMethodSymbol method, out bool needsEfReceiver)
    {
        needsEfReceiver = false;
        var name = method.Name;
        var isAsync = name.EndsWith("Async", StringComparison.Ordinal);

        if (ef.IsAvailable)
        {
            // Enumerable's terminals count too: db.Orders.AsEnumerable().Count() loads the whole query to count it.
            if ((ef.IsLinqQueryable(method) || method.IsDeclaredIn(ef.Enumerable)) && EfQueries.QueryableTerminals.Contains(name) ||
                (method.IsDeclaredIn(ef.Enumerable) && EfQueries.EnumerableMaterialisers.Contains(name)))
            {
                needsEfReceiver = true;
                return new DatabaseCall(name, isAsync: false, EfTwin(name + "Async"), isEf: true);
            }

            if (ef.IsEfQueryExtension(method) && (EfDirectNames.Contains(name) || IsAsyncTerminalName(name)))
            {
                return new DatabaseCall(name, isAsync, isAsync ? null : EfTwin(name + "Async"), isEf: true);
            }

            if (EntityNames.Contains(name) && (ef.IsDbSet(method.ContainingType) || ef.IsDbContext(method.ContainingType) ||
                method.ContainingType.IsOrDerivesFrom(ef.NavigationEntry) || method.ContainingType.IsOrDerivesFrom(ef.EntityEntry)))
            {
                return new DatabaseCall(name, isAsync, isAsync ? null : name + "Async", isEf: true);
            }

            if (RawSqlNames.Contains(name) && method.IsDeclaredIn(ef.RelationalDatabaseFacadeExtensions))
            {
                return new DatabaseCall(name, isAsync, isAsync ? null : name + "Async", isEf: true);
            }
        }

        if (sql.DapperSqlMapper != null && method.IsDeclaredIn(sql.DapperSqlMapper) &&
            (name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal)))
        {
            return new DatabaseCall(name, isAsync, asyncTwin: null, isEf: false);
        }

        if (AdoNames.Contains(name) && sql.IsAdoCommand(method.ContainingType))
        {
            return new DatabaseCall(name, isAsync, asyncTwin: null, isEf: false);
        }

        if (IsMicroOrmRoundTrip(method))
        {
            return new DatabaseCall(name, isAsync, asyncTwin: null, isEf: false);
        }

        return null;
    }

    private static bool IsMicroOrmRoundTrip(IMethodSymbol method)
    {
        var name = method.Name;
        var declaring = (method.ReducedFrom ?? method).ContainingType;
        return (name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal) || MicroOrmNames.Contains(name)) &&
            MicroOrmSinks.IsLibraryType(declaring) && declaring.Name != "Sql" && declaring.ContainingNamespace.Name != "SqlKata" &&
            !(name == "Query" && declaring.Name == "QueryFactory"); // QueryFactory.Query(table) starts a builder
    }

    /// <summary>SaveChanges / SaveChangesAsync on a DbContext.</summary>
    public bool IsSaveChanges(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "SaveChanges" or "SaveChangesAsync" && ef.IsContextOrItsInterface(invocation.TargetMethod.ContainingType);

    private string? EfTwin(string name) =>
        ef.QueryableExtensions != null && ef.QueryableExtensions.GetMembers(name).Any() ? name : null;

    private static bool IsAsyncTerminalName(string name) => AsyncTerminalNames.Contains(name);

    private readonly struct Verdict
    {
        public Verdict(DatabaseCall? call, bool needsEfReceiver)
        {
            Call = call;
            NeedsEfReceiver = needsEfReceiver;
        }

        public DatabaseCall? Call { get; }

        public bool NeedsEfReceiver { get; }
    }
}
