using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// Loops whose iterations are not one per item, so a database call in them is the fix for N+1 rather than N+1 (HF4001,
/// HF4002): a <c>foreach</c> over batches (<c>ids.Chunk(500)</c>, MoreLINQ's <c>Batch</c>); a <c>while</c>/<c>do</c>/<c>for</c>
/// that pages through a table (it holds a query that takes the next page: <c>Take</c> after a <c>Skip</c> whose offset the
/// loop moves on); a
/// <c>while</c>/<c>do</c>/<c>for (;;)</c> that polls (it waits: <c>await Task.Delay</c>, a <c>PeriodicTimer</c> tick,
/// <c>Thread.Sleep</c>); one that drains a table in bounded batches until none is left (HF2009's own fix); a message pump (one unit of work per message of a <c>System.Threading.Channels</c> reader or a
/// <c>BlockingCollection</c>'s consuming enumerable); and a <c>foreach</c> over a list of constants written in the code
/// (<c>new[] { "admin", "ops" }</c>, <c>Enum.GetValues</c>, a read-only field of literals), whose length the data cannot
/// grow; and a retry loop (EF Core's concurrency retry with its walk over the conflicting entries, or an attempt that
/// leaves the loop once it succeeds); and a call the loop makes once every N items (the periodic save of a bulk import,
/// under <c>if (++count % 1000 == 0)</c>). A call on a context (or
/// connection) created inside a loop is one unit of work per iteration (per tenant, per item in its own transaction):
/// that loop and the loops around it are not counted for it. A per-item loop around such a loop still counts.
/// </summary>
internal static class LoopShapes
{
    /// <summary>The innermost loop around <paramref name="operation"/> that runs once per item, or null.</summary>
    public static ILoopOperation? PerItemLoop(IOperation operation) =>
        InnermostPerItemLoop(operation) is { } loop && !StartupCode.RunsOnce(StartupCode.EnclosingFunction(operation))
            ? loop
            : null; // seeding at start-up runs once, before the first request

