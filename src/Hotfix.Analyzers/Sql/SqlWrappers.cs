using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// Methods of the project that run a string parameter as SQL unchanged — the data-access helper of countless services
/// (<c>public DataTable Query(string sql) { using var command = new SqlCommand(sql, connection); … }</c>), its overloads
/// that hand the text on to each other, and the implementations behind a helper's interface. A call that passes built
/// SQL to such a parameter injects as surely as the command it ends in. Read from the helper's syntax (another file's
/// semantic model is out of reach, RS1030): the parameter, never assigned in the helper, is the first argument of a
/// command or data adapter constructor, a <c>CommandText</c>, or an EF Core / Dapper SQL call — or the same of another
/// helper of the project, at most <see cref="MaxDepth"/> helpers deep. Verdicts are cached per method and parameter.
/// </summary>
internal sealed class SqlWrappers
{
    private const int MaxDepth = 3;

    /// <summary>One reader per compilation, shared by HF3001 and HF2009: each helper is read once.</summary>
    private static readonly ConditionalWeakTable<Compilation, SqlWrappers> PerCompilation = new();

    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Ordinal), string?> verdicts = new(new KeyComparer());

    private SqlWrappers(Compilation compilation) => this.compilation = compilation;

    public static SqlWrappers For(Compilation compilation) => PerCompilation.GetValue(compilation, c => new SqlWrappers(c));

    /// <summary>
    /// The arguments of the call being analyzed that a helper of the project runs as SQL, each with the name a message
    /// gives it (<c>SqlHelper.ExecuteNonQuery → new SqlCommand</c>); <paramref name="mayMatter"/> tests an argument's
    /// syntax before its helper is read. Nothing for a call of a library's method: those are the sinks' business.
    /// </summary>
    public IEnumerable<(IArgumentOperation Argument, string Api)> SqlArguments(SyntaxNodeAnalysisContext context, Func<ExpressionSyntax, bool> mayMatter)
    {
        if (context.SymbolOf<IMethodSymbol>() is not { } target ||
            !SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, compilation.Assembly) ||
            context.OperationOf<IInvocationOperation>() is not { } invocation)
        {
            yield break;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_String, ContainingSymbol: IMethodSymbol helper } parameter &&
                argument.Syntax is ArgumentSyntax written && mayMatter(written.Expression) &&
                SinkOf(helper, parameter.Ordinal, context.CancellationToken) is { } inner)
            {
                yield return (argument, helper.ContainingType.Name + "." + helper.Name + " → " + inner);
            }
        }
    }

    /// <summary>
    /// The SQL API a source method hands its string parameter <paramref name="ordinal"/> to unchanged (<c>new SqlCommand</c>,
    /// <c>CommandText</c>, <c>Query</c>…), or null when it does not.
    /// </summary>
    public string? SinkOf(IMethodSymbol method, int ordinal, CancellationToken cancellationToken) => SinkOf(method.OriginalDefinition, ordinal, 0, cancellationToken);

    private string? SinkOf(IMethodSymbol method, int ordinal, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth || ordinal < 0 || ordinal >= method.Parameters.Length || method.Parameters[ordinal].Type.SpecialType != SpecialType.System_String ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
        {
            return null;
        }

        if (verdicts.TryGetValue((method, ordinal), out var known))
        {
            return known;
        }

        // Only a whole answer is kept: one reached through other helpers may have been cut short at MaxDepth (a cycle).
        var sink = Find(method, ordinal, depth, cancellationToken);
        return depth == 0 ? verdicts.GetOrAdd((method, ordinal), sink) : sink;
    }

    private string? Find(IMethodSymbol method, int ordinal, int depth, CancellationToken cancellationToken)
    {
        if (method.IsAbstract || method.ContainingType.TypeKind == TypeKind.Interface)
        {
            return Implementations(method).Select(m => SinkOf(m, ordinal, depth + 1, cancellationToken)).FirstOrDefault(s => s != null);
        }

        var name = method.Parameters[ordinal].Name;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax(cancellationToken) switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                _ => null,
            };
            if (body != null && SinkIn(body, name, method, depth, cancellationToken) is { } sink)
            {
                return sink;
            }
        }

        return null;
    }

    private string? SinkIn(SyntaxNode body, string parameter, IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        string? found = null;
        foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && Is(assignment.Left, parameter):
                    return null; // given another text before it runs: what the caller passed may never reach the SQL
                case AssignmentExpressionSyntax assignment when found == null && SyntaxFilters.NameOf(assignment.Left) == "CommandText" && Is(assignment.Right, parameter):
                    found = "CommandText";
                    break;
                case ObjectCreationExpressionSyntax creation when found == null && SyntaxFilters.NameOf(creation.Type) is { } typeName &&
                                                                  SqlSinks.IsCandidateTypeName(typeName) && First(creation.ArgumentList, parameter):
                    found = "new " + typeName;
                    break;
                case InvocationExpressionSyntax call when found == null && SyntaxFilters.InvokedName(call) is { } called:
                    // Another helper of the project first: its Query or Execute is not Dapper's.
                    if (Position(call.ArgumentList, parameter) is var position && position >= 0 &&
                        ReceiverType(call.Expression, method, body) is { } receiver &&
                        receiver.GetMembers(called).OfType<IMethodSymbol>().ToList() is { Count: > 0 } helpers)
                    {
                        found = helpers.Where(m => Accepts(m, call.ArgumentList.Arguments.Count))
                            .Select(m => SinkOf(m, position, depth + 1, cancellationToken)).FirstOrDefault(s => s != null);
                    }
                    else if (SqlSinks.IsCandidateMethodName(called) && !IsParameterised(called) && First(call.ArgumentList, parameter))
                    {
                        found = called;
                    }

                    break;
            }
        }

        return found;
    }

    /// <summary>Whether an overload can take this many arguments (optional and <c>params</c> parameters may be left out).</summary>
    private static bool Accepts(IMethodSymbol method, int arguments) =>
        method.Parameters.Length == arguments ||
        method.Parameters.Length > arguments && method.Parameters.Skip(arguments).All(p => p.IsOptional || p.IsParams) ||
        method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams && arguments >= method.Parameters.Length - 1;

    /// <summary>The EF Core methods whose text is always a FormattableString: a string parameter cannot reach them raw.</summary>
    private static bool IsParameterised(string name) => name is "FromSql" or "FromSqlInterpolated" or "ExecuteSql" or "ExecuteSqlAsync"
        or "ExecuteSqlInterpolated" or "ExecuteSqlInterpolatedAsync";

    /// <summary>
    /// The type a helper call is made on, read without binding: the helper's own type (<c>Query(sql)</c>,
    /// <c>this.Query(sql)</c>), the declared type of one of its locals (<c>using var db = new Db(); db.Query(sql)</c>),
    /// parameters, fields or properties (<c>_db.Query(sql)</c>), or a type of the project by its name
    /// (<c>SqlHelper.ExecuteNonQuery(sql)</c>).
    /// </summary>
    private INamedTypeSymbol? ReceiverType(ExpressionSyntax callee, IMethodSymbol method, SyntaxNode body)
    {
        switch (callee)
        {
            case SimpleNameSyntax:
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax }:
                return method.ContainingType;
            case MemberAccessExpressionSyntax { Expression: ObjectCreationExpressionSyntax creation }:
                return TypeNamed(SyntaxFilters.NameOf(creation.Type));
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }:
                var name = receiver.Identifier.ValueText;
                if (body.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(v => v.Identifier.ValueText == name) is { } local)
                {
                    // var db = new Db() names its type in the creation; Db db = … in the declaration.
                    return local.Parent is VariableDeclarationSyntax { Type.IsVar: false } declaration
                        ? TypeNamed(SyntaxFilters.NameOf(declaration.Type))
                        : local.Initializer?.Value is ObjectCreationExpressionSyntax created ? TypeNamed(SyntaxFilters.NameOf(created.Type)) : null;
                }

                if (method.Parameters.FirstOrDefault(p => p.Name == name) is { } parameter)
                {
                    return parameter.Type as INamedTypeSymbol;
                }

                foreach (var symbol in method.ContainingType.GetMembers(name))
                {
                    switch (symbol)
                    {
                        case IFieldSymbol field:
                            return field.Type as INamedTypeSymbol;
                        case IPropertySymbol property:
                            return property.Type as INamedTypeSymbol;
                    }
                }

                return TypeNamed(name);
            default:
                return null;
        }
    }

    /// <summary>The one type of the project with this name, or null (none, or several in different namespaces).</summary>
    private INamedTypeSymbol? TypeNamed(string? name)
    {
        if (name == null)
        {
            return null;
        }

        var types = compilation.GetSymbolsWithName(name, SymbolFilter.Type).OfType<INamedTypeSymbol>().Take(2).ToList();
        return types.Count == 1 ? types[0] : null;
    }

    /// <summary>The methods of this compilation that implement or override <paramref name="method"/>.</summary>
    private IEnumerable<IMethodSymbol> Implementations(IMethodSymbol method)
    {
        foreach (var candidate in compilation.GetSymbolsWithName(method.Name, SymbolFilter.Member).OfType<IMethodSymbol>())
        {
            if (candidate.IsAbstract || candidate.Parameters.Length != method.Parameters.Length)
            {
                continue;
            }

            if (method.ContainingType.TypeKind == TypeKind.Interface
                    ? SymbolEqualityComparer.Default.Equals(candidate.ContainingType.FindImplementationForInterfaceMember(method), candidate)
                    : Overrides(candidate, method))
            {
                yield return candidate;
            }
        }
    }

    private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
    {
        for (var overridden = candidate.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ExpressionSyntax expression, string parameter) =>
        SyntaxFilters.Unparenthesized(expression) is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == parameter;

    /// <summary>Whether the SQL argument — the first, or one named <c>sql</c> — is the parameter itself.</summary>
    private static bool First(BaseArgumentListSyntax? arguments, string parameter)
    {
        if (arguments == null || arguments.Arguments.Count == 0)
        {
            return false;
        }

        var named = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText is "sql" or "cmdText" or "commandText" or "selectCommandText");
        return Is((named ?? arguments.Arguments[0]).Expression, parameter);
    }

    /// <summary>The position of the parameter among the call's arguments when passed by position; -1 otherwise.</summary>
    private static int Position(BaseArgumentListSyntax arguments, string parameter)
    {
        for (var k = 0; k < arguments.Arguments.Count; k++)
        {
            if (arguments.Arguments[k].NameColon == null && Is(arguments.Arguments[k].Expression, parameter))
            {
                return k;
            }
        }

        return -1;
    }

    private sealed class KeyComparer : IEqualityComparer<(IMethodSymbol Method, int Ordinal)>
    {
        public bool Equals((IMethodSymbol Method, int Ordinal) x, (IMethodSymbol Method, int Ordinal) y) =>
            x.Ordinal == y.Ordinal && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, int Ordinal) key) => SymbolEqualityComparer.Default.GetHashCode(key.Method) * 31 + key.Ordinal;
    }
}
