using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// Where a query expression comes from, by walking back through its LINQ operators to the root: a <c>DbSet</c>,
/// <c>Set&lt;T&gt;()</c>, <c>FromSql*</c> or <c>Database.SqlQuery*</c> is EF Core; a parameter, field, property or method result of type
/// <c>IQueryable</c> is unknown (it could be an in-memory <c>AsQueryable()</c>). The deferred operators of LINQ to Objects
/// over a query (<c>AsEnumerable().Select(…)</c>) are walked through: enumerating them runs it. Locals are followed through every value
/// assigned to them, so <c>var q = db.Orders; if (x) q = q.Where(...);</c> has two paths. Only provable EF queries are
/// reported by the query rules — LinqContraband's line, which keeps them quiet on in-memory LINQ.
/// </summary>
internal static class EfQueries
{
    private const int MaxDepth = 32;
    private const int MaxPaths = 16;

    /// <summary>The EF Core materialising / aggregating operators of <c>System.Linq.Queryable</c> (sync).</summary>
    public static readonly HashSet<string> QueryableTerminals = new(StringComparer.Ordinal)
    {
        "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault",
        "Any", "All", "Count", "LongCount", "Sum", "Min", "Max", "Average", "Contains", "MinBy", "MaxBy", "Aggregate",
    };

    /// <summary>The <c>System.Linq.Enumerable</c> operators that execute a query they are given.</summary>
    public static readonly HashSet<string> EnumerableMaterialisers = new(StringComparer.Ordinal)
    {
        "ToList", "ToArray", "ToDictionary", "ToHashSet", "ToLookup",
    };