    private static ILoopOperation? InnermostPerItemLoop(IOperation operation)
    {
        var declared = DeclarationOfReceiver(operation);
        for (var loop = operation.EnclosingLoop(); loop != null; loop = loop.EnclosingLoop())
        {
            if (declared != null && loop.Syntax.Span.Contains(declared.Value))
            {
                return null; // the context is this loop's own, one per iteration
            }

            if (!IsBatched(loop) && !PagesOrPolls(loop) && !DrainsInBatches(loop) && !PumpsMessages(loop) && !OverConstants(loop) && !OverConflictEntries(loop) &&
                !Retries(operation, loop) && !OncePerBatch(operation, loop))
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>
    /// Where the local the call works on is declared — the context under <c>db.Orders.Where(…).ToList()</c>,
    /// <c>db.SaveChanges()</c>, <c>db.Database.ExecuteSqlRaw(…)</c>, the connection of a Dapper call — or null when it is
    /// no local (a parameter, a field) or cannot be told.
    /// </summary>
    private static Microsoft.CodeAnalysis.Text.TextSpan? DeclarationOfReceiver(IOperation operation)
    {
        var current = operation is IForEachLoopOperation loop ? loop.Collection : operation;
        for (var depth = 0; depth < 16; depth++)
        {
            switch (current.WithoutConversions())
            {
                case IInvocationOperation invocation:
                    var next = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    if (next == null)
                    {
                        return null;
                    }

                    current = next;
                    continue;
                case IPropertyReferenceOperation { Instance: { } instance }:
                    current = instance;
                    continue;
                case ILocalReferenceOperation local when local.Local.DeclaringSyntaxReferences.Length == 1 && IsUnitOfWork(local.Local.Type):
                    return local.Local.DeclaringSyntaxReferences[0].Span;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// A context or a connection: what a unit of work is made of. Not a query kept in a local (<c>var q =
    /// db.Orders.Where(…)</c> declared in the loop still runs per item on the loop's context).
    /// </summary>
    private static bool IsUnitOfWork(ITypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return type.GetMembers().Any(m => m.Name is "SaveChanges" or "SaveChangesAsync") || type.IsOrDerivesFrom("IDbConnection", "System.Data");
        }

        return type.IsOrDerivesFrom("DbContext", "Microsoft.EntityFrameworkCore") || type.IsOrDerivesFrom("DbConnection", "System.Data.Common");
    }

    /// <summary>
    /// A loop that takes one message at a time from an in-process queue: a <c>foreach</c> over
    /// <c>ChannelReader.ReadAllAsync</c> or <c>BlockingCollection.GetConsumingEnumerable</c>, or a <c>while</c>/<c>do</c>/
    /// <c>for (;;)</c> whose own code reads a <c>ChannelReader</c> (<c>WaitToReadAsync</c>, <c>TryRead</c>, <c>ReadAsync</c>).
    /// </summary>
    private static bool PumpsMessages(ILoopOperation loop)
    {
        if (loop is IForEachLoopOperation { Collection: var collection })
        {
            return collection.WithoutConversions() is IInvocationOperation { TargetMethod: var source } &&
                (source.Name == "ReadAllAsync" && IsChannelReader(source.ContainingType) ||
                 source.Name == "GetConsumingEnumerable" && source.ContainingType.IsOrDerivesFrom("BlockingCollection", "System.Collections.Concurrent"));
        }

        if (loop is not (IWhileLoopOperation or IForLoopOperation { Condition: null }))
        {
            return false;
        }

        return OwnCalls(loop).Any(call => SyntaxFilters.InvokedName(call) is "WaitToReadAsync" or "TryRead" or "ReadAsync" &&
            loop.SemanticModel?.GetOperation(call) is IInvocationOperation read && IsChannelReader(read.TargetMethod.ContainingType));
    }

    /// <summary>The calls in the loop's own code: a lambda's or local function's run whenever that function does.</summary>
    private static IEnumerable<InvocationExpressionSyntax> OwnCalls(ILoopOperation loop) =>
        loop.Syntax.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<InvocationExpressionSyntax>();

    private static bool IsChannelReader(INamedTypeSymbol? type) => type.IsOrDerivesFrom("ChannelReader", "System.Threading.Channels");

    /// <summary>
    /// A retry loop: a <c>while</c>/<c>do</c>/<c>for</c> that runs the call inside a <c>try</c> and goes round again
    /// only when the attempt failed, so it runs once per attempt, not per item: the attempt ends by leaving the loop —
    /// its last statement is a <c>break</c> or <c>return</c> (<c>return await db.Orders.ToListAsync();</c>), or sets the
    /// flag the loop's condition tests (<c>saved = true;</c>). The call is in the attempt; in EF Core's
    /// optimistic-concurrency retry (its documented pattern: the <c>try</c> catches <c>DbUpdateException</c> or a
    /// subclass, such as <c>DbUpdateConcurrencyException</c>) it may also be in the handler, with no other loop in between
    /// but the handler's walk over the conflicting entries. Not a <c>foreach</c>, nor an attempt that carries on with the
    /// next item after it succeeds: a call per item whose failures are caught and skipped is still a call per item,
    /// whatever the handler catches.
    /// </summary>
    private static bool Retries(IOperation operation, ILoopOperation loop)
    {
        if (loop is IForEachLoopOperation)
        {
            return false;
        }

        IOperation child = operation;
        for (var current = operation.Parent; current != null && current != loop; child = current, current = current.Parent)
        {
            if (current is ILoopOperation inner && !OverConflictEntries(inner))
            {
                return false; // the try belongs to a loop inside this one
            }

            if (current is ITryOperation { Catches.Length: > 0 } attempt)
            {
                // Only a failed attempt goes round again: one that succeeds leaves the loop. A try that catches and
                // carries on with the next item (for (i …) { try { db.Add(rows[i]); db.SaveChanges(); } catch … { } })
                // saves once per item, whatever it catches.
                return LeavesTheLoop(attempt.Body, loop) &&
                    (child == attempt.Body || attempt.Catches.Any(handler => IsDbUpdateException(handler.ExceptionType)));
            }
        }

        return false;
    }

    /// <summary>
    /// The call runs once every N items, not per item: it sits under an <c>if</c> in this loop that tests a counter modulo
    /// a batch size (<c>if (++count % 1000 == 0)</c>), a counter equal to one (<c>if (pending == 500)</c>), or a buffer or
    /// counter against a batch size that the same block empties or resets (<c>if (buffer.Count &gt;= BatchSize) { …;
    /// buffer.Clear(); }</c>) — the periodic save of a bulk import. The counter must outlive an iteration: a test of the
    /// item itself (<c>if (order.Lines.Count &gt;= 10)</c>, <c>if (id % 2 == 0)</c>) picks items, it does not batch them.
    /// </summary>
    private static bool OncePerBatch(IOperation operation, ILoopOperation loop)
    {
        IOperation child = operation;
        for (var current = operation.Parent; current != null && current != loop; child = current, current = current.Parent)
        {
            if (current is ILoopOperation)
            {
                return false; // the test belongs to a loop inside this one
            }

            if (current is IConditionalOperation conditional && child == conditional.WhenTrue && TestsABatch(conditional.Condition, conditional.WhenTrue, loop))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TestsABatch(IOperation condition, IOperation block, ILoopOperation loop)
    {
        switch (condition.WithoutConversions())
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } both:
                return TestsABatch(both.LeftOperand, block, loop) || TestsABatch(both.RightOperand, block, loop);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals, LeftOperand: var left, RightOperand: var right } when IsZero(right) || IsZero(left):
                return IsZero(right) ? CountsModuloASize(left, loop) : CountsModuloASize(right, loop);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals, LeftOperand: var counter, RightOperand: var size }:
                return IsBatchSize(size) && Counter(counter, loop) is not null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.GreaterThan, LeftOperand: var tracked, RightOperand: var size }
                when CountsTrackedEntries(tracked):
                // The change tracker is the buffer: if (db.ChangeTracker.Entries().Count() >= 1000) { save; db.ChangeTracker.Clear(); }
                return IsBatchSize(size) && ClearsTheTracker(block);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.GreaterThan, LeftOperand: var counter, RightOperand: var size }:
                return IsBatchSize(size) && Counter(counter, loop) is { } symbol && Resets(block, symbol);
            default:
                return false;
        }
    }

