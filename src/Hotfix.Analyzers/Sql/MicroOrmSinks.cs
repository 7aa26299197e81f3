using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// The SQL-taking methods of the data-access libraries besides EF and Dapper — linq2db, SqlKata, RepoDb, PetaPoco and
/// NPoco. Each of them runs (or splices into the statement it compiles) the text it is given and takes the values as
/// separate arguments (<c>Fetch&lt;T&gt;("… @0", x)</c>, <c>WhereRaw("… ?", x)</c>, <c>ExecuteQuery(text, new { x })</c>):
/// their text argument is a raw sink like Dapper's. Recognised by the library's namespace, the method's name and the
/// SQL parameter's name, so a method of the same name elsewhere (LINQ's <c>Where</c>, <c>StringBuilder.Append</c>) is not.
/// </summary>
internal static class MicroOrmSinks
{
    private static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal)
    {
        "LinqToDB", "LinqToDB.Data", "SqlKata", "SqlKata.Execution", "RepoDb", "RepoDb.Extensions", "PetaPoco", "NPoco",
    };

    /// <summary>
    /// Method names that take SQL text in one of those libraries (their stored-procedure methods — linq2db's
    /// <c>QueryProc</c>/<c>ExecuteProc</c>, PetaPoco's <c>…Proc</c> — take a procedure name and are not here).
    /// </summary>
    private static readonly HashSet<string> MethodNames = new(StringComparer.Ordinal)
    {
        // linq2db (its Query… share Dapper's pre-filter)
        "FromSql", "FromSqlScalar", "SetCommand", "QueryToArray", "QueryToArrayAsync", "QueryToList", "QueryToListAsync",
        // SqlKata's query builder and QueryFactory
        "WhereRaw", "OrWhereRaw", "SelectRaw", "FromRaw", "OrderByRaw", "GroupByRaw", "HavingRaw", "OrHavingRaw", "JoinRaw",
        "CombineRaw", "UnionRaw", "UnionAllRaw", "WithRaw", "Select", "SelectAsync", "Statement", "StatementAsync",
        // RepoDb
        "ExecuteQuery", "ExecuteQueryAsync", "ExecuteNonQuery", "ExecuteNonQueryAsync", "ExecuteQueryMultiple", "ExecuteQueryMultipleAsync",
        "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync",
        // PetaPoco and NPoco: Database/IDatabase and the Sql builder
        "Fetch", "FetchAsync", "Page", "PageAsync", "SkipTake", "SkipTakeAsync", "Single", "SingleAsync", "SingleOrDefault",
        "SingleOrDefaultAsync", "First", "FirstAsync", "FirstOrDefault", "FirstOrDefaultAsync", "Exists", "ExistsAsync",
        "Delete", "DeleteAsync", "Update", "UpdateAsync", "Append", "Where",
    };

    /// <summary>Types whose constructor takes SQL: PetaPoco's and NPoco's <c>Sql</c>, SqlKata's <c>Raw</c>, linq2db's <c>CommandInfo</c>.</summary>
    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal) { "Sql", "Raw", "CommandInfo" };

    /// <summary>How those libraries name their SQL parameter (PetaPoco's <c>Exists</c> takes a condition; SqlKata's <c>OrderByRaw</c> an expression).</summary>
    private static readonly HashSet<string> SqlParameterNames = new(StringComparer.Ordinal)
    {
        "sql", "commandText", "sqlCondition", "expression",
    };

    /// <summary>
    /// The syntax test, before binding: a name those libraries use for a SQL method. Several are LINQ's too
    /// (<c>Where</c>, <c>Select</c>, <c>First</c>, …), called thousands of times with a lambda — never SQL text, so never
    /// bound for this. <c>Append</c> is also StringBuilder's, called thousands of times in SQL-building code: only an
    /// append given text put together in place (an interpolation with holes, a concatenation) is worth binding; one
    /// given a value is a StringBuilder's piece.
    /// </summary>
    public static bool IsCandidateCall(string name, InvocationExpressionSyntax call) =>
        MethodNames.Contains(name) && call.ArgumentList.Arguments.Count > 0 &&
        SyntaxFilters.Unparenthesized(call.ArgumentList.Arguments[0].Expression) is not (AnonymousFunctionExpressionSyntax) &&
        (name != "Append" || IsPutTogether(call.ArgumentList.Arguments[0].Expression));

    public static bool IsCandidateTypeName(string name) => TypeNames.Contains(name);

    public static bool IsSinkMethod(IMethodSymbol method)
    {
        var original = method.ReducedFrom ?? method;
        return IsMethodName(original.Name) && IsLibraryType(original.ContainingType);
    }

    /// <summary>One of the names above, or a <c>Query…</c> (linq2db's, PetaPoco's) that is not a stored procedure's.</summary>
    private static bool IsMethodName(string name) =>
        MethodNames.Contains(name) || (name.StartsWith("Query", StringComparison.Ordinal) && name.IndexOf("Proc", StringComparison.Ordinal) < 0);

    public static bool IsSinkType(ITypeSymbol? type) => type is INamedTypeSymbol named && TypeNames.Contains(named.Name) && IsLibraryType(named);

    public static bool TryGet(IInvocationOperation invocation, out SqlSink sink)
    {
        sink = default;
        if (!IsSinkMethod(invocation.TargetMethod) || SqlArgument(invocation.Arguments, constructor: false) is not { } argument)
        {
            return false;
        }

        // RepoDb's commandType: CommandType.StoredProcedure sends a procedure name, as Dapper's does.
        if (SqlSinks.IsStoredProcedure(invocation.ArgumentFor("commandType")?.Value))
        {
            return false;
        }

        sink = new SqlSink(argument.Value, KindOf(argument), invocation.TargetMethod.Name, SyntaxLocations.NameOf(invocation));
        return true;
    }

    public static bool TryGet(IObjectCreationOperation creation, out SqlSink sink)
    {
        sink = default;
        if (!IsSinkType(creation.Type) || SqlArgument(creation.Arguments, constructor: true) is not { } argument)
        {
            return false;
        }

        sink = new SqlSink(argument.Value, KindOf(argument), "new " + creation.Type!.Name, SyntaxLocations.NameOf(creation));
        return true;
    }

    /// <summary>The text argument: a string (or linq2db's <c>RawSqlString</c>, or a FormattableString) parameter named as SQL; for SqlKata's <c>Raw</c>, its value.</summary>
    private static IArgumentOperation? SqlArgument(ImmutableArray<IArgumentOperation> arguments, bool constructor)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || argument.IsImplicit || !IsText(parameter.Type))
            {
                continue;
            }

            if (SqlParameterNames.Contains(parameter.Name) || (constructor && parameter.Ordinal == 0 && parameter.Name is "value" or "commandText"))
            {
                return argument;
            }
        }

        return null;
    }

    private static bool IsText(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String || type.Name is "RawSqlString" or nameof(FormattableString);

    private static SqlSinkKind KindOf(IArgumentOperation argument) =>
        argument.Parameter!.Type.Name == nameof(FormattableString) ? SqlSinkKind.Parameterised : SqlSinkKind.Raw;

    /// <summary>A type of linq2db, SqlKata, RepoDb, PetaPoco or NPoco, by its namespace.</summary>
    public static bool IsLibraryType(INamedTypeSymbol? type) =>
        type?.ContainingNamespace is { IsGlobalNamespace: false } ns && Namespaces.Contains(ns.ToDisplayString());

    private static bool IsPutTogether(ExpressionSyntax expression) => SyntaxFilters.Unparenthesized(expression) switch
    {
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.Any(c => c is InterpolationSyntax),
        BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.AddExpression),
        _ => false,
    };
}
