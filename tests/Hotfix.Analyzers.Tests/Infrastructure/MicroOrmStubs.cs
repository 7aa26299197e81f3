namespace Hotfix.Analyzers.Tests.Infrastructure;

/// <summary>
/// The SQL-taking surface of linq2db, SqlKata, RepoDb, PetaPoco and NPoco, written from their documented signatures
/// (the packages are not referenced by the tests): a second file of the compilation under test.
/// </summary>
internal static class MicroOrmStubs
{
    public const string Usings = """
        using LinqToDB;
        using LinqToDB.Data;
        using SqlKata;
        using SqlKata.Execution;
        using RepoDb;

        """;

    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Data.Common;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        namespace LinqToDB
        {
            public interface IDataContext { }
            public readonly struct RawSqlString
            {
                public RawSqlString(string format) => Format = format;
                public string Format { get; }
                public static implicit operator RawSqlString(string s) => new(s);
                // EF Core 2's trick, kept by linq2db: an interpolated string then binds to the FormattableString overload.
                public static implicit operator RawSqlString(FormattableString fs) => default;
            }
            public static class DataExtensions
            {
                public static IQueryable<T> FromSql<T>(this IDataContext dataContext, RawSqlString sql, params object?[] parameters) => throw null!;
                public static IQueryable<T> FromSql<T>(this IDataContext dataContext, FormattableString sql) => throw null!;
                public static ITable<T> GetTable<T>(this IDataContext dataContext) where T : class => throw null!;
            }
            public interface ITable<T> : IQueryable<T> { }
        }

        namespace LinqToDB.Data
        {
            public sealed class DataParameter { public DataParameter(string name, object? value) { } }
            public class DataConnection : IDataContext, IDisposable { public void Dispose() { } }
            public static class DataConnectionExtensions
            {
                public static IEnumerable<T> Query<T>(this DataConnection connection, string sql) => throw null!;
                public static IEnumerable<T> Query<T>(this DataConnection connection, string sql, params DataParameter[] parameters) => throw null!;
                public static IEnumerable<T> Query<T>(this DataConnection connection, string sql, object? parameters) => throw null!;
                public static int Execute(this DataConnection connection, string sql) => throw null!;
                public static int Execute(this DataConnection connection, string sql, params DataParameter[] parameters) => throw null!;
                public static T Execute<T>(this DataConnection connection, string sql, params DataParameter[] parameters) => throw null!;
                public static Task<int> ExecuteAsync(this DataConnection connection, string sql, params DataParameter[] parameters) => throw null!;
                public static int ExecuteProc(this DataConnection connection, string sql, params DataParameter[] parameters) => throw null!;
                public static IEnumerable<T> QueryProc<T>(this DataConnection connection, string sql, params DataParameter[] parameters) => throw null!;
            }
        }

        namespace SqlKata
        {
            public abstract class AbstractQuery { }
            public abstract partial class BaseQuery<Q> : AbstractQuery where Q : BaseQuery<Q>
            {
                public Q From(string table) => throw null!;
                public Q FromRaw(string sql, params object[] bindings) => throw null!;
                public Q Where(string column, string op, object value) => throw null!;
                public Q Where(string column, object value) => throw null!;
                public Q WhereRaw(string sql, params object[] bindings) => throw null!;
                public Q OrWhereRaw(string sql, params object[] bindings) => throw null!;
            }
            public partial class Query : BaseQuery<Query>
            {
                public Query() { }
                public Query(string table) { }
                public Query Select(params string[] columns) => throw null!;
                public Query SelectRaw(string sql, params object[] bindings) => throw null!;
                public Query OrderBy(params string[] columns) => throw null!;
                public Query OrderByRaw(string expression, params object[] bindings) => throw null!;
                public Query GroupByRaw(string expression, params object[] bindings) => throw null!;
                public Query HavingRaw(string sql, params object[] bindings) => throw null!;
            }
            public class Raw { public Raw(string value, params object[] bindings) { } }
        }

        namespace SqlKata.Execution
        {
            public class QueryFactory
            {
                public Query Query(string table) => throw null!;
                public IEnumerable<T> Select<T>(string sql, object? param = null, IDbTransaction? transaction = null, int? timeout = null) => throw null!;
                public int Statement(string sql, object? param = null, IDbTransaction? transaction = null, int? timeout = null) => throw null!;
                public Task<int> StatementAsync(string sql, object? param = null, IDbTransaction? transaction = null, int? timeout = null, CancellationToken cancellationToken = default) => throw null!;
            }
            public static class QueryExtensions
            {
                public static IEnumerable<T> Get<T>(this Query query, IDbTransaction? transaction = null, int? timeout = null) => throw null!;
                public static T FirstOrDefault<T>(this Query query, IDbTransaction? transaction = null, int? timeout = null) => throw null!;
                public static Task<T> FirstOrDefaultAsync<T>(this Query query, IDbTransaction? transaction = null, int? timeout = null, CancellationToken cancellationToken = default) => throw null!;
                public static int Delete(this Query query, IDbTransaction? transaction = null, int? timeout = null) => throw null!;
            }
        }