    private static bool CountsModuloASize(IOperation operation, ILoopOperation loop) =>
        operation.WithoutConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Remainder, LeftOperand: var counter, RightOperand: var size } &&
        IsBatchSize(size) && (Counter(counter, loop) is not null || IsForIndex(counter, loop));

    private static bool IsZero(IOperation operation) => operation.WithoutConversions().ConstantValue is { HasValue: true, Value: 0 or 0L };

    /// <summary>A size larger than one: a literal or constant of at least 2, or a variable, field or property (a configured batch size).</summary>
    private static bool IsBatchSize(IOperation operation)
    {
        var size = operation.WithoutConversions();
        if (size.ConstantValue is { HasValue: true, Value: var value })
        {
            return value is int i && i >= 2 || value is long l && l >= 2;
        }

        return size is ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation;
    }

    /// <summary>
    /// The variable that counts across iterations — a local declared before the loop or a field, possibly incremented in
    /// place, or the one whose <c>Count</c>/<c>Length</c> is read — or null (the item, or something declared in the loop).
    /// </summary>
    private static ISymbol? Counter(IOperation operation, ILoopOperation loop)
    {
        var symbol = operation.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation field => field.Field,
            IIncrementOrDecrementOperation { Target: var target } => Counter(target, loop),
            IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } buffer } => buffer.WithoutConversions() switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            },
            _ => null,
        };
        return symbol is ILocalSymbol && symbol.DeclaringSyntaxReferences.Any(r => loop.Syntax.Span.Contains(r.Span)) ? null : symbol;
    }

    /// <summary>A <c>for</c> loop's own index (<c>if (i % 100 == 0)</c>): it counts iterations, one per item.</summary>
    private static bool IsForIndex(IOperation operation, ILoopOperation loop) =>
        loop is IForLoopOperation forLoop && operation.WithoutConversions() is ILocalReferenceOperation local && forLoop.Locals.Contains(local.Local);

    /// <summary><c>context.ChangeTracker.Entries().Count()</c> (also <c>Entries&lt;T&gt;()</c>, <c>LongCount()</c>).</summary>
    private static bool CountsTrackedEntries(IOperation operation) =>
        operation.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" } count &&
        (count.Instance ?? (count.Arguments.Length == 1 ? count.Arguments[0].Value : null))?.WithoutConversions() is
            IInvocationOperation { TargetMethod.Name: "Entries", Instance: { } tracker } &&
        IsChangeTracker(tracker);

    private static bool ClearsTheTracker(IOperation block) =>
        block.Descendants().Any(d => d is IInvocationOperation { TargetMethod.Name: "Clear", Instance: { } tracker } && IsChangeTracker(tracker));

    private static bool IsChangeTracker(IOperation operation) =>
        operation.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "ChangeTracker" } property &&
        property.Property.Type.Name == "ChangeTracker";

    /// <summary>The block empties the buffer (<c>Clear()</c>, a new one) or sets the counter back to zero.</summary>
    private static bool Resets(IOperation block, ISymbol counter) =>
        block.Descendants().Any(d => d switch
        {
            IInvocationOperation { TargetMethod.Name: "Clear", Instance: { } instance } => Refers(instance, counter),
            ISimpleAssignmentOperation { Target: var target, Value: var value } => Refers(target, counter) && (IsZero(value) || value.WithoutConversions() is IObjectCreationOperation),
            _ => false,
        });

    private static bool Refers(IOperation operation, ISymbol symbol) => operation.WithoutConversions() switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
        IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field, symbol),
        _ => false,
    };

    private static bool LeavesTheLoop(IBlockOperation attempt, ILoopOperation loop)
    {
        if (attempt.Syntax is not BlockSyntax { Statements: { Count: > 0 } statements })
        {
            return false;
        }

        switch (statements[statements.Count - 1])
        {
            case BreakStatementSyntax:
            case ReturnStatementSyntax:
                return true;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax flag } }:
                return ConditionOf(loop.Syntax) is { } condition && Mentions(condition, flag.Identifier.ValueText);
            default:
                return false;
        }
    }

    /// <summary>The handler's <c>foreach (var entry in exception.Entries)</c>: the entities of one failed save, not items.</summary>
    private static bool OverConflictEntries(ILoopOperation loop) =>
        loop is IForEachLoopOperation { Collection: var collection } &&
        collection.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "Entries", Instance: { } exception } &&
        IsDbUpdateException(exception.Type);

    private static bool IsDbUpdateException(ITypeSymbol? type) => type.IsOrDerivesFrom("DbUpdateException", "Microsoft.EntityFrameworkCore");

    /// <summary>
    /// A <c>foreach</c> over a list written out in the code — its elements constants or values
    /// (<c>new[] { order.BuyerId, order.SellerId }</c>: two lookups, whatever the data) —, over an enum's values or names,
    /// or over EF Core's model's entity types.
    /// </summary>
    private static bool OverConstants(ILoopOperation loop)
    {
        if (loop is not IForEachLoopOperation { Collection: var collection })
        {
            return false;
        }

        switch (collection.WithoutConversions())
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.Length > 0;
            case IObjectCreationOperation { Initializer: { } initializer, Arguments.Length: 0 }:
                return initializer.Initializers.Length > 0 && initializer.Initializers.All(i =>
                    i is IInvocationOperation { TargetMethod: { Name: "Add", IsExtensionMethod: false }, Arguments.Length: 1 });
            case IInvocationOperation { TargetMethod: { Name: "GetValues" or "GetNames", ContainingType.SpecialType: SpecialType.System_Enum } }:
                return true;
            // context.Model.GetEntityTypes(): the model's entity types, as many as the code declares (a test reset, a
            // schema report), whatever the data.
            case IInvocationOperation { TargetMethod.Name: "GetEntityTypes", Instance: { } model }
                when model.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "Model" }:
                return true;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when CannotGrow(field.Type):
                return field.DeclaringSyntaxReferences.Length == 1 &&
                    field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value } && ListsOnlyLiterals(value);
            default:
                return false;
        }
    }

    /// <summary>
    /// A read-only field's type whose length no code can change: an array, <c>ImmutableArray</c>, or a read-only
    /// interface (<c>IReadOnlyList</c>, <c>IEnumerable</c>) — not a <c>List</c>, which an <c>Add</c> elsewhere could grow.
    /// </summary>
    private static bool CannotGrow(ITypeSymbol type) =>
        type is IArrayTypeSymbol ||
        type is INamedTypeSymbol { Name: "ImmutableArray" or "IReadOnlyList" or "IReadOnlyCollection" or "IEnumerable" or "IReadOnlySet" or "FrozenSet" };

    /// <summary>
    /// The seeders' <c>static readonly string[] Roles = { "Admin", "Editor" };</c> — in any initializer form (an array, a
    /// collection expression, a list built with an initializer) —, written with literals only.
    /// </summary>
    private static bool ListsOnlyLiterals(ExpressionSyntax value) => value switch
    {
        InitializerExpressionSyntax braces => AllLiterals(braces.Expressions),
        ArrayCreationExpressionSyntax { Initializer: { } braces } => AllLiterals(braces.Expressions),
        ImplicitArrayCreationExpressionSyntax { Initializer: var braces } => AllLiterals(braces.Expressions),
        BaseObjectCreationExpressionSyntax { Initializer: { } braces, ArgumentList: null or { Arguments.Count: 0 } } => AllLiterals(braces.Expressions),
        CollectionExpressionSyntax collection => collection.Elements.Count > 0 &&
            collection.Elements.All(e => e is ExpressionElementSyntax { Expression: LiteralExpressionSyntax }),
        _ => false,
    };

    private static bool AllLiterals(SeparatedSyntaxList<ExpressionSyntax> elements) => elements.Count > 0 && elements.All(e => e is LiteralExpressionSyntax);

    private static bool IsBatched(ILoopOperation loop) =>
        loop is IForEachLoopOperation { Collection: var collection } &&
        collection.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "Chunk" or "Batch" } batches &&
        ElementType(batches.Type) is { } element && element.SpecialType != SpecialType.System_String &&
        (element is IArrayTypeSymbol || element.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

    private static ITypeSymbol? ElementType(ITypeSymbol? sequence) =>
        sequence is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named &&
        (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
         named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))
            ? named.TypeArguments[0]
            : null;

    /// <summary>
    /// A loop whose own code, not a lambda's, takes the next page of a query (a while, a do or a for: <c>for (var page =
    /// 0; page &lt; pages; page++)</c> counts pages, not items), or that waits and is no walk over a collection or a
    /// counter (a while, a do, a for without a condition: a per-item loop may pause between items).
    /// </summary>
    private static bool PagesOrPolls(ILoopOperation loop)
    {
        if (loop is IForEachLoopOperation)
        {
            return false;
        }

        var mayPoll = loop is IWhileLoopOperation or IForLoopOperation { Condition: null };
        return OwnCalls(loop).Any(call => SyntaxFilters.InvokedName(call) is { } name &&
            (mayPoll && name is "Delay" or "WaitForNextTickAsync" or "Sleep" || (name == "Take" && TakesAPage(call, loop.Syntax))));
    }

    /// <summary>
    /// A <c>while</c>/<c>do</c>/<c>for (;;)</c> that works through a table in bounded batches until none is left — the
    /// fix HF2009 asks for: its own code keeps what a bounded call returned in a local — a batch (<c>Take(n)</c> in the
    /// call's chain) or the rows a write changed (<c>ExecuteDelete</c>, <c>ExecuteUpdate</c>, <c>ExecuteSql…</c>, Dapper's
    /// <c>Execute</c>, <c>ExecuteNonQuery</c>, whose SQL holds the bound) — and the loop ends on that local: its condition
    /// reads it, or an <c>if</c> in it that breaks out or returns does. The database decides how many iterations run, a
    /// batch each, not a collection's items. A walk that follows a chain one row at a time (<c>node = db.Nodes.Find(…)</c>)
    /// is neither bounded call and still counts.
    /// </summary>
    private static bool DrainsInBatches(ILoopOperation loop)
    {
        if (loop is not (IWhileLoopOperation or IForLoopOperation { Condition: null }))
        {
            return false;
        }

        var exits = ExitTests(loop.Syntax).ToList();
        return exits.Count > 0 && OwnCalls(loop).Any(call =>
            (SyntaxFilters.InvokedName(call) is { } name && CountsChangedRows(name) || SyntaxFilters.EarlierCallsInChain(call.Expression).Contains("Take")) &&
            ResultLocal(call) is { } local &&
            exits.Any(test => Mentions(test, local)));
    }

    private static bool CountsChangedRows(string name) => name is "ExecuteDelete" or "ExecuteDeleteAsync" or "ExecuteUpdate" or "ExecuteUpdateAsync" or
        "ExecuteSqlRaw" or "ExecuteSqlRawAsync" or "ExecuteSqlInterpolated" or "ExecuteSqlInterpolatedAsync" or "ExecuteSql" or "ExecuteSqlAsync" or
        "Execute" or "ExecuteAsync" or "ExecuteNonQuery" or "ExecuteNonQueryAsync";

    /// <summary>The loop's condition and the conditions of the <c>if</c>s in its own code that break out of it or return.</summary>
    private static IEnumerable<ExpressionSyntax> ExitTests(SyntaxNode loop)
    {
        if (ConditionOf(loop) is { } condition)
        {
            yield return condition;
        }

        var body = loop switch
        {
            WhileStatementSyntax w => w.Statement,
            DoStatementSyntax d => d.Statement,
            ForStatementSyntax f => f.Statement,
            _ => null,
        };
        if (body == null)
        {
            yield break;
        }

        // A break inside a nested loop or switch ends that one, not this loop; a lambda's return ends the lambda.
        foreach (var test in body.DescendantNodesAndSelf(n => n == body || !IsOwnScope(n)).OfType<IfStatementSyntax>())
        {
            if (test.Statement.DescendantNodesAndSelf(n => !IsOwnScope(n)).Any(n => n is BreakStatementSyntax or ReturnStatementSyntax))
            {
                yield return test.Condition;
            }
        }
    }

    private static ExpressionSyntax? ConditionOf(SyntaxNode loop) => loop switch
    {
        WhileStatementSyntax w => w.Condition,
        DoStatementSyntax d => d.Condition,
        ForStatementSyntax f => f.Condition,
        _ => null,
    };

    private static bool Mentions(SyntaxNode node, string name) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == name);

    private static bool IsOwnScope(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or
            CommonForEachStatementSyntax or SwitchStatementSyntax;

    /// <summary>The local a call's result is stored in (<c>var n = await q.ExecuteDeleteAsync();</c>, <c>n = …</c>), through an await and ConfigureAwait.</summary>
    private static string? ResultLocal(InvocationExpressionSyntax call)
    {
        SyntaxNode node = call;
        while (true)
        {
            switch (node.Parent)
            {
                case AwaitExpressionSyntax or ParenthesizedExpressionSyntax:
                    node = node.Parent;
                    continue;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configured } member when member.Expression == node:
                    node = configured;
                    continue;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return declarator.Identifier.ValueText;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == node:
                    return target.Identifier.ValueText;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// Take(n) after a Skip whose offset the loop moves on (<c>Skip(page * size)</c> with <c>page++</c>, <c>Skip(skip)</c>
    /// with <c>skip += n</c>): the next page of the query on every iteration. An ordering alone is no page —
    /// <c>Where(o =&gt; o.CustomerId == id).OrderByDescending(…).Take(3)</c> in a walk over ids is "the latest three" per
    /// item — and a keyset page (<c>Where(o =&gt; o.Id &gt; last)</c>) is a drain: the loop ends on what it returned
    /// (<see cref="DrainsInBatches"/>).
    /// </summary>
    private static bool TakesAPage(InvocationExpressionSyntax take, SyntaxNode loop)
    {
        for (var current = (take.Expression as MemberAccessExpressionSyntax)?.Expression;
             current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call;
             current = member.Expression)
        {
            if (member.Name.Identifier.ValueText == "Skip" && call.ArgumentList.Arguments.Count == 1 &&
                call.ArgumentList.Arguments[0].Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(offset => WrittenIn(loop, offset.Identifier.ValueText)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the loop's own code (its header included) assigns, increments or decrements a variable of that name.</summary>
    private static bool WrittenIn(SyntaxNode loop, string name) =>
        loop.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).Any(node => node switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } => target.Identifier.ValueText == name,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression, Operand: IdentifierNameSyntax target } =>
                target.Identifier.ValueText == name,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression, Operand: IdentifierNameSyntax target } =>
                target.Identifier.ValueText == name,
            _ => false,
        });
}
