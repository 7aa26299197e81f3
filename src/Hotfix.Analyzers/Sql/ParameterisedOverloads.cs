using System.Linq;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// The parameterised twin of each EF Core raw method, as far as the referenced EF version has one: <c>FromSql</c>,
/// <c>ExecuteSql(Async)</c>, <c>SqlQuery</c> (EF 7+), else <c>FromSqlInterpolated</c> / <c>ExecuteSqlInterpolated(Async)</c>
/// (EF 3–6). The HF3001 code fix is offered only when the raw call passes an interpolated string and nothing after it
/// but a cancellation token, so the twin binds to exactly the same arguments (EF1002's restriction).
/// </summary>
internal sealed class ParameterisedOverloads
{
    private readonly SqlSymbols sql;

    private ParameterisedOverloads(SqlSymbols sql) => this.sql = sql;

    public static ParameterisedOverloads Create(SqlSymbols sql) => new(sql);

    /// <summary>The method the raw call can switch to, or null.</summary>
    public string? For(IInvocationOperation invocation, SqlSink sink)
    {
        if (sink.Kind != SqlSinkKind.Raw || sink.Value.WithoutConversions() is not IInterpolatedStringOperation)
        {
            return null;
        }

        var usesToken = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter == null || argument.Parameter.Ordinal == 0 || argument.Parameter.Name == "sql")
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                // A params argument is always implicit; what matters is whether anything was passed in it.
                if (argument.Value is IArrayCreationOperation { Initializer.ElementValues.Length: 0 } or IArrayCreationOperation { Initializer: null })
                {
                    continue;
                }

                return null; // positional parameters ({0}) have no place in an interpolated call
            }

            if (argument.Parameter.Type.Name == "CancellationToken")
            {
                usesToken |= !argument.IsImplicit;
                continue;
            }

            if (!argument.IsImplicit)
            {
                return null;
            }
        }

        var name = invocation.TargetMethod.Name;
        var container = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).ContainingType;
        string[] candidates = name switch
        {
            "FromSqlRaw" => new[] { "FromSql", "FromSqlInterpolated" },
            "ExecuteSqlRaw" => new[] { "ExecuteSql", "ExecuteSqlInterpolated" },
            "ExecuteSqlRawAsync" => new[] { "ExecuteSqlAsync", "ExecuteSqlInterpolatedAsync" },
            "SqlQueryRaw" => new[] { "SqlQuery" },
            _ => System.Array.Empty<string>(),
        };

        return candidates.FirstOrDefault(candidate => Exists(container, candidate, usesToken));
    }

    private bool Exists(INamedTypeSymbol container, string name, bool withToken) =>
        container.GetMembers(name).OfType<IMethodSymbol>().Any(m =>
            m.Parameters.Any(p => p.Name == "sql" && p.Type.IsType(sql.FormattableString)) &&
            (!withToken || m.Parameters.Any(p => p.Type.Name == "CancellationToken")));
}