        namespace RepoDb
        {
            public static partial class DbConnectionExtension
            {
                public static IEnumerable<dynamic> ExecuteQuery(this IDbConnection connection, string commandText, object? param = null, CommandType? commandType = null, string? cacheKey = null, int? commandTimeout = null, IDbTransaction? transaction = null) => throw null!;
                public static IEnumerable<TResult> ExecuteQuery<TResult>(this IDbConnection connection, string commandText, object? param = null, CommandType? commandType = null, string? cacheKey = null, int? commandTimeout = null, IDbTransaction? transaction = null) => throw null!;
                public static Task<IEnumerable<TResult>> ExecuteQueryAsync<TResult>(this IDbConnection connection, string commandText, object? param = null, CommandType? commandType = null, string? cacheKey = null, int? commandTimeout = null, IDbTransaction? transaction = null, CancellationToken cancellationToken = default) => throw null!;
                public static int ExecuteNonQuery(this IDbConnection connection, string commandText, object? param = null, CommandType? commandType = null, int? commandTimeout = null, IDbTransaction? transaction = null) => throw null!;
                public static Task<int> ExecuteNonQueryAsync(this IDbConnection connection, string commandText, object? param = null, CommandType? commandType = null, int? commandTimeout = null, IDbTransaction? transaction = null, CancellationToken cancellationToken = default) => throw null!;
                public static TResult ExecuteScalar<TResult>(this IDbConnection connection, string commandText, object? param = null, CommandType? commandType = null, int? commandTimeout = null, IDbTransaction? transaction = null) => throw null!;
                public static IEnumerable<T> Query<T>(this IDbConnection connection, object what, string? hints = null) where T : class => throw null!;
            }
        }

        namespace PetaPoco
        {
            public class Sql
            {
                public Sql() { }
                public Sql(string sql, params object[] args) { }
                public static Sql Builder => new();
                public Sql Append(string sql, params object[] args) => this;
                public Sql Append(Sql sql) => this;
                public Sql Select(params object[] columns) => this;
                public Sql From(params object[] tables) => this;
                public Sql Where(string sql, params object[] args) => this;
                public Sql OrderBy(params object[] columns) => this;
            }
            public class Page<T> { public List<T> Items { get; set; } = new(); }
            public interface IDatabase : IDisposable
            {
                int Execute(string sql, params object[] args);
                int Execute(Sql sql);
                Task<int> ExecuteAsync(string sql, params object[] args);
                T ExecuteScalar<T>(string sql, params object[] args);
                IEnumerable<T> Query<T>(string sql, params object[] args);
                IEnumerable<T> Query<T>(Sql sql);
                List<T> Fetch<T>(string sql, params object[] args);
                List<T> Fetch<T>(Sql sql);
                Task<List<T>> FetchAsync<T>(string sql, params object[] args);
                Page<T> Page<T>(long page, long itemsPerPage, string sql, params object[] args);
                T Single<T>(object primaryKey);
                T SingleOrDefault<T>(string sql, params object[] args);
                T FirstOrDefault<T>(string sql, params object[] args);
                bool Exists<T>(string sqlCondition, params object[] args);
                int Delete<T>(string sql, params object[] args);
                int Update<T>(string sql, params object[] args);
            }
            public class Database : IDatabase
            {
                public Database(string connectionStringName) { }
                public void Dispose() { }
                public int Execute(string sql, params object[] args) => 0;
                public int Execute(Sql sql) => 0;
                public Task<int> ExecuteAsync(string sql, params object[] args) => Task.FromResult(0);
                public T ExecuteScalar<T>(string sql, params object[] args) => default!;
                public IEnumerable<T> Query<T>(string sql, params object[] args) => throw null!;
                public IEnumerable<T> Query<T>(Sql sql) => throw null!;
                public List<T> Fetch<T>(string sql, params object[] args) => new();
                public List<T> Fetch<T>(Sql sql) => new();
                public Task<List<T>> FetchAsync<T>(string sql, params object[] args) => Task.FromResult(new List<T>());
                public Page<T> Page<T>(long page, long itemsPerPage, string sql, params object[] args) => new();
                public T Single<T>(object primaryKey) => default!;
                public T SingleOrDefault<T>(string sql, params object[] args) => default!;
                public T FirstOrDefault<T>(string sql, params object[] args) => default!;
                public bool Exists<T>(string sqlCondition, params object[] args) => false;
                public int Delete<T>(string sql, params object[] args) => 0;
                public int Update<T>(string sql, params object[] args) => 0;
            }
        }

        namespace NPoco
        {
            public class Sql
            {
                public Sql() { }
                public Sql(string sql, params object[] args) { }
                public static Sql Builder => new();
                public Sql Append(string sql, params object[] args) => this;
                public Sql Where(string sql, params object[] args) => this;
            }
            public interface IDatabaseQuery
            {
                List<T> Fetch<T>(string sql, params object[] args);
                List<T> Fetch<T>(Sql sql);
                int Execute(string sql, params object[] args);
                T SingleOrDefault<T>(string sql, params object[] args);
            }
            public interface IDatabase : IDatabaseQuery, IDisposable { }
        }
        """;
}
