using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers.Sql;

/// <summary>How an API treats the SQL it is given.</summary>
internal enum SqlSinkKind
{
    /// <summary>The string is executed as SQL text (FromSqlRaw, CommandText, Dapper): holes are spliced in.</summary>
    Raw,

    /// <summary>A FormattableString / interpolated overload (FromSql, ExecuteSql): holes become DbParameters.</summary>
    Parameterised,
}

/// <summary>A SQL text handed to a database API: the value, how the API treats it, and the API's name for messages.</summary>
internal readonly struct SqlSink
{
    public SqlSink(IOperation value, SqlSinkKind kind, string api, Location location)
    {
        Value = value;
        Kind = kind;
        Api = api;
        Location = location;
    }

    public IOperation Value { get; }

    public SqlSinkKind Kind { get; }

    /// <summary>E.g. <c>FromSqlRaw</c>, <c>SqlCommand.CommandText</c>, <c>new SqlCommand</c>, <c>Query</c>.</summary>
    public string Api { get; }

    /// <summary>Where a finding about this SQL is reported: the method name, the property, the constructed type.</summary>
    public Location Location { get; }
}
