using System;
using System.Collections.Generic;
using System.Linq;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// Recognises the places where SQL text reaches a database API: EF Core raw and interpolated methods, EF6
/// <c>Database.SqlQuery</c>/<c>ExecuteSqlCommand</c>, ADO.NET command text (any provider: by <c>IDbCommand</c> /
/// <c>DbCommand</c> / <c>DbBatchCommand</c> / <c>IDataAdapter</c>, never by provider name) and Dapper.
/// Every check starts with a name test, so most calls are dismissed without touching a symbol.
/// </summary>
internal static class SqlSinks
{
    private static readonly HashSet<string> EfMethods = new(StringComparer.Ordinal)
    {
        "FromSqlRaw", "FromSqlInterpolated", "FromSql", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolated",
        "ExecuteSqlInterpolatedAsync", "ExecuteSql", "ExecuteSqlAsync", "SqlQueryRaw", "SqlQuery", "ExecuteSqlCommand",
        "ExecuteSqlCommandAsync",
    };

    /// <summary>Dapper's executing methods that take SQL (its Query* family is open-ended: QueryFirstOrDefault…).</summary>
    private static readonly HashSet<string> DapperExecuteMethods = new(StringComparer.Ordinal)
    {
        "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync",
    };

    /// <summary>Whether the name is one of EF Core's or EF6's SQL methods (never a helper of the project).</summary>
    public static bool IsEfMethodName(string name) => EfMethods.Contains(name);

    /// <summary>The cheap pre-filter for invocations: could this method name be a SQL sink at all?</summary>
    public static bool IsCandidateMethodName(string name) =>
        EfMethods.Contains(name) || DapperExecuteMethods.Contains(name) || name.StartsWith("Query", StringComparison.Ordinal) || name == DataSourceCommand;

    /// <summary><c>DbDataSource.CreateCommand(sql)</c>; a connection's <c>CreateCommand()</c> takes no text.</summary>
    private const string DataSourceCommand = "CreateCommand";

    /// <summary>
    /// The syntax test of a call before binding: a name of EF, Dapper or ADO.NET that can pass SQL with this many
    /// arguments, or one of the other data-access libraries' (<see cref="MicroOrmSinks"/>).
    /// </summary>
    public static bool IsCandidateCall(string name, Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call) =>
        (IsCandidateMethodName(name) && MayPassSql(name, call.ArgumentList.Arguments.Count)) || MicroOrmSinks.IsCandidateCall(name, call);

    /// <summary>Whether a call to <paramref name="name"/> with <paramref name="arguments"/> arguments can pass SQL (the syntax test).</summary>
    public static bool MayPassSql(string name, int arguments) => name != DataSourceCommand || arguments > 0;

    /// <summary>The cheap semantic test, on the bound method alone: an EF / EF6 SQL method or Dapper's.</summary>
    public static bool IsSinkMethod(IMethodSymbol method, SqlSymbols sql)
    {
        var declaring = (method.ReducedFrom ?? method).ContainingType?.OriginalDefinition;
        return declaring != null && ((EfMethods.Contains(method.Name) && IsEfSqlApi(declaring, sql)) || declaring.IsType(sql.DapperSqlMapper) ||
            (method.Name == DataSourceCommand && declaring.IsOrDerivesFrom(sql.DbDataSource)) || MicroOrmSinks.IsSinkMethod(method));
    }

    /// <summary>The cheap semantic test for constructors: a command, data adapter or Dapper CommandDefinition.</summary>
    public static bool IsSinkType(ITypeSymbol? type, SqlSymbols sql) =>
        type.IsType(sql.DapperCommandDefinition) || sql.IsAdoCommand(type) || sql.IsDataAdapter(type) || type.IsOrDerivesFrom(sql.DbBatchCommand) ||
        MicroOrmSinks.IsSinkType(type);

    /// <summary>The cheap semantic test for assignments: the CommandText of an ADO.NET command or batch command.</summary>
    public static bool IsCommandText(IPropertySymbol property, SqlSymbols sql) =>
        property.Name == "CommandText" && (sql.IsAdoCommand(property.ContainingType) || property.ContainingType.IsOrDerivesFrom(sql.DbBatchCommand));