    /// <summary>
    /// The cheap test before the IOperation: walks the written LINQ chain (<c>x.Where(…).Select(…)</c>) down to its first
    /// receiver and asks only that expression's type. A list, an array or anything that is not a DbSet, a DbContext or an
    /// IQueryable cannot be an EF query, which settles most in-memory LINQ without building the member's operation tree.
    /// </summary>
    public static bool MayBeEfQuery(ExpressionSyntax? receiver, SemanticModel model, EfCoreSymbols ef, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (receiver)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }:
                    receiver = member.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    receiver = parenthesized.Expression;
                    continue;
                case null:
                    return true; // an unqualified call (a local extension, `using static`): let the IOperation decide
            }

            var type = model.GetTypeInfo(receiver, cancellationToken).Type;
            return type == null || type.TypeKind == TypeKind.Error || ef.IsDbSet(type) || ef.IsDbContext(type) || type.Implements(ef.QueryableOfT) ||
                type.IsOrDerivesFrom(ef.DatabaseFacade); // db.Database.SqlQuery<T>(…)
        }
    }

    /// <summary>Whether <paramref name="expression"/> is an EF Core query (or DbSet) on every path to its root.</summary>
    public static bool IsEfQuery(IOperation? expression, EfCoreSymbols ef, CancellationToken cancellationToken)
    {
        if (expression == null)
        {
            return false;
        }

        var paths = PathsOf(expression, ef, static _ => false, cancellationToken);
        if (paths == null || paths.Count == 0)
        {
            return false;
        }

        foreach (var path in paths)
        {
            if (!path.IsEf)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Every way the query can be built, each with whether it reaches an EF root and whether an operator on it matched
    /// <paramref name="isFilter"/>; null when there are more than a handful (not worth guessing).
    /// </summary>
    public static List<QueryPath>? PathsOf(IOperation expression, EfCoreSymbols ef, Func<IInvocationOperation, bool> isFilter, CancellationToken cancellationToken)
    {
        var paths = new List<QueryPath>();
        var walker = new Walker(ef, isFilter, paths, cancellationToken);
        return walker.Walk(expression, filtered: false, depth: 0) ? paths : null;
    }

    private sealed class Walker
    {
        private readonly EfCoreSymbols ef;
        private readonly Func<IInvocationOperation, bool> isFilter;
        private readonly List<QueryPath> paths;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<SyntaxNode> following = new();

        public Walker(EfCoreSymbols ef, Func<IInvocationOperation, bool> isFilter, List<QueryPath> paths, CancellationToken cancellationToken)
        {
            this.ef = ef;
            this.isFilter = isFilter;
            this.paths = paths;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>Adds the paths of <paramref name="expression"/>; false when the walk gave up (too deep, too many paths).</summary>
        public bool Walk(IOperation expression, bool filtered, int depth)
        {
            if (depth > MaxDepth || paths.Count > MaxPaths)
            {
                return false;
            }

            var operation = expression.WithoutConversions();
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    // db.Set<T>(), and DbSet's own AsQueryable()/AsAsyncEnumerable(): the query starts at EF Core.
                    if ((method.Name == "Set" && ef.IsDbContext(method.ContainingType)) || ef.IsDbSet(method.ContainingType))
                    {
                        return Add(isEf: true, filtered);
                    }

                    if (method.Name.StartsWith("SqlQuery", StringComparison.Ordinal) && method.IsDeclaredIn(ef.RelationalDatabaseFacadeExtensions))
                    {
                        return Add(isEf: true, filtered: true); // db.Database.SqlQuery<T>(…): raw SQL decides its own rows
                    }

                    // db.Orders.Where(…).AsEnumerable().Select(…): LINQ to Objects over a query is deferred, and enumerating
                    // it runs the query underneath. (ToList() in between has run it already: a List is not deferred.)
                    if (method.IsDeclaredIn(ef.Enumerable) && IsDeferredSequence(method.ReturnType))
                    {
                        var sequence = invocation.ReceiverOf();
                        return sequence == null ? Add(isEf: false, filtered) : Walk(sequence, filtered, depth + 1);
                    }

                    if (!ef.IsLinqQueryable(method) && !ef.IsEfQueryExtension(method))
                    {
                        return Add(isEf: ef.IsDbSet(operation.Type), filtered);
                    }

                    filtered |= isFilter(invocation);
                    if (method.Name.StartsWith("FromSql", StringComparison.Ordinal))
                    {
                        return Add(isEf: true, filtered: true); // raw SQL decides its own rows
                    }

                    var source = invocation.ReceiverOf();
                    return source == null ? Add(isEf: false, filtered) : Walk(source, filtered, depth + 1);

                // archivedOnly ? db.Orders.Where(…) : db.Orders — each branch is a way the query can be built.
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Walk(conditional.WhenTrue, filtered, depth + 1) && Walk(whenFalse, filtered, depth + 1);

                case ICoalesceOperation coalesce:
                    return Walk(coalesce.Value, filtered, depth + 1) && Walk(coalesce.WhenNull, filtered, depth + 1);

                case ILocalReferenceOperation local when operation.SemanticModel != null && !ef.IsDbSet(operation.Type):
                    // The writes that reach this read. In `q = q.Where(…); q.ExecuteDelete();` only the Where reaches the
                    // call, and the `q` inside it is followed at its own place, where the earlier writes reach it.
                    if (!LocalAssignments.TryGetValues(local.Local, operation.SemanticModel, out var values, cancellationToken, operation.Syntax, selfReadsOverwrite: true))
                    {
                        return Add(isEf: false, filtered);
                    }

                    foreach (var value in values)
                    {
                        if (value.Compound)
                        {
                            return Add(isEf: false, filtered);
                        }

                        if (!following.Add(value.Value.Syntax))
                        {
                            continue; // the write being walked: its path through itself adds nothing the other writes lack
                        }

                        try
                        {
                            if (!Walk(value.Value, filtered, depth + 1))
                            {
                                return false;
                            }
                        }
                        finally
                        {
                            following.Remove(value.Value.Syntax);
                        }
                    }

                    return true;

                default:
                    return Add(isEf: ef.IsDbSet(operation.Type), filtered);
            }
        }

        /// <summary>An <c>IEnumerable&lt;T&gt;</c> or <c>IOrderedEnumerable&lt;T&gt;</c>: what the deferred operators of Enumerable return.</summary>
        private static bool IsDeferredSequence(ITypeSymbol type) =>
            type is INamedTypeSymbol { Arity: 1, TypeKind: TypeKind.Interface } sequence &&
            (sequence.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
             sequence.Name == "IOrderedEnumerable" && sequence.ContainingNamespace?.ToDisplayString() == "System.Linq");

        private bool Add(bool isEf, bool filtered)
        {
            paths.Add(new QueryPath(isEf, filtered));
            return true;
        }
    }
}

/// <summary>One way a query is built: whether it starts at EF Core, and whether a filtering operator is on the way.</summary>
internal readonly struct QueryPath
{
    public QueryPath(bool isEf, bool hasFilter)
    {
        IsEf = isEf;
        HasFilter = hasFilter;
    }

    public bool IsEf { get; }

    public bool HasFilter { get; }
}
