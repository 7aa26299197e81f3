// Idiom corpus: HF3001 and HF2009 through a data-access layer of the project — a static SqlHelper, a repository base class whose
// helpers run their text, an interface over a Dapper helper. Built SQL handed to such a helper is found at the call;
// parameterised text, constants, log messages and helpers that do not run their text stay silent.
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Legacy.Data
{
    public static class SqlHelper
    {
        public static string ConnectionString { get; set; } = "Data Source=legacy.db";

        public static int ExecuteNonQuery(string commandText, params SqliteParameter[] parameters)
        {
            using var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            using var command = new SqliteCommand(commandText, connection);
            command.Parameters.AddRange(parameters);
            return command.ExecuteNonQuery();
        }

        public static object? ExecuteScalar(string commandText) => ExecuteScalar(commandText, Array.Empty<SqliteParameter>());

        public static object? ExecuteScalar(string commandText, SqliteParameter[] parameters)
        {
            using var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = commandText;
            command.Parameters.AddRange(parameters);
            return command.ExecuteScalar();
        }
    }

    public abstract class RepositoryBase
    {
        protected readonly DbConnection Connection;

        protected RepositoryBase(DbConnection connection) => Connection = connection;

        protected DataTable ExecuteQuery(string sql, object? parameters = null)
        {
            var table = new DataTable();
            table.Load(Connection.ExecuteReader(sql, parameters));
            return table;
        }

        protected void Audit(ILogger logger, string message) => logger.LogInformation("{Message}", message);
    }

    public interface IQueryRunner
    {
        Task<IEnumerable<T>> ListAsync<T>(string sql, object? parameters = null);
    }

    public sealed class DapperQueryRunner : IQueryRunner
    {
        private readonly IDbConnection connection;

        public DapperQueryRunner(IDbConnection connection) => this.connection = connection;

        public Task<IEnumerable<T>> ListAsync<T>(string sql, object? parameters = null) => connection.QueryAsync<T>(sql, parameters);
    }
}

namespace Legacy.Customers
{
    using Legacy.Data;

    public sealed class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }

    public sealed class CustomerRepository : RepositoryBase
    {
        private static readonly string[] SortColumns = { "Name", "CreatedAt" };
        private readonly IQueryRunner runner;
        private readonly ILogger<CustomerRepository> logger;

        public CustomerRepository(DbConnection connection, IQueryRunner runner, ILogger<CustomerRepository> logger) : base(connection)
        {
            this.runner = runner;
            this.logger = logger;
        }

        public DataTable ByName(string name) =>
            ExecuteQuery("SELECT * FROM Customers WHERE Name = @name", new { name });

        public DataTable ByNameUnsafe(string name) =>
            ExecuteQuery("SELECT * FROM Customers WHERE Name = '" + name + "'");  // expect HF3001

        public DataTable Sorted(int sort) =>
            ExecuteQuery("SELECT * FROM Customers ORDER BY " + SortColumns[sort]);

        public int Rename(int id, string name) =>
            SqlHelper.ExecuteNonQuery("UPDATE Customers SET Name = @name WHERE Id = @id", new SqliteParameter("@name", name), new SqliteParameter("@id", id));

        public int RenameUnsafe(int id, string name) =>
            SqlHelper.ExecuteNonQuery($"UPDATE Customers SET Name = '{name}' WHERE Id = {id}");  // expect HF3001

        public long Count(string region)
        {
            var sql = "SELECT COUNT(*) FROM Customers";
            if (!string.IsNullOrEmpty(region))
            {
                sql += " WHERE Region = '" + region + "'";
            }

            return (long)(SqlHelper.ExecuteScalar(sql) ?? 0L);  // expect HF3001
        }

        public long CountAll() => (long)(SqlHelper.ExecuteScalar("SELECT COUNT(*) FROM Customers") ?? 0L);

        public Task<IEnumerable<Customer>> Search(string term) =>
            runner.ListAsync<Customer>("SELECT * FROM Customers WHERE Name LIKE @term", new { term = "%" + term + "%" });

        public Task<IEnumerable<Customer>> SearchUnsafe(string term) =>
            runner.ListAsync<Customer>($"SELECT * FROM Customers WHERE Name LIKE '%{term}%'");  // expect HF3001

        public int ClearAudit() => SqlHelper.ExecuteNonQuery("DELETE FROM CustomerAudit");  // expect HF2009

        public void Delete(int id)
        {
            Audit(logger, $"delete customer {id} where requested");
            SqlHelper.ExecuteNonQuery("DELETE FROM Customers WHERE Id = @id", new SqliteParameter("@id", id));
        }
    }
}