    /// <summary>The cheap pre-filter for constructors.</summary>
    public static bool IsCandidateTypeName(string name) =>
        name.EndsWith("Command", StringComparison.Ordinal) || name.EndsWith("DataAdapter", StringComparison.Ordinal) ||
        name == "CommandDefinition" || MicroOrmSinks.IsCandidateTypeName(name);

    public static bool TryGet(IInvocationOperation invocation, SqlSymbols sql, out SqlSink sink)
    {
        sink = default;
        var method = invocation.TargetMethod;
        if (!IsCandidateMethodName(method.Name))
        {
            return MicroOrmSinks.TryGet(invocation, out sink);
        }

        var declaring = (method.ReducedFrom ?? method).ContainingType?.OriginalDefinition;
        if (declaring == null)
        {
            return false;
        }

        if (EfMethods.Contains(method.Name) && IsEfSqlApi(declaring, sql))
        {
            var argument = invocation.ArgumentFor("sql");
            if (argument == null)
            {
                return false;
            }

            var kind = argument.Parameter!.Type.IsType(sql.FormattableString) ? SqlSinkKind.Parameterised : SqlSinkKind.Raw;
            sink = new SqlSink(argument.Value, kind, method.Name, SyntaxLocations.NameOf(invocation));
            return true;
        }

        if (declaring.IsType(sql.DapperSqlMapper))
        {
            var argument = invocation.ArgumentFor("sql");
            if (argument == null || argument.Parameter!.Type.SpecialType != SpecialType.System_String || IsStoredProcedure(invocation.ArgumentFor("commandType")?.Value))
            {
                return false;
            }

            sink = new SqlSink(argument.Value, SqlSinkKind.Raw, method.Name, SyntaxLocations.NameOf(invocation));
            return true;
        }

        if (method.Name == DataSourceCommand && declaring.IsOrDerivesFrom(sql.DbDataSource))
        {
            // CreateCommand(string? commandText = null): only text the call passes is SQL.
            var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String && !a.IsImplicit);
            if (argument == null || argument.Value.ConstantValue is { HasValue: true, Value: null })
            {
                return false;
            }

            sink = new SqlSink(argument.Value, SqlSinkKind.Raw, method.Name, SyntaxLocations.NameOf(invocation));
            return true;
        }

