// Idiom corpus: HF3001: table names from properties every implementation of which returns a literal.
using System;
using System.Linq;
using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Dapper;

public abstract class BaseRepo(IDbConnection conn)
{
    protected abstract string TableName { get; }
    protected virtual string Schema => "dbo";
    protected IDbConnection Conn { get; } = conn;
    public Task<IEnumerable<dynamic>> All() => Conn.QueryAsync($"SELECT * FROM {Schema}.{TableName}");
}

public class UserRepo(IDbConnection conn) : BaseRepo(conn)
{
    protected override string TableName => "Users";
    private string Columns { get; } = "Id, Name";
    private const string Select = "SELECT ";
    public Task<IEnumerable<dynamic>> Names() => Conn.QueryAsync(Select + Columns + " FROM " + TableName);
}