        return MicroOrmSinks.TryGet(invocation, out sink);
    }

    public static bool TryGet(IObjectCreationOperation creation, SqlSymbols sql, out SqlSink sink)
    {
        sink = default;
        var type = creation.Type;
        var constructor = creation.Constructor;
        if (type == null || constructor == null || !IsCandidateTypeName(type.Name))
        {
            return false;
        }

        var isDapper = type.IsType(sql.DapperCommandDefinition);
        if (!isDapper && !sql.IsAdoCommand(type) && !sql.IsDataAdapter(type) && !type.IsOrDerivesFrom(sql.DbBatchCommand))
        {
            return MicroOrmSinks.TryGet(creation, out sink);
        }

        var stringParameters = 0;
        foreach (var parameter in constructor.Parameters)
        {
            stringParameters += parameter.Type.SpecialType == SpecialType.System_String ? 1 : 0;
        }

        foreach (var argument in creation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter == null || parameter.Type.SpecialType != SpecialType.System_String || argument.IsImplicit)
            {
                continue;
            }

            // CA2100's reading of provider constructors: the only string, or the one named like a command.
            if (stringParameters == 1 || parameter.Name.IndexOf("cmd", StringComparison.OrdinalIgnoreCase) >= 0 ||
                parameter.Name.IndexOf("command", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                if (IsStoredProcedureCommand(creation))
                {
                    return false;
                }

                sink = new SqlSink(argument.Value, SqlSinkKind.Raw, "new " + type.Name, SyntaxLocations.NameOf(creation));
                return true;
            }
        }

        return false;
    }

    /// <summary><c>command.CommandText = ...</c> (also <c>+=</c> and object initializers) on any ADO.NET command or batch command.</summary>
    public static bool TryGet(IAssignmentOperation assignment, SqlSymbols sql, out SqlSink sink)
    {
        sink = default;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "CommandText" } property)
        {
            return false;
        }

        var owner = property.Property.ContainingType;
        if (!sql.IsAdoCommand(owner) && !owner.IsOrDerivesFrom(sql.DbBatchCommand))
        {
            return false;
        }

        if (IsStoredProcedureCommand(assignment))
        {
            return false;
        }

        sink = new SqlSink(assignment.Value, SqlSinkKind.Raw, owner.Name + ".CommandText", SyntaxLocations.NameOf(assignment));
        return true;
    }

    private static bool IsEfSqlApi(INamedTypeSymbol declaring, SqlSymbols sql) =>
        declaring.IsType(sql.EfRelationalQueryable) || declaring.IsType(sql.EfRelationalDatabase) || declaring.IsType(sql.Ef6Database) ||
        declaring.IsType(sql.Ef6DbSet) || declaring.IsType(sql.Ef6DbSetNonGeneric);

    internal static bool IsStoredProcedure(IOperation? value) =>
        value?.WithoutConversions() is { ConstantValue: { HasValue: true, Value: 4 } } or IFieldReferenceOperation { Field.Name: "StoredProcedure" };

    /// <summary>
    /// A command whose <c>CommandType</c> is set to <c>StoredProcedure</c> in the same initializer or block: its text is a
    /// procedure name sent as an RPC, never parsed as SQL (CA2100's false positive on allow-listed procedure names).
    /// </summary>
    private static bool IsStoredProcedureCommand(IOperation operation)
    {
        IOperation? scope = operation.Parent;
        while (scope != null && scope is not IObjectOrCollectionInitializerOperation && scope is not IBlockOperation)
        {
            scope = scope.Parent;
        }

        if (scope == null)
        {
            return false;
        }

        if (scope is IBlockOperation && operation is IObjectCreationOperation creation && creation.Initializer != null)
        {
            scope = creation.Initializer;
        }

        // Walking the scope's operations was most of this test's cost, and most scopes never name CommandType: a scope
        // whose text does not spell it (and has no escape that could) cannot set it.
        var written = scope.Syntax.SyntaxTree.GetText().ToString(scope.Syntax.Span);
        if (written.IndexOf("CommandType", StringComparison.Ordinal) < 0 && written.IndexOf('\\') < 0)
        {
            return false;
        }

        // The command the CommandType must be set on: the one assigned to, or the variable a creation is stored in
        // (var command = new SqlCommand(name, connection); command.CommandType = …); null for the object an initializer sets.
        // A creation in a block that is stored nowhere has no CommandType set on it there.
        ISymbol? command = null;
        if (operation is IAssignmentOperation { Target: IPropertyReferenceOperation target })
        {
            command = VariableOf(target.Instance);
        }
        else if (operation is IObjectCreationOperation created && scope is IBlockOperation && (command = StoredIn(created)) == null)
        {
            return false;
        }

        foreach (var descendant in scope.Descendants())
        {
            if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "CommandType" } commandType } set &&
                IsStoredProcedure(set.Value) && SymbolEqualityComparer.Default.Equals(VariableOf(commandType.Instance), command))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local a creation initialises or the variable it is assigned to, or null when it is not stored.</summary>
    private static ISymbol? StoredIn(IObjectCreationOperation creation) =>
        creation.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment when assignment.Value == creation => VariableOf(assignment.Target),
            IConversionOperation { Parent: ISimpleAssignmentOperation assignment } => VariableOf(assignment.Target),
            _ => null,
        };

    /// <summary>The variable or property a command lives in (null for the object being initialised).</summary>
    private static ISymbol? VariableOf(IOperation? instance) =>
        instance?.WithoutConversions() is IPropertyReferenceOperation property ? property.Property : instance.VariableOf();
}
